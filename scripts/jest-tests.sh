#!/usr/bin/env bash
# The library tests (`npm test`'s jest step): one jest worker more than the machine has cores.
# The two end-to-end suites spend part of their time waiting on npm and on child processes; with a
# worker per core, both cores of the CI machine ran only them for their first 3.5 minutes, partly
# idle. The worker beyond the cores runs the other suites meanwhile (bench/README.md, "Test suite
# times": 563 s with 2 workers, 498 s with 3, on one 2-core machine). A direct `npx jest` keeps
# package.json's one worker per core.
set -euo pipefail
cd "$(dirname "$0")/.."
workers=$(( $(node -p 'require("node:os").availableParallelism()') + 1 ))
exec npx jest --ci --maxWorkers="$workers" "$@"
