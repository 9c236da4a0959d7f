import { ProjectApp, ProjectAppProps } from '../constructs';
import { resourceNamesOf } from '../app-context/resource-names';
import { ModelBuildOptions, ModelBuildPipelineStack } from './model-build-pipeline-stack';
import { ModelBuildStack } from './model-build-stack';

export interface ModelBuildAppProps extends ProjectAppProps, ModelBuildOptions {
  /**
   * The model-build repository's root: its `pipelines/` scripts and `data/` sample go to S3.
   * @default - the current directory (where `cdk synth` runs)
   */
  readonly repoDir?: string;
}

/**
 * The CDK app of a model-build repository: the model-build CodePipeline stack, which deploys
 * the model-build stack (the SageMaker pipeline) through its stage.
 */
export class ModelBuildApp extends ProjectApp {
  public readonly pipelineStack: ModelBuildPipelineStack;
  public readonly modelBuildStack: ModelBuildStack;

  constructor(props: ModelBuildAppProps) {
    const { repoDir, pipelineDefinition, definitionDelivery, ...appProps } = props;
    super(appProps);
    this.pipelineStack = new ModelBuildPipelineStack(this, resourceNamesOf(this.config).modelBuildPipelineStack, {
      config: this.config,
      repoDir: repoDir ?? process.cwd(),
      pipelineDefinition,
      definitionDelivery,
    });
    this.modelBuildStack = this.pipelineStack.stage.modelBuildStack;
  }
}
