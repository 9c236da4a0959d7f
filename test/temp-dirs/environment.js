// @ts-check
/**
 * jest's Node.js test environment, with a temporary folder of the suite's own (paths.js).
 *
 * While the suite runs, TMPDIR names that folder, in the worker's environment (Node.js's
 * os.tmpdir() reads it at each call, so aws-cdk-lib's assembly folders land there too) and in the
 * suite's `process.env` (which jest copies for each suite, and which most tests hand to the
 * processes they start). When the suite ends, after its own afterAll hooks, the folder is removed
 * (in the background: paths.js removeInBackground).
 */
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { TestEnvironment } = require('jest-environment-node');
const { keepTemporaryFiles, removeInBackground, suiteDirPrefix } = require('./paths');

class SuiteTempDirEnvironment extends TestEnvironment {
  /**
   * @param {import('@jest/environment').JestEnvironmentConfig} config
   * @param {import('@jest/environment').EnvironmentContext} context
   */
  constructor(config, context) {
    super(config, context);
    /** @type {string} */
    this.testPath = context.testPath;
    /** @type {string | undefined} the suite's folder, while it runs */
    this.tempDir = undefined;
    /** @type {string | undefined} TMPDIR before the suite */
    this.previousTmpdir = undefined;
  }

  async setup() {
    await super.setup();
    this.previousTmpdir = process.env.TMPDIR;
    this.tempDir = fs.mkdtempSync(path.join(os.tmpdir(), suiteDirPrefix(this.testPath)));
    process.env.TMPDIR = this.tempDir;
    if (this.global.process) {
      this.global.process.env.TMPDIR = this.tempDir;
    }
  }

  async teardown() {
    if (this.previousTmpdir === undefined) {
      delete process.env.TMPDIR;
    } else {
      process.env.TMPDIR = this.previousTmpdir;
    }
    if (this.tempDir !== undefined && !keepTemporaryFiles()) {
      removeInBackground(this.tempDir);
    }
    this.tempDir = undefined;
    await super.teardown();
  }
}

module.exports = SuiteTempDirEnvironment;
