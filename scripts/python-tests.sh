#!/usr/bin/env bash
# Runs the pytest suites of the seed ML code (model-build step scripts, model-deploy drift check)
# with the Python that has Debian's data-science packages. Fails, saying what to install, when a
# library is missing; never skips.
set -euo pipefail
cd "$(dirname "$0")/.."

PYTHON="${SAGEMAKER_GITOPS_PYTHON:-/usr/bin/python3}"
MODULES=(pandas numpy scipy sklearn xgboost pytest)
PACKAGES="python3-pandas python3-scipy python3-sklearn python3-xgboost python3-pytest"

if ! command -v "$PYTHON" >/dev/null 2>&1; then
  echo "python-tests: $PYTHON not found; install Debian's python3 and: apt-get install -y $PACKAGES (or set SAGEMAKER_GITOPS_PYTHON)" >&2
  exit 1
fi
missing=()
for module in "${MODULES[@]}"; do
  "$PYTHON" -c "import $module" 2>/dev/null || missing+=("$module")
done
if ((${#missing[@]} > 0)); then
  echo "python-tests: $PYTHON cannot import: ${missing[*]}. Install them with: apt-get install -y $PACKAGES" >&2
  exit 1
fi

suites=()
for dir in seed-code/model-build/pipelines seed-code/model-deploy/monitoring; do
  if compgen -G "$dir/test_*.py" >/dev/null; then
    suites+=("$dir")
  fi
done
echo "python-tests: $("$PYTHON" --version) on ${suites[*]}"
PYTHONDONTWRITEBYTECODE=1 exec "$PYTHON" -m pytest -p no:cacheprovider -q "${suites[@]}"
