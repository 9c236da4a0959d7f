// @ts-check
/**
 * jest's global setup: the run's temporary folder (paths.js), in memory where the machine has a
 * usable memory-backed folder and TMPDIR names none (paths.js runParentDir). It runs in jest's
 * parent process before the workers start, so TMPDIR set here is every worker's, and every process
 * they start.
 */
const fs = require('node:fs');
const path = require('node:path');
const { RUN_DIR_ENV, runParentDir } = require('./paths');

module.exports = async function globalSetup() {
  const dir = fs.mkdtempSync(path.join(runParentDir(), 'sagemaker-gitops-jest-'));
  process.env[RUN_DIR_ENV] = dir;
  process.env.TMPDIR = dir;
};
