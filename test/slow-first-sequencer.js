// @ts-check
/**
 * jest's test sequencer, with the suites that take minutes first.
 *
 * jest orders suites by the times of its last run, kept in its cache folder; on a fresh clone (CI)
 * there is none, and it orders them by file size. Then a suite that takes minutes but is a small
 * file (readme-new-project: the 43rd largest of 94) starts halfway through the run, and the run
 * waits for it at the end, with the other worker idle. A suite whose leading doc comment holds the
 * tag `@slowSuite` starts first, whatever the cache holds (the longest first when the cache knows
 * their times); the others keep jest's own order.
 */
const fs = require('node:fs');
const Sequencer = require('@jest/test-sequencer').default;

/** The tag, alone on a line of the file's first doc comment. */
const SLOW_TAG = /^\s*\*\s*@slowSuite\b/m;

/** Whether the file at `file` starts with a doc comment tagged `@slowSuite`. */
function isSlowSuite(file) {
  let head;
  try {
    head = fs.readFileSync(file, 'utf-8').slice(0, 8192);
  } catch {
    return false;
  }
  const comment = /^\s*\/\*\*[\s\S]*?\*\//.exec(head);
  return comment !== null && SLOW_TAG.test(comment[0]);
}

class SlowFirstSequencer extends Sequencer {
  /** @param {import('@jest/test-result').Test[]} tests */
  sort(tests) {
    const ordered = super.sort(tests);
    const slow = ordered.filter((test) => isSlowSuite(test.path));
    const slowest = [...slow].sort((a, b) => (b.duration ?? 0) - (a.duration ?? 0));
    return [...slowest, ...ordered.filter((test) => !slow.includes(test))];
  }
}

module.exports = SlowFirstSequencer;
module.exports.isSlowSuite = isSlowSuite;
