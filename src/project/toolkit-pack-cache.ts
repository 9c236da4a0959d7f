import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';

/**
 * Where {@link PackCache} keeps what it learnt about a toolkit package: in the `node_modules/.cache/`
 * beside the installed package (`<project>/node_modules/sagemaker-gitops`), or, for the package's
 * own repository, in its `node_modules/.cache/`. Deleting it only makes the next run slower.
 */
export function packCacheFile(toolkitDir: string): string {
  const parent = path.dirname(toolkitDir);
  const nodeModules = path.basename(parent) === 'node_modules' ? parent : path.join(toolkitDir, 'node_modules');
  return path.join(nodeModules, '.cache', 'sagemaker-gitops', 'vendored-toolkit.json');
}

/** A file modified this recently may change again within the same timestamp: not cached. */
const RACY_MS = 2000;

interface CachedPackage {
  readonly fingerprint: string;
  readonly files: string[];
  readonly digest: string;
}

interface CachedTarball {
  readonly stat: string;
  readonly digest: string;
}

interface CacheContent {
  readonly version: 1;
  packages: Record<string, CachedPackage>;
  tarballs: Record<string, CachedTarball>;
}

/** Tarballs whose files are gone are forgotten when the cache is saved. */
function existing(tarballs: Record<string, CachedTarball>): Record<string, CachedTarball> {
  return Object.fromEntries(Object.entries(tarballs).filter(([file]) => fs.existsSync(file)));
}

/**
 * What `npx projen` learnt the last time it compared the toolkit with the vendored tarballs, so the
 * next run need not list, read, hash or pack the package again when nothing changed: like git's
 * index or tsc's build info, it trusts a file whose size and modification time are unchanged, and
 * never one modified within {@link RACY_MS} of being recorded.
 */
export class PackCache {
  private readonly content: CacheContent;
  private changed = false;

  constructor(private readonly file: string) {
    let content: CacheContent | undefined;
    try {
      content = JSON.parse(fs.readFileSync(file, 'utf-8'));
    } catch {
      content = undefined;
    }
    this.content = content?.version === 1 ? content : { version: 1, packages: {}, tarballs: {} };
  }

  /**
   * The cached files and digest of the package in `dir`, when no file or folder of the package's
   * folders (nor a file at its root) changed since; `undefined` otherwise.
   */
  package(dir: string, packageFolders: readonly string[]): { files: string[]; digest: string } | undefined {
    const cached = this.content.packages[dir];
    if (cached === undefined) {
      return undefined;
    }
    const { fingerprint } = fingerprintOf(dir, packageFolders);
    return fingerprint === cached.fingerprint ? { files: cached.files, digest: cached.digest } : undefined;
  }

  setPackage(dir: string, packageFolders: readonly string[], files: string[], digest: string): void {
    const { fingerprint, racy } = fingerprintOf(dir, packageFolders);
    if (racy) {
      delete this.content.packages[dir];
    } else {
      this.content.packages[dir] = { fingerprint, files, digest };
    }
    this.changed = true;
  }

  /** The cached entries digest of a tarball, when the file is unchanged since. */
  tarball(file: string): string | undefined {
    const cached = this.content.tarballs[file];
    const stat = statKey(file);
    return cached !== undefined && stat !== undefined && cached.stat === stat.key ? cached.digest : undefined;
  }

  /** A tarball file, unchanged since it was recorded, whose entries have this digest: copy it instead of packing. */
  tarballWithDigest(digest: string): string | undefined {
    return Object.keys(this.content.tarballs).find((file) => this.tarball(file) === digest);
  }

  /**
   * Records a tarball's digest. `written`: this process has just written the file with these
   * entries, so its fresh modification time is no reason to distrust it.
   */
  setTarball(file: string, digest: string, written = false): void {
    const stat = statKey(file);
    if (stat === undefined || (stat.racy && !written)) {
      delete this.content.tarballs[file];
    } else {
      this.content.tarballs[file] = { stat: stat.key, digest };
    }
    this.changed = true;
  }

  /** Writes the cache, if it changed; a cache that cannot be written is not an error. */
  save(): void {
    if (!this.changed) {
      return;
    }
    const temporary = `${this.file}.${process.pid}.tmp`;
    try {
      fs.mkdirSync(path.dirname(this.file), { recursive: true });
      fs.writeFileSync(temporary, JSON.stringify({ ...this.content, tarballs: existing(this.content.tarballs) }));
      fs.renameSync(temporary, this.file);
    } catch {
      fs.rmSync(temporary, { force: true });
    }
  }
}

function statKey(file: string): { key: string; racy: boolean } | undefined {
  try {
    const stat = fs.statSync(file);
    return { key: `${stat.size}:${stat.mtimeMs}:${stat.ino}`, racy: Date.now() - stat.mtimeMs < RACY_MS };
  } catch {
    return undefined;
  }
}

/**
 * Files at a package's root that `npm pack` reads whatever package.json `files` says: the manifest,
 * the readme, licence and copying files, and the ignore files.
 */
const ROOT_FILES = /^(package\.json|\.npmignore|\.gitignore|(readme|copying|license|licence)(\..*)?)$/i;

/**
 * The package's root listing, the contents of the root files npm reads or packs, and the names,
 * sizes and modification times of everything below its package folders (the folders its
 * package.json `files` names): any file added, removed or changed there, including ignore files,
 * changes it. Other root files (rewritten by projen at every run, in this repository) count by name.
 */
function fingerprintOf(dir: string, packageFolders: readonly string[]): { fingerprint: string; racy: boolean } {
  const hash = createHash('sha256');
  const now = Date.now();
  let racy = false;
  const visit = (relative: string) => {
    const entries = fs.readdirSync(path.join(dir, relative), { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name));
    for (const entry of entries) {
      const child = path.join(relative, entry.name);
      const isFolder = entry.isDirectory();
      if (relative === '' && !packageFolders.includes(entry.name)) {
        const content = !isFolder && (ROOT_FILES.test(entry.name) || packageFolders.includes(entry.name))
          ? createHash('sha256').update(fs.readFileSync(path.join(dir, child))).digest('hex')
          : '';
        hash.update(`${child}${isFolder ? '/' : ''}\0${content}\n`);
        continue;
      }
      const stat = fs.lstatSync(path.join(dir, child));
      racy ||= now - stat.mtimeMs < RACY_MS;
      hash.update(`${child}${isFolder ? '/' : ''}\0${stat.size}\0${stat.mtimeMs}\0${stat.mode}\n`);
      if (isFolder) {
        visit(child);
      }
    }
  };
  visit('');
  return { fingerprint: hash.digest('hex'), racy };
}
