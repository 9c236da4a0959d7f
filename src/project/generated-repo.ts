import * as fs from 'node:fs';
import * as path from 'node:path';
import { Component, IgnoreFile, JsonFile, Project, SampleFile, TextFile } from 'projen';
import { CONFIG_FILE_NAME, ProjectConfig, renderConfigFile } from '../config';
import { renderCdkJson, repoGitignore, renderPackageJson, renderTsconfig } from './repo-files';
import { renderReadme } from './repo-readme';
import { RepoKind } from './repo-kind';
import { GeneratedRepoVersions } from './versions';

/** Where the seed code of each repository kind lives inside the sagemaker-gitops package. */
export const SEED_CODE_DIR = path.join(__dirname, '..', '..', 'seed-code');

export interface GeneratedRepoOptions {
  /** Which repository. */
  readonly kind: RepoKind;
  /** Folder of the repository, relative to the projen project's root. */
  readonly dir: string;
  /** The resolved project. */
  readonly config: ProjectConfig;
  /** Dependency versions. */
  readonly versions: GeneratedRepoVersions;
}

/**
 * One generated repository: a standalone npm + CDK TypeScript app. Its package.json, tsconfig,
 * cdk.json, .gitignore, README and config file are managed (rewritten by every `npx projen`);
 * its seed code (from `seed-code/<kind>/`) is written once and then belongs to the team.
 */
export class GeneratedRepo extends Component {
  public readonly dir: string;
  /** Paths (relative to the projen project) of the seed files. */
  public readonly seedFiles: string[];

  constructor(project: Project, options: GeneratedRepoOptions) {
    super(project);
    const { kind, dir, config, versions } = options;
    this.dir = dir;
    const at = (file: string) => path.posix.join(dir, file);

    new JsonFile(project, at('package.json'), { obj: renderPackageJson(kind, config, versions), marker: true, newline: true });
    new JsonFile(project, at('tsconfig.json'), { obj: renderTsconfig(), marker: true, newline: true });
    new JsonFile(project, at('cdk.json'), { obj: renderCdkJson(), marker: true, newline: true });
    new JsonFile(project, at(CONFIG_FILE_NAME), { obj: renderConfigFile(config), marker: true, newline: true });
    const gitignore = new IgnoreFile(project, at('.gitignore'));
    gitignore.exclude(...repoGitignore(kind));
    const readme = new TextFile(project, at('README.md'), { marker: true });
    for (const line of [`<!-- ${readme.marker} -->`, ...renderReadme(kind, config)]) {
      readme.addLine(line);
    }

    this.seedFiles = listFiles(path.join(SEED_CODE_DIR, kind)).map((relative) => {
      const target = at(relative);
      new SampleFile(project, target, { sourcePath: path.join(SEED_CODE_DIR, kind, relative) });
      return target;
    });
  }
}

/** Every file below `root`, as sorted POSIX paths relative to it. */
function listFiles(root: string): string[] {
  const files: string[] = [];
  const walk = (relative: string) => {
    for (const entry of fs.readdirSync(path.join(root, relative), { withFileTypes: true })) {
      const child = path.posix.join(relative, entry.name);
      if (entry.isDirectory()) {
        walk(child);
      } else if (entry.isFile()) {
        files.push(child);
      }
    }
  };
  walk('');
  return files.sort();
}
