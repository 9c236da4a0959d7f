import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

/** `npm test`'s first step: checks (and, when allowed, installs) the Python modules and moto the tests need. */
export const TEST_DEPS_SCRIPT = path.join(__dirname, '..', '..', 'scripts', 'test-deps.sh');

/** The bash that runs the scripts, by absolute path so a test's PATH may hold only stubs. */
export const BASH = fs.existsSync('/bin/bash') ? '/bin/bash' : 'bash';

/**
 * Throws, with the one message `npm test`'s first step prints (each missing module and the command
 * that installs it), unless the python the tests use (SAGEMAKER_GITOPS_PYTHON, else Debian's
 * /usr/bin/python3) has every module the seed code's tests and the local run need. Never installs.
 *
 * Called at the top of a test file that runs Python, it fails that suite once, before any test,
 * when `npx jest` runs it on a machine without them, instead of failing each test its own way.
 */
export function requireTestPython(env: NodeJS.ProcessEnv = process.env): void {
  // Without moto (the integration tests check it) and pytest-xdist (only the pytest suites' runner uses it).
  const run = spawnSync(BASH, [TEST_DEPS_SCRIPT, '--no-install', '--no-moto', '--no-xdist'], { env, encoding: 'utf-8', timeout: 30_000 });
  if (run.error !== undefined) {
    throw run.error;
  }
  if (run.status !== 0) {
    throw new Error(run.stderr.trim() || `${TEST_DEPS_SCRIPT} exited with code ${run.status}`);
  }
}
