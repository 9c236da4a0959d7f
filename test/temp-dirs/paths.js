// @ts-check
/**
 * Where the test run's temporary files go, and how they are removed (see environment.js).
 *
 * Every suite writes to the operating system's temporary folder: cloud assemblies, copied-out
 * repositories with their own `npm ci` (about 400 MB each), local runs. Left there, one run of the
 * suite leaves about 1.5 GB behind, and a CI machine with little free disk failed with ENOSPC
 * partway through. So a run gets its own folder, and each suite a folder inside it that is removed
 * when the suite ends: what a run holds at once is what its running suites hold. That folder is in
 * memory where the machine allows it (runParentDir), which saves the writes and deletes of a disk.
 */
const { spawn, spawnSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

/** Set by the global setup to the run's folder: the suites' folders are made inside it. */
const RUN_DIR_ENV = 'SAGEMAKER_GITOPS_TEST_TMP';
/** Set to 1 to keep the run's temporary files, to look at them after a failure. */
const KEEP_ENV = 'SAGEMAKER_GITOPS_KEEP_TEST_TMP';

/**
 * Memory-backed folders the run's folder goes into when TMPDIR does not name one. The suites write
 * gigabytes there (each `npm ci` 400 MB, and as much again removing it): on a disk that took 180 to
 * 190 s of CPU for test/generated-repos.test.ts alone, in memory 160 s (2026-12-07).
 */
const MEMORY_FOLDERS = ['/dev/shm'];

/**
 * What a memory-backed folder needs before the run uses it: free space in it, and free memory in
 * the machine, which the folder's files take. A run holds up to about 2.5 GB there at once (two
 * suites with installs, and installs being deleted); the rest is for the jest workers (up to 1 GB
 * each, workerIdleMemoryLimit) and the processes they start.
 */
const MEMORY_FOLDER_NEEDS = { folderFree: 6 * 2 ** 30, memoryFree: 8 * 2 ** 30 };

/**
 * Whether `dir` can hold the run's folder: a folder with `needs.folderFree` bytes free, on a machine
 * with `needs.memoryFree` bytes of memory free, where a program written there can be started (Docker
 * mounts its /dev/shm `noexec`, and the suites start programs their installs hold, esbuild's).
 */
function usableMemoryFolder(dir, needs = MEMORY_FOLDER_NEEDS, freeMemory = os.freemem()) {
  try {
    const stats = fs.statfsSync(dir);
    if (stats.bavail * stats.bsize < needs.folderFree || freeMemory < needs.memoryFree) {
      return false;
    }
    const probe = fs.mkdtempSync(path.join(dir, 'sagemaker-gitops-probe-'));
    try {
      const program = path.join(probe, 'probe');
      fs.writeFileSync(program, '#!/bin/sh\nexit 0\n', { mode: 0o755 });
      return spawnSync(program).status === 0;
    } finally {
      removeTree(probe);
    }
  } catch {
    return false;
  }
}

/**
 * The folder the run's folder goes into: TMPDIR when it is set (the machine's owner chose it),
 * else the first of `candidates` that {@link usableMemoryFolder} accepts, else os.tmpdir().
 */
function runParentDir(env = process.env, candidates = MEMORY_FOLDERS, usable = usableMemoryFolder) {
  if (env.TMPDIR) {
    return env.TMPDIR;
  }
  return candidates.find((dir) => usable(dir)) ?? os.tmpdir();
}

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

module.exports = { RUN_DIR_ENV, KEEP_ENV, MEMORY_FOLDER_NEEDS, usableMemoryFolder, runParentDir, suiteDirPrefix, keepTemporaryFiles, removeTree, removeInBackground };
