/**
 * Fails when `npx projen` changes any file: the committed generated files must be what the
 * committed .projenrc.ts produces. Compares the content of every file of the work tree
 * (outside build output) before and after running projen, so it also works on uncommitted
 * trees and outside git.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';

const SKIP = new Set(['.git', 'node_modules', 'lib', 'cdk.out', 'coverage', 'test-reports', 'dist']);

function snapshot(root: string): Map<string, string> {
  const files = new Map<string, string>();
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(path.join(root, dir), { withFileTypes: true })) {
      const relative = path.posix.join(dir, entry.name);
      if (entry.isDirectory() && !SKIP.has(entry.name)) {
        walk(relative);
      } else if (entry.isFile()) {
        files.set(relative, createHash('sha256').update(fs.readFileSync(path.join(root, relative))).digest('hex'));
      }
    }
  };
  walk('');
  return files;
}

const root = process.cwd();
const before = snapshot(root);
execFileSync('npx', ['--no-install', 'projen', '--no-post'], { stdio: 'inherit' });
const after = snapshot(root);

const changed = [...new Set([...before.keys(), ...after.keys()])]
  .filter((file) => before.get(file) !== after.get(file))
  .map((file) => `${!before.has(file) ? 'added' : !after.has(file) ? 'deleted' : 'changed'}: ${file}`);
if (changed.length > 0) {
  console.error(`\`npx projen\` changed ${changed.length} file(s); the committed generated files are out of date:\n  ${changed.join('\n  ')}`);
  console.error('Run `npx projen`, review the diff and commit it.');
  process.exit(1);
}
console.log('generated files are in sync with .projenrc.ts');
