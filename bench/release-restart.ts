/**
 * Whether a release changes the model-deploy pipeline's own stack. CDK Pipelines' self-mutation
 * deploys the pipeline stack on every run; when a new model version changes that stack (release
 * data in its definition), CloudFormation updates the CodePipeline and CodePipeline restarts the
 * execution, so the release runs Source to UpdatePipeline twice. Found by synthesizing the
 * model-deploy app for two model versions and comparing the pipeline stack's templates.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ProjectConfig } from '../src/config';
import { ModelDeployApp, ResolvedModel, placeholderModel } from '../src/model-deploy';
import { resourceNamesOf } from '../src/app-context/resource-names';

/** Two consecutive versions of the project's group: the second with another ARN, artifact and AUC. */
export function twoReleases(config: ProjectConfig): [ResolvedModel, ResolvedModel] {
  const first = { ...placeholderModel(config.modelPackageGroupName, config.environments.build.region), auc: 0.81 };
  const second: ResolvedModel = {
    ...first,
    version: 2,
    modelPackageArn: first.modelPackageArn.replace(/\/1$/, '/2'),
    modelDataUrl: first.modelDataUrl!.replace('/model/', '/model-2/'),
    auc: 0.83,
  };
  return [first, second];
}

/** The pipeline stack's template text when the app deploys `model`. */
function pipelineTemplate(config: ProjectConfig, repoDir: string, model: ResolvedModel): string {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-release-'));
  try {
    const assembly = new ModelDeployApp({ config, repoDir, model, outdir }).synth();
    const stack = assembly.getStackByName(resourceNamesOf(config).modelDeployPipelineStack);
    return fs.readFileSync(path.join(assembly.directory, stack.templateFile), 'utf-8');
  } finally {
    fs.rmSync(outdir, { recursive: true, force: true });
  }
}

/** True when two releases synthesize different model-deploy pipeline stacks. */
export function releaseChangesPipeline(config: ProjectConfig, repoDir: string): boolean {
  const [first, second] = twoReleases(config);
  return pipelineTemplate(config, repoDir, first) !== pipelineTemplate(config, repoDir, second);
}
