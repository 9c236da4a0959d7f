/**
 * The lock seed: a generated repository without a package-lock.json starts from the package
 * entries of the example's committed lock, so its first `npm install --package-lock-only` only
 * resolves what differs, and ends with the lock the example has.
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import {
  LIBRARY_NAME, LOCK_FILE, LOCK_SEED_FILE, LockSeed, lockSeedOf, lockfileProblems, refreshLockfile, renderLockSeed, seedLockfile,
} from '../../src/project';

const ROOT = path.join(__dirname, '..', '..');
const readJson = (file: string) => JSON.parse(fs.readFileSync(file, 'utf-8'));

describe('lockSeedOf', () => {
  const lock = {
    name: 'repo', version: '0.0.0', lockfileVersion: 3, requires: true,
    packages: {
      '': { name: 'repo', dependencies: { toolkit: 'file:vendor/toolkit-1.0.0.tgz', left: '^1' } },
      'node_modules/toolkit': { version: '1.0.0', resolved: 'file:vendor/toolkit-1.0.0.tgz', integrity: 'sha512-x' },
      'node_modules/toolkit/node_modules/nested': { version: '2.0.0' },
      'node_modules/toolkit-other': { version: '3.0.0' },
      'node_modules/left': { version: '1.2.3', integrity: 'sha512-y' },
    },
  };

  test('keeps every package entry but the root and the omitted packages with what is installed below them', () => {
    const seed = lockSeedOf(lock, ['toolkit']);
    expect(Object.keys(seed.packages)).toEqual(['node_modules/toolkit-other', 'node_modules/left']);
    expect(seed.packages['node_modules/left']).toEqual({ version: '1.2.3', integrity: 'sha512-y' });
    expect(seed.lockfileVersion).toBe(3);
  });

  test('a lock without package entries (lockfileVersion 1) is refused, naming the version', () => {
    expect(() => lockSeedOf({ lockfileVersion: 1 }, [])).toThrow('a lock seed needs a package-lock.json of lockfileVersion 2 or 3 (with "packages"), not version 1');
  });
});

describe('the committed seed', () => {
  test(`${LOCK_SEED_FILE} is model-build/package-lock.json's package entries without ${LIBRARY_NAME}'s (\`npx projen\` writes it)`, () => {
    const committed = fs.readFileSync(path.join(ROOT, LOCK_SEED_FILE), 'utf-8');
    expect(committed).toBe(renderLockSeed(lockSeedOf(readJson(path.join(ROOT, 'model-build', LOCK_FILE)), [LIBRARY_NAME])));
    // The two repositories install the same packages: one seed serves both.
    const packagesOf = (dir: string) => lockSeedOf(readJson(path.join(ROOT, dir, LOCK_FILE)), [LIBRARY_NAME]).packages;
    expect(packagesOf('model-deploy')).toEqual(packagesOf('model-build'));
  });

  test('is packed into the package (and so into the vendored toolkit)', () => {
    const files: string[] = JSON.parse(execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: ROOT, encoding: 'utf-8' }))[0].files.map((f: { path: string }) => f.path);
    expect(files).toContain(LOCK_SEED_FILE);
  });

  test('seeds a copy of model-build without its lock: npm resolves only the toolkit, and the lock equals the committed one', () => {
    const repo = fs.mkdtempSync(path.join(os.tmpdir(), 'seeded-'));
    fs.copyFileSync(path.join(ROOT, 'model-build', 'package.json'), path.join(repo, 'package.json'));
    fs.cpSync(path.join(ROOT, 'model-build', 'vendor'), path.join(repo, 'vendor'), { recursive: true });

    expect(seedLockfile(repo, path.join(ROOT, LOCK_SEED_FILE))).toBe(true);
    const seeded = readJson(path.join(repo, LOCK_FILE));
    const manifest = readJson(path.join(repo, 'package.json'));
    expect(seeded.packages['']).toEqual({ name: manifest.name, version: manifest.version, dependencies: manifest.dependencies, devDependencies: manifest.devDependencies });
    expect(seeded.packages[`node_modules/${LIBRARY_NAME}`]).toBeUndefined();

    expect(refreshLockfile(repo)).toBe(true);
    expect(lockfileProblems(repo)).toEqual([]);
    expect(readJson(path.join(repo, LOCK_FILE)).packages).toEqual(readJson(path.join(ROOT, 'model-build', LOCK_FILE)).packages);
  }, 120_000);
});

describe('seedLockfile', () => {
  function repoWithSeed(): { repo: string; seedFile: string } {
    const work = fs.mkdtempSync(path.join(os.tmpdir(), 'lock-seed-'));
    const repo = path.join(work, 'repo');
    fs.mkdirSync(repo);
    fs.writeFileSync(path.join(repo, 'package.json'), JSON.stringify({ name: 'repo', version: '1.0.0', dependencies: { a: '^1' }, scripts: { build: 'tsc' } }));
    const seed: LockSeed = { description: 'test', lockfileVersion: 3, packages: { 'node_modules/a': { version: '1.0.0' } } };
    const seedFile = path.join(work, 'seed.json');
    fs.writeFileSync(seedFile, renderLockSeed(seed));
    return { repo, seedFile };
  }

  test('writes the root entry from package.json (its name, version and dependency specs) and the seed\'s entries', () => {
    const { repo, seedFile } = repoWithSeed();
    expect(seedLockfile(repo, seedFile)).toBe(true);
    expect(readJson(path.join(repo, LOCK_FILE))).toEqual({
      name: 'repo', version: '1.0.0', lockfileVersion: 3, requires: true,
      packages: { '': { name: 'repo', version: '1.0.0', dependencies: { a: '^1' } }, 'node_modules/a': { version: '1.0.0' } },
    });
  });

  test('leaves a repository\'s own lock file alone, and does nothing without a seed', () => {
    const { repo, seedFile } = repoWithSeed();
    fs.writeFileSync(path.join(repo, LOCK_FILE), 'the team\'s lock');
    expect(seedLockfile(repo, seedFile)).toBe(false);
    expect(fs.readFileSync(path.join(repo, LOCK_FILE), 'utf-8')).toBe('the team\'s lock');
    fs.rmSync(path.join(repo, LOCK_FILE));
    expect(seedLockfile(repo, path.join(repo, 'no-seed.json'))).toBe(false);
    expect(fs.existsSync(path.join(repo, LOCK_FILE))).toBe(false);
  });
});
