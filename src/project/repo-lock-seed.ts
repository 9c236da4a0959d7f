import * as fs from 'node:fs';
import * as path from 'node:path';
import { LOCK_FILE } from './repo-lockfile';

/**
 * The lock file a generated repository without one starts from, in the sagemaker-gitops package:
 * the package entries of the example repositories' committed lock file (the versions this
 * package's CI installed and tested), without the root entry and without the toolkit's own entry.
 */
export const LOCK_SEED_FILE = 'seed-code/repo-lock.json';

/** The note at the top of the seed file. */
const SEED_DESCRIPTION = 'The package entries a generated repository\'s first package-lock.json starts from (written by `npx projen` from model-build/package-lock.json). npm keeps an entry while it satisfies the repository\'s package.json and resolves the rest.';

interface LockEntry {
  readonly name?: string;
  readonly version?: string;
  readonly dependencies?: Record<string, string>;
  readonly devDependencies?: Record<string, string>;
  readonly [field: string]: unknown;
}

interface Lock {
  readonly name?: string;
  readonly version?: string;
  readonly lockfileVersion?: number;
  readonly packages?: Record<string, LockEntry>;
}

/** A lock seed: package entries without a root. */
export interface LockSeed {
  readonly description: string;
  readonly lockfileVersion: number;
  readonly packages: Record<string, LockEntry>;
}

/**
 * The seed of a lock file: its `packages` without the root entry (`""`, the repository's own
 * package.json) and without the entries of `omit` (the toolkit, whose tarball, and so whose
 * integrity, differs per project) and of the packages installed below them.
 */
export function lockSeedOf(lock: Lock, omit: readonly string[]): LockSeed {
  if (lock.lockfileVersion === undefined || lock.lockfileVersion < 2 || lock.packages === undefined) {
    throw new Error(`a lock seed needs a package-lock.json of lockfileVersion 2 or 3 (with "packages"), not version ${lock.lockfileVersion}`);
  }
  const omitted = (key: string) => omit.some((name) => key === `node_modules/${name}` || key.startsWith(`node_modules/${name}/`));
  const packages = Object.fromEntries(Object.entries(lock.packages).filter(([key]) => key !== '' && !omitted(key)));
  return { description: SEED_DESCRIPTION, lockfileVersion: lock.lockfileVersion, packages };
}

/** The seed file's content for a lock file: stable JSON, one trailing newline. */
export function renderLockSeed(seed: LockSeed): string {
  return `${JSON.stringify(seed, null, 2)}\n`;
}

/**
 * Writes a first package-lock.json into `repoDir` from the seed at `seedFile`: the repository's
 * name, version and dependency specs from its package.json as the root entry, and the seed's
 * package entries. Does nothing when the repository has a lock file, or there is no seed.
 * `npm install --package-lock-only` then only resolves what the seed lacks or what does not
 * satisfy package.json (seconds), instead of resolving the whole tree (about 13 s per
 * repository from a warm npm cache, most of it reading aws-cdk-lib's bundled dependencies).
 *
 * @returns whether a lock file was written
 */
export function seedLockfile(repoDir: string, seedFile: string): boolean {
  const lockFile = path.join(repoDir, LOCK_FILE);
  if (fs.existsSync(lockFile) || !fs.existsSync(seedFile)) {
    return false;
  }
  const seed = JSON.parse(fs.readFileSync(seedFile, 'utf-8')) as LockSeed;
  const manifest = JSON.parse(fs.readFileSync(path.join(repoDir, 'package.json'), 'utf-8')) as LockEntry;
  const root: LockEntry = Object.fromEntries(
    (['name', 'version', 'dependencies', 'devDependencies'] as const).filter((field) => manifest[field] !== undefined).map((field) => [field, manifest[field]]),
  );
  const lock = {
    name: manifest.name,
    version: manifest.version,
    lockfileVersion: seed.lockfileVersion,
    requires: true,
    packages: { '': root, ...seed.packages },
  };
  fs.writeFileSync(lockFile, `${JSON.stringify(lock, null, 2)}\n`);
  return true;
}
