import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as tar from 'tar';
import { ConfigError } from '../config/errors';
import { LIBRARY_NAME } from '../app-context/versions';

/**
 * The sagemaker-gitops package this code belongs to, as `npm pack` packs it: in this repository its
 * root (whose `lib/` must be compiled), in a team's projen project `node_modules/sagemaker-gitops`.
 */
export function toolkitPackageDir(): string {
  return path.resolve(__dirname, '..', '..');
}

/** What `npm pack` needs of a package's package.json. */
export interface PackageManifest {
  readonly name: string;
  readonly version: string;
  readonly main?: string;
  readonly bin?: string | Record<string, string>;
  readonly bundleDependencies?: unknown;
  readonly bundledDependencies?: unknown;
}

/** A package's package.json, checked to be sagemaker-gitops and packable. */
export function readToolkitManifest(dir: string): PackageManifest {
  const file = path.join(dir, 'package.json');
  let manifest: PackageManifest;
  try {
    manifest = JSON.parse(fs.readFileSync(file, 'utf-8'));
  } catch (err) {
    throw new ConfigError(`cannot read the ${LIBRARY_NAME} package's manifest ${file}: ${(err as Error).message}`);
  }
  if (manifest.name !== LIBRARY_NAME || typeof manifest.version !== 'string') {
    throw new ConfigError(`${file} must be the ${LIBRARY_NAME} package's manifest, got name ${JSON.stringify(manifest.name)} and version ${JSON.stringify(manifest.version)}`);
  }
  if (manifest.bundleDependencies || manifest.bundledDependencies) {
    throw new ConfigError(`${file} declares bundled dependencies, which vendoring ${LIBRARY_NAME} does not pack: remove them`);
  }
  const main = path.join(dir, manifest.main ?? 'index.js');
  if (!fs.existsSync(main)) {
    throw new ConfigError(`${main} does not exist: compile the ${LIBRARY_NAME} package at ${dir} (\`npx tsc --build\`) before \`npx projen\` vendors it`);
  }
  return manifest;
}

/**
 * The files `npm pack` packs from a package folder, as npm-packlist lists them (package.json
 * `files`, .npmignore, npm's always-included and never-included files). npm-packlist is
 * asynchronous and projen synthesizes synchronously, so it runs in a child node process. It gets
 * the package as the root of a tree without bundled dependencies (readToolkitManifest refuses
 * those), which is all npm-packlist reads of the tree then, instead of loading node_modules
 * through @npmcli/arborist as `npm pack` does.
 */
export function packlistOf(dir: string): string[] {
  const script = [
    'const [packlist, dir] = process.argv.slice(1);',
    'const pkg = JSON.parse(require("fs").readFileSync(require("path").join(dir, "package.json"), "utf-8"));',
    'require(packlist)({ path: dir, package: pkg, isProjectRoot: true, edgesOut: new Map() }, { path: dir })',
    '  .then((files) => process.stdout.write(JSON.stringify(files)), (err) => { console.error(err.message); process.exit(1); });',
  ].join('\n');
  const result = spawnSync(process.execPath, ['-e', script, require.resolve('npm-packlist'), dir], { encoding: 'utf-8', maxBuffer: 64 * 1024 * 1024 });
  if (result.status !== 0) {
    throw new Error(`npm-packlist failed to list the files of ${dir}: ${result.error?.message ?? result.stderr}`);
  }
  return JSON.parse(result.stdout) as string[];
}

/**
 * In this repository (a `src/` beside `lib/`), the packed files under `lib/` that no source compiles to any more: tsc
 * writes outputs but never removes those of a renamed or deleted `src/*.ts`, so a checkout that compiled before such a
 * change would vendor files a fresh clone does not have (its tarball, and the committed one, would differ).
 */
export function staleCompiledFiles(dir: string, files: readonly string[]): string[] {
  if (!fs.existsSync(path.join(dir, 'src'))) {
    return [];
  }
  return files.filter((file) => {
    const compiled = /^lib\/(.+?)(\.d\.ts|\.js)$/.exec(file);
    return compiled !== null && !fs.existsSync(path.join(dir, 'src', `${compiled[1]}.ts`));
  }).sort();
}

/** One file of a package tarball: its path inside `package/`, whether it is executable, its content's SHA-256. */
export interface PackedEntry {
  readonly path: string;
  readonly executable: boolean;
  readonly sha256: string;
}

/** The package's bin targets, as paths relative to its folder. */
function binFiles(manifest: PackageManifest): Set<string> {
  const bin = typeof manifest.bin === 'string' ? { [manifest.name]: manifest.bin } : manifest.bin ?? {};
  return new Set(Object.values(bin).map((file) => path.posix.normalize(file)));
}

/** Executable in the tarball: the package's bins (as pacote makes them) and files executable on disk. */
function isExecutable(manifest: PackageManifest, file: string, mode: number): boolean {
  return binFiles(manifest).has(path.posix.normalize(file)) || (mode & 0o100) !== 0;
}

/** The entries the files of `dir` would have in the package's tarball. */
export function entriesOfFiles(dir: string, files: readonly string[], manifest: PackageManifest): PackedEntry[] {
  return files.map((file) => ({
    path: file,
    executable: isExecutable(manifest, file, fs.statSync(path.join(dir, file)).mode),
    sha256: createHash('sha256').update(fs.readFileSync(path.join(dir, file))).digest('hex'),
  }));
}

/** The file entries of a package tarball (the `package/` prefix removed). */
export function entriesOfTarball(file: string): PackedEntry[] {
  const entries: PackedEntry[] = [];
  tar.t({
    file,
    sync: true,
    onReadEntry: (entry) => {
      if (entry.type !== 'File') {
        return;
      }
      const hash = createHash('sha256');
      entry.on('data', (chunk: Buffer) => hash.update(chunk));
      entry.on('end', () => entries.push({
        path: entry.path.replace(/^[^/]+\//, ''),
        executable: ((entry.mode ?? 0) & 0o100) !== 0,
        sha256: hash.digest('hex'),
      }));
    },
  });
  return entries;
}

/** One digest of a set of entries, whatever their order: equal digests, equal packages. */
export function digestOfEntries(entries: readonly PackedEntry[]): string {
  const lines = entries.map((e) => `${e.path}\0${e.executable ? 'x' : '-'}\0${e.sha256}`).sort();
  return createHash('sha256').update(lines.join('\n')).digest('hex');
}

/**
 * Writes the package's tarball as `npm pack` does (pacote's tar options: `package/` prefix,
 * portable headers, gzip level 9, every mtime 1985-10-26T08:15:00Z, in npm-packlist's order),
 * except that modes are normalized (0o755 for bins and executable files, 0o644 otherwise), so the
 * tarball does not depend on the umask or on whether npm has linked the bin on this machine.
 * Written to a temporary file first, then renamed.
 */
export function writePackageTarball(dir: string, files: readonly string[], manifest: PackageManifest, target: string): void {
  fs.mkdirSync(path.dirname(target), { recursive: true });
  const temporary = `${target}.${process.pid}.tmp`;
  try {
    tar.c({
      sync: true,
      file: temporary,
      cwd: dir,
      prefix: 'package/',
      portable: true,
      gzip: { level: 9 },
      mtime: new Date('1985-10-26T08:15:00.000Z'),
      filter: (file, stat) => {
        if ('mode' in stat) {
          stat.mode = isExecutable(manifest, file, stat.mode ?? 0) ? 0o100755 : 0o100644;
        }
        return true;
      },
    }, [...files]);
    fs.renameSync(temporary, target);
  } finally {
    fs.rmSync(temporary, { force: true });
  }
}
