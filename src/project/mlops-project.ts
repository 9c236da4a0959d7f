import { Component, Project } from 'projen';
import { ConfigError, ProjectConfig, ProjectOptions, resolveProjectConfig } from '../config';
import { GeneratedRepo } from './generated-repo';
import { VendoredToolkit } from './vendored-toolkit';
import { generatedRepoVersions } from '../app-context/versions';

export interface MlopsProjectOptions extends ProjectOptions {
  /**
   * Folder of the generated model-build repository, relative to the projen project.
   * @default "model-build"
   */
  readonly modelBuildDir?: string;
  /**
   * Folder of the generated model-deploy repository, relative to the projen project.
   * @default "model-deploy"
   */
  readonly modelDeployDir?: string;
}

/**
 * One SageMaker MLOps project: a projen component that generates a model-build and a
 * model-deploy repository, each a standalone npm + CDK TypeScript app driven by the
 * project's options. Every option is checked when the component is created, so a bad option
 * fails before any file is written.
 */
export class MlopsProject extends Component {
  /** The options with every default filled in: what the generated config files hold. */
  public readonly config: ProjectConfig;
  public readonly modelBuild: GeneratedRepo;
  public readonly modelDeploy: GeneratedRepo;
  /** The vendored toolkit, unless the repositories install it from a registry. */
  public readonly vendoredToolkit?: VendoredToolkit;

  constructor(project: Project, options: MlopsProjectOptions) {
    super(project);
    const { modelBuildDir, modelDeployDir, ...projectOptions } = options;
    this.config = resolveProjectConfig(projectOptions);
    const buildDir = checkDir('modelBuildDir', modelBuildDir ?? 'model-build');
    const deployDir = checkDir('modelDeployDir', modelDeployDir ?? 'model-deploy');
    if (buildDir === deployDir) {
      throw new ConfigError(`modelBuildDir and modelDeployDir must differ, both are ${JSON.stringify(buildDir)}`);
    }
    const registry = this.config.toolkit;
    this.vendoredToolkit = registry === undefined ? new VendoredToolkit(project, { repoDirs: [buildDir, deployDir] }) : undefined;
    const vendoredTarball = this.vendoredToolkit?.tarball;
    const versions = generatedRepoVersions(vendoredTarball !== undefined ? `file:${vendoredTarball}` : registry?.spec);
    const toolkit = { vendoredTarball, registry };
    this.modelBuild = new GeneratedRepo(project, { kind: 'model-build', dir: buildDir, config: this.config, versions, toolkit });
    this.modelDeploy = new GeneratedRepo(project, { kind: 'model-deploy', dir: deployDir, config: this.config, versions, toolkit });
  }
}

function checkDir(option: string, dir: string): string {
  if (typeof dir !== 'string' || !/^[A-Za-z0-9_.-]+(\/[A-Za-z0-9_.-]+)*$/.test(dir) || dir.split('/').some((part) => part === '..' || part === '.')) {
    throw new ConfigError(`${option} must be a relative folder inside the project such as "model-build", got ${JSON.stringify(dir)}`);
  }
  return dir;
}
