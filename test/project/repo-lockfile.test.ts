/**
 * The generated repositories' package-lock.json: current in this repository, refreshed by
 * `npx projen` only when it is not, and the vendored tarball checked against it before `npm ci`.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { LOCK_FILE, VENDOR_CHECK_SCRIPT, integrityOf, lockfileProblems, refreshLockfile, renderVendorCheck } from '../../src/project';

const ROOT = path.join(__dirname, '..', '..');
const NPM_QUIET = ['--no-audit', '--no-fund', '--loglevel=error'];

/** The toy package `toy` packed with each content a test asked for (`npm pack` once per content), by content. */
const toyTarballs = new Map<string, string>();
let toyWork: string | undefined;

function toyTarball(content: string): string {
  let tarball = toyTarballs.get(content);
  if (tarball === undefined) {
    toyWork ??= fs.mkdtempSync(path.join(os.tmpdir(), 'lockfile-toy-'));
    const toy = path.join(toyWork, `toy-${toyTarballs.size}`);
    fs.mkdirSync(toy);
    fs.writeFileSync(path.join(toy, 'package.json'), JSON.stringify({ name: 'toy', version: '1.0.0', main: 'index.js' }));
    fs.writeFileSync(path.join(toy, 'index.js'), content);
    execFileSync('npm', ['pack', '--loglevel=error'], { cwd: toy, stdio: 'pipe' });
    tarball = path.join(toy, 'toy-1.0.0.tgz');
    toyTarballs.set(content, tarball);
  }
  return tarball;
}

/** The toy repository as refreshLockfile first wrote it: built once, copied for each test. */
let pristineRepo: string | undefined;

/**
 * A repository that vendors the toy package `toy` (no dependencies: no registry needed), with its
 * lock file, in a folder of its own; `pack` puts the toy packed with other content in its vendor/.
 */
function toyRepo(): { repo: string; pack: (content: string) => void } {
  if (pristineRepo === undefined) {
    const repo = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'lockfile-')), 'repo');
    fs.mkdirSync(path.join(repo, 'vendor'), { recursive: true });
    fs.copyFileSync(toyTarball('module.exports = 1;\n'), path.join(repo, 'vendor', 'toy-1.0.0.tgz'));
    fs.writeFileSync(path.join(repo, 'package.json'), JSON.stringify({ name: 'repo', version: '0.0.0', dependencies: { toy: 'file:vendor/toy-1.0.0.tgz' } }));
    fs.writeFileSync(path.join(repo, VENDOR_CHECK_SCRIPT), renderVendorCheck('toy-project').join('\n'));
    expect(refreshLockfile(repo)).toBe(true);
    pristineRepo = repo;
  }
  const repo = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'lockfile-')), 'repo');
  fs.cpSync(pristineRepo, repo, { recursive: true });
  return { repo, pack: (content: string) => fs.copyFileSync(toyTarball(content), path.join(repo, 'vendor', 'toy-1.0.0.tgz')) };
}

function runCheck(repo: string) {
  return spawnSync(process.execPath, [VENDOR_CHECK_SCRIPT], { cwd: repo, encoding: 'utf-8' });
}

describe('the committed lock files', () => {
  test.each(['model-build', 'model-deploy'])('%s/package-lock.json matches its package.json and vendored tarball', (dir) => {
    // Out of date: run `npx projen` (not --no-post) and commit the lock file.
    expect(lockfileProblems(path.join(ROOT, dir))).toEqual([]);
  });
});

describe('lockfileProblems', () => {
  const { repo, pack } = toyRepo();

  test('a dependency spec that differs from the lock', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(repo, 'package.json'), 'utf-8'));
    fs.writeFileSync(path.join(repo, 'package.json'), JSON.stringify({ ...pkg, devDependencies: { typescript: '~5.9.3' } }));
    expect(lockfileProblems(repo)).toEqual(['package-lock.json records other devDependencies than package.json']);
    fs.writeFileSync(path.join(repo, 'package.json'), JSON.stringify(pkg));
    expect(lockfileProblems(repo)).toEqual([]);
  });

  test('a vendored tarball whose integrity differs from the lock, or that is missing', () => {
    const pinned = integrityOf(path.join(repo, 'vendor', 'toy-1.0.0.tgz'));
    pack('module.exports = 2;\n');
    const actual = integrityOf(path.join(repo, 'vendor', 'toy-1.0.0.tgz'));
    expect(lockfileProblems(repo)).toEqual([`package-lock.json pins vendor/toy-1.0.0.tgz at ${pinned}, the file has ${actual}`]);
    fs.renameSync(path.join(repo, 'vendor', 'toy-1.0.0.tgz'), path.join(repo, 'vendor', 'moved.tgz'));
    expect(lockfileProblems(repo)).toEqual(['vendor/toy-1.0.0.tgz is missing']);
    fs.rmSync(path.join(repo, LOCK_FILE));
    expect(lockfileProblems(repo)).toEqual(['package-lock.json is missing or has no root package entry']);
  });
});

describe('refreshLockfile', () => {
  test('does nothing when the lock is current (no npm process), updates the integrity when the tarball changed', () => {
    const { repo, pack } = toyRepo();
    const lockFile = path.join(repo, LOCK_FILE);
    const before = fs.statSync(lockFile).mtimeMs;
    expect(refreshLockfile(repo)).toBe(false);
    expect(fs.statSync(lockFile).mtimeMs).toBe(before);

    // npm alone would keep the old integrity of a tarball that changed under the same name.
    pack('module.exports = 2;\n');
    expect(refreshLockfile(repo)).toBe(true);
    const lock = JSON.parse(fs.readFileSync(lockFile, 'utf-8'));
    expect(lock.packages['node_modules/toy']).toMatchObject({ resolved: 'file:vendor/toy-1.0.0.tgz', integrity: integrityOf(path.join(repo, 'vendor', 'toy-1.0.0.tgz')) });
    expect(lockfileProblems(repo)).toEqual([]);
  }, 60_000);
});

describe('the vendor check before `npm ci`', () => {
  test('passes when the tarball matches the lock', () => {
    const { repo } = toyRepo();
    const result = runCheck(repo);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
  });

  test('a tarball that does not match the lock: names the file, both integrities and what to run', () => {
    const { repo, pack } = toyRepo();
    const pinned = integrityOf(path.join(repo, 'vendor', 'toy-1.0.0.tgz'));
    pack('module.exports = 2;\n');
    const result = runCheck(repo);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(`vendor/toy-1.0.0.tgz does not match package-lock.json: the lock expects integrity ${pinned}, the file has ${integrityOf(path.join(repo, 'vendor', 'toy-1.0.0.tgz'))}.`);
    expect(result.stderr).toContain('vendor/ and package-lock.json are written together by `npx projen` in the projen project toy-project that generates this repository: run it there and commit both.');
  });

  test('a missing tarball: names the file and the integrity the lock expects', () => {
    const { repo } = toyRepo();
    const pinned = integrityOf(path.join(repo, 'vendor', 'toy-1.0.0.tgz'));
    fs.rmSync(path.join(repo, 'vendor', 'toy-1.0.0.tgz'));
    const result = runCheck(repo);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(`vendor/toy-1.0.0.tgz is missing: package.json installs toy from it and package-lock.json expects integrity ${pinned}.`);
    expect(result.stderr).toContain('`npx projen`');
  });

  test('why it runs first: with the pinned tarball in its cache, `npm ci` installs that one without a word; without, a bare EINTEGRITY', () => {
    const { repo, pack } = toyRepo();
    const cache = fs.mkdtempSync(path.join(os.tmpdir(), 'npm-cache-'));
    execFileSync('npm', ['ci', '--cache', cache, ...NPM_QUIET], { cwd: repo, stdio: 'pipe' });
    pack('module.exports = 2;\n');
    fs.rmSync(path.join(repo, 'node_modules'), { recursive: true });
    execFileSync('npm', ['ci', '--cache', cache, ...NPM_QUIET], { cwd: repo, stdio: 'pipe' });
    expect(fs.readFileSync(path.join(repo, 'node_modules', 'toy', 'index.js'), 'utf-8')).toBe('module.exports = 1;\n');

    const emptyCache = fs.mkdtempSync(path.join(os.tmpdir(), 'npm-cache-'));
    const fresh = spawnSync('npm', ['ci', '--cache', emptyCache, ...NPM_QUIET], { cwd: repo, encoding: 'utf-8' });
    expect(fresh.status).not.toBe(0);
    expect(fresh.stderr).toMatch(/EINTEGRITY/);
    expect(fresh.stderr).not.toMatch(/projen/);
  }, 60_000);
});
