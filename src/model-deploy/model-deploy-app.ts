import { ProjectApp, ProjectAppProps } from '../constructs';
import { STAGES, Stage, StageStorageStack } from './stage-storage-stack';

/** The CDK app of a model-deploy repository. */
export class ModelDeployApp extends ProjectApp {
  public readonly stageStorage: Record<Stage, StageStorageStack>;

  constructor(props: ProjectAppProps) {
    super(props);
    const name = props.config.projectName;
    this.stageStorage = Object.fromEntries(
      STAGES.map((stage) => [stage, new StageStorageStack(this, `${name}-${stage}-storage`, { config: props.config, stage })]),
    ) as Record<Stage, StageStorageStack>;
  }
}
