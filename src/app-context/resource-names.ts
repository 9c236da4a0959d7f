/**
 * The names the stacks give a project's AWS resources, in one place: the CDK code names resources
 * with them and the CLI finds resources by them (`status`, `approve-release`, `cleanup`), so a
 * rename here reaches both.
 */

/** The stages model-deploy deploys to, in release order. */
export const DEPLOY_STAGES = ['staging', 'prod'] as const;
export type DeployStageName = (typeof DEPLOY_STAGES)[number];

/** The model-deploy CodePipeline's stage and action names that the CLI looks for. */
export const RELEASE_PIPELINE = {
  /** The CodePipeline stage that deploys staging; its post step tests the live endpoint. */
  stagingStage: 'Staging',
  /** The CodePipeline stage that deploys production; its first action is the manual approval. */
  prodStage: 'Prod',
  /** The live staging test action. */
  testAction: 'TestStaging',
  /** The reviewer's manual approval action, in the prod stage. */
  approvalAction: 'ApproveRelease',
  /** The prod stage's action after the approval: the release's version must still be Approved in the registry. */
  registryCheckAction: 'CheckRegistryApproval',
} as const;

/**
 * The CodePipeline variables the staging check exports from the release's resolved model, read at
 * run time so that no release changes the pipeline's definition (the approval's comment names them;
 * approve-release reads them of the execution that waits).
 */
export const RELEASE_VARIABLES = {
  version: 'MODEL_VERSION',
  auc: 'MODEL_AUC',
  packageArn: 'MODEL_PACKAGE_ARN',
  /** The release's model inputs against the version production serves, or else the version approved before it (input-check's line). */
  inputs: 'MODEL_INPUTS',
  /** The version input-check compared with, or `none`. */
  inputsBase: 'MODEL_INPUTS_BASE',
} as const;

/** Names of one project's resources, derived from the project name (and the group, when it differs). */
export class ProjectResourceNames {
  /** The model package group: the project name unless the project sets another. */
  public readonly modelPackageGroup: string;

  /**
   * @param projectName the project's name (`projectName` in .projenrc.ts)
   * @param modelPackageGroupName the group, when `.projenrc.ts` sets `modelPackageGroupName`
   */
  constructor(public readonly projectName: string, modelPackageGroupName?: string) {
    this.modelPackageGroup = modelPackageGroupName ?? projectName;
  }

  /** The model-build CodePipeline (source, synth, deploy, run the SageMaker pipeline). */
  get modelBuildCodePipeline(): string {
    return `${this.projectName}-model-build`;
  }

  /** The model-deploy CodePipeline (resolve, staging, live test, approval, prod). */
  get modelDeployCodePipeline(): string {
    return `${this.projectName}-model-deploy`;
  }

  /**
   * The log groups of the two CodePipelines' CodeBuild projects (the pipeline stacks create them
   * with these fixed names and keep them when the stacks are deleted).
   */
  get buildLogGroups(): string[] {
    return [this.modelBuildCodePipeline, this.modelDeployCodePipeline].map(buildLogGroupName);
  }

  /** The SageMaker pipeline that trains and registers the model. */
  get trainingPipeline(): string {
    return `${this.projectName}-training`;
  }

  /** The stack of the model-build CodePipeline. */
  get modelBuildPipelineStack(): string {
    return `${this.projectName}-model-build-pipeline`;
  }

  /** The stack the model-build CodePipeline deploys (SageMaker pipeline, bucket, key, group). */
  get modelBuildStack(): string {
    return `${this.projectName}-model-build`;
  }

  /** The stack of the model-deploy CodePipeline. */
  get modelDeployPipelineStack(): string {
    return `${this.projectName}-model-deploy-pipeline`;
  }

  /**
   * The stack aws-cdk-lib adds in a region where the model-deploy CodePipeline deploys a stage, in
   * the pipeline's account: a bucket (retained) and a key to which the pipeline copies its artifacts
   * for the actions in that region (aws-cdk-lib's CrossRegionSupportStack names it so).
   */
  crossRegionSupportStack(region: string): string {
    return `${this.modelDeployPipelineStack}-support-${region}`;
  }

  /** The stack the model-deploy CodePipeline deploys for a stage. */
  endpointStack(stage: DeployStageName): string {
    return `${this.projectName}-${stage}-endpoint`;
  }

  /** The stack of the production stage's batch scoring (batchScoring): its model, SageMaker pipeline and schedule. */
  get batchScoringStack(): string {
    return `${this.projectName}-batch-scoring`;
  }

  /** A stage's SageMaker endpoint. */
  endpoint(stage: DeployStageName): string {
    return `${this.projectName}-${stage}`;
  }

  /** A stage's drift-check SageMaker pipeline. */
  driftPipeline(stage: DeployStageName): string {
    return `${this.endpoint(stage)}-drift`;
  }

  /** The EventBridge rule that tells the reviewers' topic a model version waits for their approval. */
  get pendingApprovalRule(): string {
    return `${this.projectName}-model-pending-approval`;
  }

  /** The EventBridge rule that tells the reviewers' topic a stage of the model-deploy pipeline failed. */
  get releaseFailureRule(): string {
    return `${this.modelDeployCodePipeline}-failed`;
  }

  /** The EventBridge rule that tells the reviewers' topic a production stage of the model-deploy pipeline was cancelled or stopped. */
  get releaseCancelledRule(): string {
    return `${this.modelDeployCodePipeline}-release-cancelled`;
  }

  /** The EventBridge rule that tells the build-failures topic a stage of the model-build pipeline failed. */
  get buildFailureRule(): string {
    return `${this.modelBuildCodePipeline}-failed`;
  }

  /** The SNS topic of the model-build pipeline's failed stages (buildFailureEmails). */
  get buildFailureTopic(): string {
    return `${this.modelBuildCodePipeline}-failures`;
  }

  /**
   * The SNS topic a real-time stage's alarms notify (rollback, drift and delivery alarms), in the stage's
   * account and region, when the stage has guardrails or a drift check and no `release.alertTopicArn`.
   */
  alertTopic(stage: DeployStageName): string {
    return `${this.projectName}-${stage}-alerts`;
  }

  /** The SNS topic that tells reviewers a release (or a model version) waits for them. */
  get releaseApprovalTopic(): string {
    return `${this.projectName}-release-approvals`;
  }
}

/** The names of a configured project's resources. */
export function resourceNamesOf(config: { readonly projectName: string; readonly modelPackageGroupName: string }): ProjectResourceNames {
  return new ProjectResourceNames(config.projectName, config.modelPackageGroupName);
}

/** The log group of a CodePipeline's CodeBuild projects: CodeBuild's default name for a project named after the pipeline. */
export function buildLogGroupName(pipelineName: string): string {
  return `/aws/codebuild/${pipelineName}`;
}
