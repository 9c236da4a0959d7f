/**
 * Fails when `npx projen` changes any file: the committed generated files must be what the
 * committed .projenrc.ts produces. Compares the content of every file of the work tree
 * (outside build output) before and after running projen, so it also works on uncommitted
 * trees and outside git. projen runs without its post-synth step (an install), where each
 * generated repository's lock file is refreshed, so each lock is then checked against its
 * package.json and vendored tarball (lockfileProblems): a tarball packed anew with a lock left
 * behind would otherwise pass here and fail only when a copied-out repository installs.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { lockfileProblems } from '../src/project/repo-lockfile';
import { GENERATED_REPO_DIRS } from './configure-root-project';

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
const stale = GENERATED_REPO_DIRS.flatMap((dir) => lockfileProblems(path.join(root, dir)).map((problem) => `${dir}: ${problem}`));
if (stale.length > 0) {
  console.error(`the generated repositories' lock files are out of date:\n  ${stale.join('\n  ')}`);
  console.error('Run `npx projen` (with its post-synth step, which writes the lock files), review the diff and commit it.');
  process.exit(1);
}
console.log('generated files are in sync with .projenrc.ts');
