// @ts-check
/** jest's global teardown: removes the run's temporary folder (paths.js), unless asked to keep it. */
const { RUN_DIR_ENV, KEEP_ENV, keepTemporaryFiles, removeTree } = require('./paths');

module.exports = async function globalTeardown() {
  const dir = process.env[RUN_DIR_ENV];
  if (dir === undefined) {
    return;
  }
  if (keepTemporaryFiles()) {
    process.stderr.write(`${KEEP_ENV} is set: the test run's temporary files are kept in ${dir}\n`);
    return;
  }
  removeTree(dir);
};
