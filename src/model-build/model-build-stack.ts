import { Stack, StackProps } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { ProjectConfig } from '../config';
import { ArtifactStore, ModelPackageGroup, cdkEnvironment } from '../constructs';

export interface ModelBuildStackProps extends StackProps {
  /** The project. The stack deploys to its build environment. */
  readonly config: ProjectConfig;
}

/**
 * What the model-build side of a project keeps: the KMS key and artifact bucket of the
 * SageMaker pipeline, and the model package group (Model Registry) it registers into.
 * Staging and production accounts other than the build account may read the group.
 */
export class ModelBuildStack extends Stack {
  public readonly artifacts: ArtifactStore;
  public readonly modelPackageGroup: ModelPackageGroup;

  constructor(scope: Construct, id: string, props: ModelBuildStackProps) {
    const { config, ...stackProps } = props;
    super(scope, id, {
      description: `sagemaker-gitops ${config.projectName}: model build artifacts and model registry`,
      ...stackProps,
      env: cdkEnvironment(config.environments.build),
    });
    this.artifacts = new ArtifactStore(this, 'Artifacts', {
      keyAlias: `${config.projectName}-model-build`,
      description: `Encrypts the model-build artifacts of the SageMaker project ${config.projectName}`,
    });
    const { staging, prod } = config.environments;
    this.modelPackageGroup = new ModelPackageGroup(this, 'ModelPackageGroup', {
      modelPackageGroupName: config.modelPackageGroupName,
      description: `Model versions of the SageMaker project ${config.projectName}`,
      readerAccounts: [staging.account, prod.account].filter((a): a is string => a !== undefined),
    });
  }
}
