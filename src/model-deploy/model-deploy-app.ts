import * as fs from 'node:fs';
import * as path from 'node:path';
import { Annotations } from 'aws-cdk-lib';
import { ProjectApp, ProjectAppProps } from '../constructs';
import { resourceNamesOf } from '../app-context/resource-names';
import { ModelDeployPipelineStack } from './model-deploy-pipeline-stack';
import { PLACEHOLDER_MODEL_CONTEXT, RESOLVED_MODEL_FILE, ResolvedModel, placeholderModel, readResolvedModel } from '../app-context/resolved-model';

export interface ModelDeployAppProps extends ProjectAppProps {
  /**
   * The model-deploy repository's root: its resolved-model.json, test payload and drift script.
   * @default - the current directory (where `cdk synth` runs)
   */
  readonly repoDir?: string;
  /**
   * The model version to deploy.
   * @default - read from `<repoDir>/resolved-model.json`; with the context
   * `sagemaker-gitops:placeholder-model=true` and no file, a placeholder that is never deployable
   */
  readonly model?: ResolvedModel;
}

/**
 * The CDK app of a model-deploy repository: the model-deploy CodePipeline stack, whose stages
 * deploy each stage's storage and endpoint stacks.
 */
export class ModelDeployApp extends ProjectApp {
  public readonly pipelineStack: ModelDeployPipelineStack;
  public readonly model: ResolvedModel;

  constructor(props: ModelDeployAppProps) {
    const { repoDir = process.cwd(), model, ...appProps } = props;
    super(appProps);
    const config = this.config;
    this.model = model ?? this.resolveModel(repoDir, config.modelPackageGroupName, config.environments.build.region);
    this.pipelineStack = new ModelDeployPipelineStack(this, resourceNamesOf(config).modelDeployPipelineStack, { config, model: this.model, repoDir });
    if (this.model.placeholder) {
      Annotations.of(this.pipelineStack).addWarningV2('sagemaker-gitops:placeholder-model',
        `synthesized with a PLACEHOLDER model (${PLACEHOLDER_MODEL_CONTEXT}): the endpoint stacks cannot be deployed; the pipeline resolves the real model`);
    }
  }

  private resolveModel(repoDir: string, group: string, region: string): ResolvedModel {
    const file = path.join(repoDir, RESOLVED_MODEL_FILE);
    const placeholder = [true, 'true'].includes(this.node.tryGetContext(PLACEHOLDER_MODEL_CONTEXT));
    if (!fs.existsSync(file) && placeholder) {
      return placeholderModel(group, region);
    }
    return readResolvedModel(file);
  }
}
