#!/usr/bin/env bash
# Runs the pytest suites of the seed ML code (model-build step scripts, model-deploy drift check)
# with the Python that has Debian's data-science packages. Fails, saying what to install, when a
# library is missing; never skips.
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=scripts/lib/python-modules.sh
source scripts/lib/python-modules.sh

PYTHON="${SAGEMAKER_GITOPS_PYTHON:-$DEBIAN_PYTHON}"
# Installing is the test task's first step (scripts/test-deps.sh); here only the check.
ensure_modules python-tests "$PYTHON" 0 'the pytest suites of the seed code' "${TEST_MODULES[@]}" "${PYTEST_RUNNER_MODULES[@]}" || exit 1

suites=()
for dir in seed-code/model-build/pipelines seed-code/model-deploy/monitoring; do
  if compgen -G "$dir/test_*.py" >/dev/null; then
    suites+=("$dir")
  fi
done
# One pytest worker per core (pytest-xdist): most tests start a step script in a python of its own,
# and one worker left the second core idle (62 s against 44 s on 2 cores, 2026-12-07).
workers="$(nproc 2>/dev/null || echo 2)"
echo "python-tests: $("$PYTHON" --version) on ${suites[*]}, $workers workers"
PYTHONDONTWRITEBYTECODE=1 exec "$PYTHON" -m pytest -p no:cacheprovider -q -n "$workers" "${suites[@]}"
