import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const SlowFirstSequencer = require('./slow-first-sequencer');

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sequencer-'));

/** A test file of `size` bytes whose leading comment is `comment`. */
function suite(name: string, comment: string, size: number): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, `${comment}\nexport {};\n`.padEnd(size, ' '));
  return file;
}

/** jest's Test objects for `files`, with no timing cache (as on a fresh clone). */
function tests(files: string[]): any[] {
  const sizes = new Map(files.map((file) => [file, fs.statSync(file).size]));
  const context = { config: { cache: false, cacheDirectory: dir, id: 'test', rootDir: dir }, hasteFS: { getSize: (file: string) => sizes.get(file) } };
  return files.map((file) => ({ path: file, context }));
}

const TAGGED = '/**\n * Takes minutes.\n *\n * @slowSuite (why)\n */';

describe('the slow-first test sequencer, on a fresh clone (no timing cache)', () => {
  test('a suite tagged @slowSuite starts first though its file is the smallest; the others keep jest\'s order, largest first', () => {
    const big = suite('big.test.ts', '/** A large suite. */', 4000);
    const medium = suite('medium.test.ts', '// no doc comment', 2000);
    const slow = suite('slow.test.ts', TAGGED, 300);
    const order = new SlowFirstSequencer().sort(tests([medium, slow, big])).map((t: any) => path.basename(t.path));
    expect(order).toEqual(['slow.test.ts', 'big.test.ts', 'medium.test.ts']);
  });

  test('the tag counts only in the file\'s leading doc comment, at the start of a comment line', () => {
    expect(SlowFirstSequencer.isSlowSuite(suite('tagged.test.ts', TAGGED, 100))).toBe(true);
    expect(SlowFirstSequencer.isSlowSuite(suite('later.test.ts', `import * as fs from 'node:fs';\n${TAGGED}`, 100))).toBe(false);
    expect(SlowFirstSequencer.isSlowSuite(suite('prose.test.ts', '/**\n * Mentions the @slowSuite tag in prose.\n */', 100))).toBe(false);
    expect(SlowFirstSequencer.isSlowSuite(suite('line.test.ts', '// @slowSuite', 100))).toBe(false);
    expect(SlowFirstSequencer.isSlowSuite(path.join(dir, 'missing.test.ts'))).toBe(false);
  });

  test('this repository\'s tagged suites are the two that run the README and the generated repos, and the validator worker\'s', () => {
    const root = path.join(__dirname, '..');
    const files = ['test/generated-repos.test.ts', 'test/readme-new-project.test.ts', 'test/validation/threaded-cloudformation-validate.test.ts', 'test/aws/cleanup.test.ts'];
    expect(files.filter((file) => SlowFirstSequencer.isSlowSuite(path.join(root, file)))).toEqual(files.slice(0, 3));
  });
});
