/**
 * No file in src/ holds more than 300 lines (issue 20): one concept per file, as a person can hold
 * it in their head. A file that grows past it is split by concept, as the rest of src/ is.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

const SRC = path.join(__dirname, '..', '..', 'src');
const MAX_LINES = 300;

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(dir, entry.name);
    return entry.isDirectory() ? sourceFiles(file) : /\.(ts|js|py)$/.test(entry.name) && !entry.name.endsWith('.d.ts') ? [file] : [];
  });
}

test(`every file in src/ has at most ${MAX_LINES} lines`, () => {
  const files = sourceFiles(SRC);
  expect(files.length).toBeGreaterThan(100);
  const long = files
    .map((file) => ({ file: path.relative(SRC, file), lines: fs.readFileSync(file, 'utf-8').split('\n').length - 1 }))
    .filter(({ lines }) => lines > MAX_LINES);
  expect(long).toEqual([]);
});
