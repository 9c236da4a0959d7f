/**
 * What a release changes beyond its endpoints. CDK Pipelines' self-mutation deploys the pipeline
 * stack on every run; when a new model version changes that stack (release data in its
 * definition), CloudFormation updates the CodePipeline and CodePipeline restarts the execution, so
 * the release runs Source to UpdatePipeline twice. And when it changes a file asset of the stages
 * (its content hash), the Assets stage has something to upload; otherwise `assets-check` finds
 * every asset published by the release before and the stage is skipped. Found by synthesizing the
 * model-deploy app for two model versions and comparing the pipeline stack's templates and the
 * stages' file assets.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ProjectConfig } from '../src/config';
import { ModelDeployApp, ResolvedModel, placeholderModel } from '../src/model-deploy';
import { resourceNamesOf } from '../src/app-context/resource-names';
import { pipelineAssets } from '../src/aws/assets-check';

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

/** The pipeline stack's template text and the stages' file assets (`<asset>:<destination>`, sorted) when the app deploys `model`. */
function releaseSynth(config: ProjectConfig, repoDir: string, model: ResolvedModel): { readonly pipelineTemplate: string; readonly assets: string } {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-release-'));
  try {
    const assembly = new ModelDeployApp({ config, repoDir, model, outdir }).synth();
    const stack = assembly.getStackByName(resourceNamesOf(config).modelDeployPipelineStack);
    return {
      pipelineTemplate: fs.readFileSync(path.join(assembly.directory, stack.templateFile), 'utf-8'),
      assets: pipelineAssets(assembly.directory).files.map((asset) => asset.selector).sort().join('\n'),
    };
  } finally {
    fs.rmSync(outdir, { recursive: true, force: true });
  }
}

/** What two consecutive releases synthesize differently. */
export interface ReleaseChanges {
  /** The model-deploy pipeline stack. */
  readonly pipeline: boolean;
  /** The file assets of its stages: one the release before did not publish. */
  readonly assets: boolean;
}

/** What two releases synthesize differently (`ReleaseChanges`). */
export function releaseChanges(config: ProjectConfig, repoDir: string): ReleaseChanges {
  const [first, second] = twoReleases(config).map((model) => releaseSynth(config, repoDir, model));
  return { pipeline: first.pipelineTemplate !== second.pipelineTemplate, assets: first.assets !== second.assets };
}
