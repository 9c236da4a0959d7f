import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as ssri from 'ssri';

/** The lock file every generated repository commits, so that `npm ci` installs exactly. */
export const LOCK_FILE = 'package-lock.json';

/**
 * The command that refreshes a repository's lock file without installing: it resolves new
 * versions from the registry and reads vendored tarballs, and runs no package's scripts.
 * Registry URLs are left out of the lock (`--omit-lockfile-registry-resolved`, npm/cli#4874: npm then
 * looks each tarball up in the configured registry), so it installs from whichever registry the
 * machine or CodeBuild is configured with (npm's public one, or a CodeArtifact repository after a
 * login), and names no registry host.
 */
export const LOCK_REFRESH_ARGS = ['install', '--package-lock-only', '--ignore-scripts', '--no-audit', '--no-fund', '--omit-lockfile-registry-resolved'];

interface Manifest {
  readonly name?: string;
  readonly dependencies?: Record<string, string>;
  readonly devDependencies?: Record<string, string>;
}

interface LockEntry extends Manifest {
  readonly resolved?: string;
  readonly integrity?: string;
}

interface Lock {
  readonly name?: string;
  readonly packages?: Record<string, LockEntry>;
}

/** A dependency on a tarball inside the repository (`file:vendor/x.tgz`) and the lock's entry for it. */
interface LocalTarball {
  readonly name: string;
  readonly spec: string;
  readonly file: string;
}

function readJson<T>(file: string): T | undefined {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf-8')) as T;
  } catch {
    return undefined;
  }
}

function localTarballs(manifest: Manifest): LocalTarball[] {
  return Object.entries({ ...manifest.devDependencies, ...manifest.dependencies })
    .filter(([, spec]) => /^file:.+\.(tgz|tar\.gz|tar)$/.test(spec))
    .map(([name, spec]) => ({ name, spec, file: spec.slice('file:'.length) }));
}

/** The SHA-512 integrity npm records for a file (`sha512-<base64>`). */
export function integrityOf(file: string): string {
  return ssri.fromData(fs.readFileSync(file), { algorithms: ['sha512'] }).toString();
}

const same = (a: Record<string, string> | undefined, b: Record<string, string> | undefined) =>
  JSON.stringify(Object.entries(a ?? {}).sort()) === JSON.stringify(Object.entries(b ?? {}).sort());

/**
 * Why the repository's lock file does not match its package.json and vendored tarballs: the
 * dependency specs of package.json against the lock's root entry, and each `file:` tarball's
 * integrity against the lock's entry for it. Empty when the lock is current. Reads files only.
 */
export function lockfileProblems(repoDir: string): string[] {
  const manifest = readJson<Manifest>(path.join(repoDir, 'package.json'));
  if (manifest === undefined) {
    return [`${path.join(repoDir, 'package.json')} is missing or not JSON`];
  }
  const lock = readJson<Lock>(path.join(repoDir, LOCK_FILE));
  const root = lock?.packages?.[''];
  if (lock === undefined || root === undefined) {
    return [`${LOCK_FILE} is missing or has no root package entry`];
  }
  const problems: string[] = [];
  if (lock.name !== manifest.name) {
    problems.push(`${LOCK_FILE} is for the package ${JSON.stringify(lock.name)}, package.json names ${JSON.stringify(manifest.name)}`);
  }
  for (const field of ['dependencies', 'devDependencies'] as const) {
    if (!same(root[field], manifest[field])) {
      problems.push(`${LOCK_FILE} records other ${field} than package.json`);
    }
  }
  for (const tarball of localTarballs(manifest)) {
    const entry = lock.packages?.[`node_modules/${tarball.name}`];
    const file = path.join(repoDir, tarball.file);
    if (!fs.existsSync(file)) {
      problems.push(`${tarball.file} is missing`);
    } else if (entry?.resolved !== tarball.spec) {
      problems.push(`${LOCK_FILE} resolves ${tarball.name} to ${JSON.stringify(entry?.resolved)}, not ${tarball.spec}`);
    } else if (entry.integrity !== integrityOf(file)) {
      problems.push(`${LOCK_FILE} pins ${tarball.file} at ${entry.integrity}, the file has ${integrityOf(file)}`);
    }
  }
  return problems;
}

/**
 * Makes the repository's lock file current: nothing to do (no npm process, no network) when
 * {@link lockfileProblems} finds none; otherwise runs `npm install --package-lock-only`. A tarball
 * whose content changed under the same path would keep its old integrity in the lock (npm does
 * not read it again), so its entry is dropped from the lock first.
 *
 * @returns whether npm ran
 */
export function refreshLockfile(repoDir: string): boolean {
  if (lockfileProblems(repoDir).length === 0) {
    return false;
  }
  const lockFile = path.join(repoDir, LOCK_FILE);
  const manifest = readJson<Manifest>(path.join(repoDir, 'package.json')) ?? {};
  const lock = readJson<Lock>(lockFile);
  if (lock?.packages) {
    for (const tarball of localTarballs(manifest)) {
      const key = `node_modules/${tarball.name}`;
      const file = path.join(repoDir, tarball.file);
      if (lock.packages[key] && (!fs.existsSync(file) || lock.packages[key].integrity !== integrityOf(file))) {
        delete lock.packages[key];
      }
    }
    fs.writeFileSync(lockFile, `${JSON.stringify(lock, null, 2)}\n`);
  }
  const result = spawnSync('npm', LOCK_REFRESH_ARGS, { cwd: repoDir, encoding: 'utf-8', stdio: ['ignore', 'pipe', 'pipe'] });
  if (result.status !== 0) {
    throw new Error(`\`npm ${LOCK_REFRESH_ARGS.join(' ')}\` failed in ${repoDir}: ${result.error?.message ?? result.stderr}`);
  }
  const left = lockfileProblems(repoDir);
  if (left.length > 0) {
    throw new Error(`${lockFile} is still out of date after npm refreshed it: ${left.join('; ')}`);
  }
  return true;
}
