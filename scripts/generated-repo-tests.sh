#!/usr/bin/env bash
# `npm test`'s last steps: a generated repository's own type-check and tests, run as its team runs
# them (`npm run build && npm test` in the folder). Their tests synthesize with `new App()`, which
# writes a `cdk.out*` folder into the temporary folder and leaves it there (1-2 MB per app); here
# TMPDIR points at a folder of this run's own, removed when the tests end, pass or fail, so
# `npm test` leaves nothing behind (SAGEMAKER_GITOPS_KEEP_TEST_TMP=1 keeps it, as for jest).
set -euo pipefail
cd "$(dirname "$0")/.."
dir="${1:?usage: scripts/generated-repo-tests.sh <generated repository folder>}"
[ -f "$dir/package.json" ] || { echo "generated-repo-tests: $dir has no package.json" >&2; exit 1; }

tmp="$(mktemp -d "${TMPDIR:-/tmp}/sagemaker-gitops-$(basename "$dir")-tests-XXXXXX")"
cleanup() {
  if [ -n "${SAGEMAKER_GITOPS_KEEP_TEST_TMP:-}" ]; then
    echo "generated-repo-tests: kept $tmp (SAGEMAKER_GITOPS_KEEP_TEST_TMP)" >&2
  else
    rm -rf "$tmp"
  fi
}
trap cleanup EXIT
export TMPDIR="$tmp"
npm --prefix "$dir" run build
npm --prefix "$dir" test
