// @ts-check
/**
 * jest's global setup: the run's temporary folder (paths.js). It runs in jest's parent process
 * before the workers start, so TMPDIR set here is every worker's, and every process they start.
 */
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { RUN_DIR_ENV } = require('./paths');

module.exports = async function globalSetup() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sagemaker-gitops-jest-'));
  process.env[RUN_DIR_ENV] = dir;
  process.env.TMPDIR = dir;
};
