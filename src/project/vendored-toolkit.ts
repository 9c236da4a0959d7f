import * as fs from 'node:fs';
import * as path from 'node:path';
import { Component, Project } from 'projen';
import { ConfigError } from '../config/errors';
import { PackCache, packCacheFile } from './toolkit-pack-cache';
import {
  PackageManifest, digestOfEntries, entriesOfFiles, entriesOfTarball, packlistOf, readToolkitManifest, staleCompiledFiles,
  toolkitPackageDir, writePackageTarball,
} from './toolkit-package';
import { LIBRARY_NAME, LIBRARY_VERSION } from '../app-context/versions';

/** The folder of a generated repository that holds the vendored toolkit. */
export const VENDOR_DIR = 'vendor';

/** The vendored tarball's path in a generated repository, for a toolkit version. */
export function vendoredTarballPath(version: string): string {
  return `${VENDOR_DIR}/${LIBRARY_NAME}-${version}.tgz`;
}

export interface VendoredToolkitOptions {
  /** The generated repositories' folders, relative to the projen project. */
  readonly repoDirs: readonly string[];
  /**
   * The sagemaker-gitops package folder to pack.
   * @default - the package this code belongs to (toolkitPackageDir())
   */
  readonly toolkitDir?: string;
}

/**
 * Vendors the sagemaker-gitops package into each generated repository as
 * `vendor/sagemaker-gitops-<version>.tgz`, the tarball `npm pack` makes of it, which the repository
 * depends on (`file:vendor/...`) and its package-lock.json pins by integrity. Each `npx projen`
 * compares the package's files with the tarball's entries (paths, contents, executable bits; not
 * the gzip bytes, which vary with zlib builds) and packs again only when they differ, so a rebuild
 * with the same content changes nothing. Tarballs of other versions are removed.
 */
export class VendoredToolkit extends Component {
  /** The version vendored: the version of the running sagemaker-gitops library. */
  public readonly version: string;
  /** The tarball's path inside each repository (`vendor/sagemaker-gitops-<version>.tgz`). */
  public readonly tarball: string;
  private readonly toolkitDir: string;
  private readonly repoDirs: readonly string[];

  constructor(project: Project, options: VendoredToolkitOptions) {
    super(project);
    this.toolkitDir = options.toolkitDir ?? toolkitPackageDir();
    this.repoDirs = options.repoDirs;
    // Fails now, before any file is written, when the package is not compiled.
    readToolkitManifest(this.toolkitDir);
    this.version = LIBRARY_VERSION;
    this.tarball = vendoredTarballPath(this.version);
    // Projen's Node.js projects ignore `*.tgz`; the vendored tarballs are committed.
    project.gitignore.include(...this.repoDirs.map((dir) => `/${path.posix.join(dir, VENDOR_DIR)}/*.tgz`));
  }

  synthesize(): void {
    // Read again: in this repository `npx projen` has just rewritten the package's package.json.
    const manifest = readToolkitManifest(this.toolkitDir);
    if (manifest.version !== this.version) {
      throw new ConfigError(`the ${LIBRARY_NAME} package at ${this.toolkitDir} has version ${manifest.version}, but its library says ${this.version}: reinstall or recompile it`);
    }
    const cache = new PackCache(packCacheFile(this.toolkitDir));
    const packed = this.packageContent(manifest, cache);
    const stale = staleCompiledFiles(this.toolkitDir, packed.files);
    if (stale.length > 0) {
      throw new ConfigError(`${stale.join(', ')} in ${this.toolkitDir} ${stale.length === 1 ? 'has' : 'have'} no source in src/ any more (compiled before a rename or a deletion); vendored, ${stale.length === 1 ? 'it' : 'they'} would make the tarball differ from a fresh clone's: remove lib/ and compile again (\`rm -rf lib && npx projen compile\`)`);
    }
    for (const repoDir of this.repoDirs) {
      const target = path.join(this.project.outdir, repoDir, this.tarball);
      if (!fs.existsSync(target) || this.tarballDigest(target, cache) !== packed.digest) {
        // A tarball of the same content packed before (for the other repository, or an earlier run) is copied.
        const same = cache.tarballWithDigest(packed.digest);
        fs.mkdirSync(path.dirname(target), { recursive: true });
        if (same !== undefined) {
          fs.copyFileSync(same, target);
        } else {
          writePackageTarball(this.toolkitDir, packed.files, manifest, target);
        }
        cache.setTarball(target, packed.digest, true);
      }
      removeOtherVersions(path.dirname(target), path.basename(target));
    }
    cache.save();
  }

  /** The package's file list and entries digest: from the cache when no file changed since. */
  private packageContent(manifest: PackageManifest & { files?: unknown }, cache: PackCache): { files: string[]; digest: string } {
    const folders = packageFolders(manifest.files);
    const cached = folders && cache.package(this.toolkitDir, folders);
    if (cached) {
      return cached;
    }
    const files = packlistOf(this.toolkitDir);
    const digest = digestOfEntries(entriesOfFiles(this.toolkitDir, files, manifest));
    if (folders) {
      cache.setPackage(this.toolkitDir, folders, files, digest);
    }
    return { files, digest };
  }

  private tarballDigest(file: string, cache: PackCache): string {
    const cached = cache.tarball(file);
    if (cached !== undefined) {
      return cached;
    }
    let digest: string;
    try {
      digest = digestOfEntries(entriesOfTarball(file));
    } catch {
      // Not a readable tarball: packed again.
      return '';
    }
    cache.setTarball(file, digest);
    return digest;
  }
}

/**
 * The top-level files and folders a package.json `files` list names, or `undefined` when it has
 * none or a pattern (then any file may be packed, and nothing is cached).
 */
function packageFolders(files: unknown): string[] | undefined {
  if (!Array.isArray(files) || files.some((entry) => typeof entry !== 'string' || /[*?[\]{}!]/.test(entry))) {
    return undefined;
  }
  return [...new Set((files as string[]).map((entry) => entry.replace(/^\.?\//, '').split('/')[0]).filter((first) => first !== ''))];
}

function removeOtherVersions(vendorDir: string, keep: string): void {
  for (const name of fs.readdirSync(vendorDir)) {
    if (name !== keep && name.startsWith(`${LIBRARY_NAME}-`) && name.endsWith('.tgz')) {
      fs.rmSync(path.join(vendorDir, name));
    }
  }
}
