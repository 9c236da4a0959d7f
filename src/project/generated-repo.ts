import * as fs from 'node:fs';
import * as path from 'node:path';
import { Component, IgnoreFile, JsonFile, Project, SampleFile, TextFile } from 'projen';
import { CONFIG_FILE_NAME, ProjectConfig, renderConfigFile } from '../config';
import { renderCdkJson, repoGitignore, renderPackageJson, renderTsconfig } from './repo-files';
import { LOCK_SEED_FILE, seedLockfile } from './repo-lock-seed';
import { refreshLockfile } from './repo-lockfile';
import { renderReadme } from './repo-readme';
import { RepoToolkit } from './repo-readme-toolkit';
import { RepoKind } from './repo-kind';
import { VENDOR_CHECK_SCRIPT, renderVendorCheck } from '../app-context/vendor-check';
import { GeneratedRepoVersions } from '../app-context/versions';

/** Where the seed code of each repository kind lives inside the sagemaker-gitops package. */
export const SEED_CODE_DIR = path.join(__dirname, '..', '..', 'seed-code');

/** The lock seed inside the sagemaker-gitops package (see seedLockfile). */
const LOCK_SEED_PATH = path.join(__dirname, '..', '..', LOCK_SEED_FILE);

export interface GeneratedRepoOptions {
  /** Which repository. */
  readonly kind: RepoKind;
  /** Folder of the repository, relative to the projen project's root. */
  readonly dir: string;
  /** The resolved project. */
  readonly config: ProjectConfig;
  /** Dependency versions. */
  readonly versions: GeneratedRepoVersions;
  /**
   * Where the repository gets the toolkit: vendored (`vendoredTarball`) or from a registry.
   * @default - from the registry npm is configured with
   */
  readonly toolkit?: RepoToolkit;
}

/**
 * One generated repository: a standalone npm + CDK TypeScript app. Its package.json, tsconfig,
 * cdk.json, .gitignore, README and config file are managed (rewritten by every `npx projen`);
 * its seed code (from `seed-code/<kind>/`) is written once and then belongs to the team. After
 * synthesis its package-lock.json is brought up to date (see refreshLockfile; a repository without
 * one starts from the package's lock seed, see seedLockfile), unless post-synthesis steps are off
 * (`npx projen --no-post`, PROJEN_DISABLE_POST).
 */
export class GeneratedRepo extends Component {
  public readonly dir: string;
  /** Paths (relative to the projen project) of the seed files. */
  public readonly seedFiles: string[];

  constructor(project: Project, options: GeneratedRepoOptions) {
    super(project);
    const { kind, dir, config, versions, toolkit = {} } = options;
    this.dir = dir;
    const at = (file: string) => path.posix.join(dir, file);

    new JsonFile(project, at('package.json'), { obj: renderPackageJson(kind, config, versions), marker: true, newline: true });
    new JsonFile(project, at('tsconfig.json'), { obj: renderTsconfig(), marker: true, newline: true });
    new JsonFile(project, at('cdk.json'), { obj: renderCdkJson(), marker: true, newline: true });
    new JsonFile(project, at(CONFIG_FILE_NAME), { obj: renderConfigFile(config), marker: true, newline: true });
    const gitignore = new IgnoreFile(project, at('.gitignore'));
    gitignore.exclude(...repoGitignore(kind));
    const readme = new TextFile(project, at('README.md'), { marker: true });
    for (const line of [`<!-- ${readme.marker} -->`, ...renderReadme(kind, config, toolkit)]) {
      readme.addLine(line);
    }
    if (toolkit.vendoredTarball !== undefined) {
      new TextFile(project, at(VENDOR_CHECK_SCRIPT), { lines: [`// ${readme.marker}`, ...renderVendorCheck(project.name)] });
    }

    this.seedFiles = listFiles(path.join(SEED_CODE_DIR, kind)).map((relative) => {
      const target = at(relative);
      new SampleFile(project, target, { sourcePath: path.join(SEED_CODE_DIR, kind, relative) });
      return target;
    });
  }

  postSynthesize(): void {
    const repoDir = path.join(this.project.outdir, this.dir);
    seedLockfile(repoDir, LOCK_SEED_PATH);
    refreshLockfile(repoDir);
  }
}

/** Every file below `root` but Python's byte code (`__pycache__/`, `*.pyc`), as sorted POSIX paths relative to it. */
function listFiles(root: string): string[] {
  const files: string[] = [];
  const walk = (relative: string) => {
    for (const entry of fs.readdirSync(path.join(root, relative), { withFileTypes: true })) {
      const child = path.posix.join(relative, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== '__pycache__') {
          walk(child);
        }
      } else if (entry.isFile() && !entry.name.endsWith('.pyc')) {
        files.push(child);
      }
    }
  };
  walk('');
  return files.sort();
}
