import { ProjectApp, ProjectAppProps } from '../constructs';
import { ModelBuildStack } from './model-build-stack';

/** The CDK app of a model-build repository. */
export class ModelBuildApp extends ProjectApp {
  public readonly modelBuildStack: ModelBuildStack;

  constructor(props: ProjectAppProps) {
    super(props);
    this.modelBuildStack = new ModelBuildStack(this, `${props.config.projectName}-model-build`, { config: props.config });
  }
}
