import * as fs from 'node:fs';
import * as path from 'node:path';
import { Component, Project } from 'projen';
import { ConfigError } from '../config/errors';
import { readToolkitManifest, toolkitPackageDir } from './toolkit-package';
import { writeToolkitTarballs } from './toolkit-tarball';
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
    const targets = this.repoDirs.map((repoDir) => path.join(this.project.outdir, repoDir, this.tarball));
    writeToolkitTarballs(this.toolkitDir, targets);
    for (const target of targets) {
      removeOtherVersions(path.dirname(target), path.basename(target));
    }
  }
}

function removeOtherVersions(vendorDir: string, keep: string): void {
  for (const name of fs.readdirSync(vendorDir)) {
    if (name !== keep && name.startsWith(`${LIBRARY_NAME}-`) && name.endsWith('.tgz')) {
      fs.rmSync(path.join(vendorDir, name));
    }
  }
}
