import { Stack, StackProps } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { ProjectConfig } from '../config';
import { ArtifactStore, cdkEnvironment } from '../constructs';

/** The stages an approved model goes through. */
export const STAGES = ['staging', 'prod'] as const;
export type Stage = (typeof STAGES)[number];

export interface StageStorageStackProps extends StackProps {
  /** The project. */
  readonly config: ProjectConfig;
  /** The stage, which decides the account and region. */
  readonly stage: Stage;
}

/**
 * The KMS key and bucket of one deployment stage, in that stage's account and region: where
 * the endpoint's captured requests, the live endpoint test reports and the drift reports go.
 */
export class StageStorageStack extends Stack {
  public readonly storage: ArtifactStore;

  constructor(scope: Construct, id: string, props: StageStorageStackProps) {
    const { config, stage, ...stackProps } = props;
    if (!STAGES.includes(stage)) {
      throw new Error(`stage must be one of ${STAGES.join(', ')}, got ${JSON.stringify(stage)}`);
    }
    super(scope, id, {
      description: `sagemaker-gitops ${config.projectName}: ${stage} endpoint data`,
      ...stackProps,
      env: cdkEnvironment(config.environments[stage]),
    });
    this.storage = new ArtifactStore(this, 'Data', {
      keyAlias: `${config.projectName}-${stage}-data`,
      description: `Encrypts the ${stage} endpoint data of the SageMaker project ${config.projectName}`,
    });
  }
}
