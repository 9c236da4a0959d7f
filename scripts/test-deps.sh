#!/usr/bin/env bash
# The first step of `npm test`: makes sure what the tests need outside npm is there, or stops at
# once with one message saying what to run. The tests need:
#   - Debian's python3 (or SAGEMAKER_GITOPS_PYTHON) with pandas, numpy, scipy, scikit-learn,
#     XGBoost, Matplotlib and pytest: the seed code's pytest suites and the local-run tests; and
#     pytest-xdist, which runs the pytest suites on every core;
#   - unless SAGEMAKER_GITOPS_SKIP_MOTO=1 (outside CI only): the modules moto's server imports, and
#     moto itself in its cache folder (scripts/install-moto.sh): the CLI's integration tests.
# Missing modules are installed with apt-get when this user may (root, or passwordless sudo), as CI
# does; otherwise it exits 1 with one message naming each missing module and the install command.
# With everything there it runs no apt-get and takes well under a second.
#
# Options:
#   --no-install  only check the modules, never install (the jest suites that run Python use this)
#   --no-moto     leave moto out (the Python modules only)
#   --no-xdist    leave pytest-xdist out (only scripts/python-tests.sh uses it)
# Environment: SAGEMAKER_GITOPS_PYTHON, SAGEMAKER_GITOPS_SKIP_MOTO, CI, and install-moto.sh's.
set -euo pipefail
here="${BASH_SOURCE[0]%/*}"
[[ "$here" == "${BASH_SOURCE[0]}" ]] && here=.
# shellcheck source=scripts/lib/python-modules.sh
source "$here/lib/python-modules.sh"

install=1
moto=1
xdist=1
for arg in "$@"; do
  case "$arg" in
    --no-install) install=0 ;;
    --no-moto) moto=0 ;;
    --no-xdist) xdist=0 ;;
    *) echo "test-deps: error: unknown option $arg (allowed: --no-install, --no-moto, --no-xdist)" >&2; exit 2 ;;
  esac
done

# The same rule as test/integration/moto.ts: skipping moto is for machines without it, never CI.
skip="${SAGEMAKER_GITOPS_SKIP_MOTO:-}"
case "$skip" in
  '' | 0) ;;
  1)
    if [[ -n "${CI:-}" && "${CI}" != false ]]; then
      echo "test-deps: error: SAGEMAKER_GITOPS_SKIP_MOTO=1 is not allowed in CI (CI=$CI): CI runs the moto integration tests" >&2
      exit 1
    fi
    moto=0
    ;;
  *) echo "test-deps: error: SAGEMAKER_GITOPS_SKIP_MOTO must be 1 (skip the moto integration tests) or 0, got $skip" >&2; exit 1 ;;
esac

PYTHON="${SAGEMAKER_GITOPS_PYTHON:-$DEBIAN_PYTHON}"
modules=("${TEST_MODULES[@]}")
if ((xdist)); then
  modules+=("${PYTEST_RUNNER_MODULES[@]}")
fi
what='the pytest suites and the local-run tests'
if ((moto)); then
  modules+=("${MOTO_MODULES[@]}")
  what="$what; moto's server for the integration tests, which SAGEMAKER_GITOPS_SKIP_MOTO=1 skips outside CI"
fi
ensure_modules test-deps "$PYTHON" "$install" "$what" "${modules[@]}" || exit 1
echo "test-deps: $PYTHON has ${modules[*]}"

if ((moto && install)); then
  # Into its cache folder, from the Debian archive, without root. Cached: a second run only checks
  # that moto still imports (under a second).
  "$BASH" "$here/install-moto.sh"
fi
