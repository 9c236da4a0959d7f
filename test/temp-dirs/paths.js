// @ts-check
/**
 * Where the test run's temporary files go, and how they are removed (see environment.js).
 *
 * Every suite writes to the operating system's temporary folder: cloud assemblies, copied-out
 * repositories with their own `npm ci` (about 400 MB each), local runs. Left there, one run of the
 * suite leaves about 1.5 GB behind, and a CI machine with little free disk failed with ENOSPC
 * partway through. So a run gets its own folder, and each suite a folder inside it that is removed
 * when the suite ends: what a run holds at once is what its running suites hold.
 */
const { spawn } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

/** Set by the global setup to the run's folder: the suites' folders are made inside it. */
const RUN_DIR_ENV = 'SAGEMAKER_GITOPS_TEST_TMP';
/** Set to 1 to keep the run's temporary files, to look at them after a failure. */
const KEEP_ENV = 'SAGEMAKER_GITOPS_KEEP_TEST_TMP';

/** A name for a suite's folder: the test file's name, without its extension. */
function suiteDirPrefix(testPath) {
  return `${path.basename(testPath).replace(/\.(test|spec)\.[jt]sx?$/, '').replace(/[^A-Za-z0-9_.-]/g, '_')}-`;
}

/** Whether the run's temporary files are kept (KEEP_ENV is 1 or true). */
function keepTemporaryFiles(env = process.env) {
  return /^(1|true)$/i.test(env[KEEP_ENV] ?? '');
}

/** Removes a temporary folder and everything in it; a folder already gone is not an error. */
function removeTree(dir) {
  fs.rmSync(dir, { recursive: true, force: true, maxRetries: 3, retryDelay: 100 });
}

/**
 * Removes a temporary folder without waiting: it is renamed at once (so nothing writes into it
 * again), and a detached `rm -rf` deletes it while the run goes on. Deleting an install of 400 to
 * 900 MB takes 10 to 40 s on a busy disk, time a jest worker would otherwise spend waiting. Where no
 * `rm` can be started, it is deleted here. The run's global teardown deletes whatever is left.
 */
function removeInBackground(dir) {
  if (!fs.existsSync(dir)) {
    return;
  }
  const doomed = `${dir}.removing`;
  fs.renameSync(dir, doomed);
  try {
    const rm = spawn('rm', ['-rf', doomed], { detached: true, stdio: 'ignore' });
    rm.on('error', () => removeTree(doomed));
    rm.unref();
  } catch {
    removeTree(doomed);
  }
}

module.exports = { RUN_DIR_ENV, KEEP_ENV, suiteDirPrefix, keepTemporaryFiles, removeTree, removeInBackground };
