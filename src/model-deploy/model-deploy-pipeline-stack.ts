import * as path from 'node:path';
import { Duration, Stack, StackProps, Stage as CdkStage, StageProps } from 'aws-cdk-lib';
import * as events from 'aws-cdk-lib/aws-events';
import * as targets from 'aws-cdk-lib/aws-events-targets';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as sns from 'aws-cdk-lib/aws-sns';
import * as subscriptions from 'aws-cdk-lib/aws-sns-subscriptions';
import * as pipelines from 'aws-cdk-lib/pipelines';
import { Construct } from 'constructs';
import { ProjectConfig } from '../config';
import { BUILD_ENV, INSTALL_COMMAND, ProjectPipeline, cdkEnvironment, tagProjectResources } from '../constructs';
import { RELEASE_PIPELINE, resourceNamesOf } from '../project/resource-names';
import { PipelineSource } from '../source';
import { acknowledgeWildcardResource } from '../validation/acknowledge';
import { EndpointStack, Stage, endpointName } from './endpoint-stack';
import { RESOLVED_MODEL_FILE, ResolvedModel } from './resolved-model';

/** The payload the live staging test sends, in a model-deploy repository. */
export const TEST_PAYLOAD = path.join('test', 'payload.csv');

/** Where the live staging test writes its report (the TestStaging action's output artifact). */
export const TEST_REPORT_DIR = 'test-report';

/** The name of the role in a separate staging account that the live test assumes. */
export function stagingTesterRoleName(config: ProjectConfig): string {
  return `${config.projectName}-staging-endpoint-tester`;
}

/** The EventBridge pattern of the model approval changes that run the model-deploy pipeline. */
export function modelApprovalEventPattern(config: ProjectConfig): events.EventPattern {
  return {
    source: ['aws.sagemaker'],
    detailType: ['SageMaker Model Package State Change'],
    detail: {
      ModelPackageGroupName: [config.modelPackageGroupName],
      ModelApprovalStatus: [{ 'anything-but': ['PendingManualApproval'] }],
    },
  };
}

export interface DeployStageProps extends StageProps {
  readonly config: ProjectConfig;
  readonly stage: Stage;
  readonly model: ResolvedModel;
  readonly repoDir: string;
}

/** One deployment stage: its endpoint stack, in the stage's environment. */
export class DeployStage extends CdkStage {
  public readonly endpoint: EndpointStack;

  constructor(scope: Construct, id: string, props: DeployStageProps) {
    const { config, stage, model, repoDir, ...stageProps } = props;
    super(scope, id, { ...stageProps, env: cdkEnvironment(config.environments[stage]) });
    tagProjectResources(this);
    this.endpoint = new EndpointStack(this, 'Endpoint', {
      config, stage, model, repoDir,
      stackName: resourceNamesOf(config).endpointStack(stage),
    });
    if (stage === 'staging' && config.environments.staging.account !== undefined && config.environments.staging.account !== config.environments.build.account) {
      this.endpoint.allowLiveTestFrom(config.environments.build.account!, stagingTesterRoleName(config));
    }
  }
}

export interface ModelDeployPipelineStackProps extends StackProps {
  readonly config: ProjectConfig;
  /** The model version this synth deploys (from resolve-model, or the local placeholder). */
  readonly model: ResolvedModel;
  /** The model-deploy repository (payloads, drift script). */
  readonly repoDir: string;
}

/**
 * The model-deploy CodePipeline (CDK Pipelines, V2): Source → Synth (resolves the newest
 * approved model version) → Staging → TestStaging (live endpoint test) → ApproveRelease
 * (a reviewer) → Prod. Model approval changes in the registry and pushes to the branch run it.
 */
export class ModelDeployPipelineStack extends Stack {
  public readonly codePipeline: pipelines.CodePipeline;
  public readonly staging: DeployStage;
  public readonly prod: DeployStage;
  public readonly approvalTopic: sns.Topic;
  public readonly trigger: events.Rule;

  constructor(scope: Construct, id: string, props: ModelDeployPipelineStackProps) {
    const { config, model, repoDir, ...stackProps } = props;
    super(scope, id, {
      description: `sagemaker-gitops ${config.projectName}: the model-deploy CodePipeline`,
      ...stackProps,
      env: cdkEnvironment(config.environments.build),
    });
    const group = config.modelPackageGroupName;
    const packagesArn = this.formatArn({ service: 'sagemaker', resource: 'model-package', resourceName: `${group.toLowerCase()}/*` });

    const source = new PipelineSource(this, 'ModelDeploySource', config.source.modelDeploy);
    const project = new ProjectPipeline(this, 'ModelDeploy', {
      pipelineName: resourceNamesOf(config).modelDeployCodePipeline,
      source: source.input,
      projectName: config.projectName,
      preSynthCommands: [`npx sagemaker-gitops resolve-model --group ${group} --out ${RESOLVED_MODEL_FILE}`],
      synthRolePolicyStatements: [
        // ListModelPackages has no resource type in IAM: it only accepts "*".
        new iam.PolicyStatement({ actions: ['sagemaker:ListModelPackages'], resources: ['*'] }),
        new iam.PolicyStatement({ actions: ['sagemaker:DescribeModelPackage'], resources: [packagesArn] }),
      ],
    });
    this.codePipeline = project.pipeline;

    this.approvalTopic = new sns.Topic(this, 'ReleaseApprovals', {
      topicName: resourceNamesOf(config).releaseApprovalTopic,
      displayName: `${config.projectName}: production releases waiting for approval`,
      masterKey: project.artifacts.key,
      enforceSSL: true,
    });
    for (const email of config.release.reviewerEmails) {
      this.approvalTopic.addSubscription(new subscriptions.EmailSubscription(email));
    }

    this.staging = new DeployStage(this, RELEASE_PIPELINE.stagingStage, { config, stage: 'staging', model, repoDir });
    this.prod = new DeployStage(this, RELEASE_PIPELINE.prodStage, { config, stage: 'prod', model, repoDir });
    const stagingEndpoint = endpointName(config, 'staging');
    const auc = model.auc === undefined ? 'not recorded' : model.auc.toFixed(4);
    const region = config.environments.staging.region;

    this.codePipeline.addStage(this.staging, {
      post: [this.liveTest(config, stagingEndpoint, source.input)],
    });
    this.codePipeline.addStage(this.prod, {
      pre: [new pipelines.ManualApprovalStep(RELEASE_PIPELINE.approvalAction, {
        comment: `${model.placeholder ? 'PLACEHOLDER model of a local synth, never deployable. ' : ''}Release model version ${model.version} of ${group} (test AUC ${auc}) to the production endpoint ${endpointName(config, 'prod')}. ` +
          `It passed the live test on ${stagingEndpoint}. Package: ${model.modelPackageArn}`,
        reviewUrl: `https://${region}.console.aws.amazon.com/sagemaker/home?region=${region}#/endpoints/${stagingEndpoint}`,
        notificationTopic: this.approvalTopic,
      })],
    });
    project.build();
    source.configure(this.codePipeline.pipeline);
    acknowledgeWildcardResource(this, '*', 'sagemaker:ListModelPackages, which resolve-model calls, has no resource type in IAM; the synth step may only list, and describe this group\'s versions');
    acknowledgeWildcardResource(this, packagesArn, `resolve-model describes the newest approved version of ${group}, whose number is only known at run time; the wildcard covers only that group's versions`);

    this.trigger = new events.Rule(this, 'ModelApprovalChanged', {
      description: `Runs ${config.projectName}-model-deploy when a version of ${group} is approved or rejected`,
      eventPattern: modelApprovalEventPattern(config),
      targets: [new targets.CodePipeline(this.codePipeline.pipeline)],
    });
  }

  /** The TestStaging step: `sagemaker-gitops test-endpoint` against the live staging endpoint. */
  private liveTest(config: ProjectConfig, stagingEndpoint: string, input: pipelines.IFileSetProducer): pipelines.CodeBuildStep {
    const staging = config.environments.staging;
    const crossAccount = staging.account !== undefined && staging.account !== config.environments.build.account;
    const endpointArn = Stack.of(this).formatArn({
      service: 'sagemaker', region: staging.region, account: staging.account ?? this.account, resource: 'endpoint', resourceName: stagingEndpoint.toLowerCase(),
    });
    const testerRoleArn = crossAccount ? `arn:${this.partition}:iam::${staging.account}:role/${stagingTesterRoleName(config)}` : undefined;
    const profile = testerRoleArn ? ' --profile staging' : '';
    return new pipelines.CodeBuildStep(RELEASE_PIPELINE.testAction, {
      input,
      env: BUILD_ENV,
      installCommands: [INSTALL_COMMAND],
      commands: [
        ...(testerRoleArn ? [
          // The staging endpoint is in another account: the test runs as that account's tester role.
          'mkdir -p ~/.aws',
          `printf '[profile staging]\\nrole_arn = ${testerRoleArn}\\ncredential_source = EcsContainer\\n' >> ~/.aws/config`,
        ] : []),
        `npx sagemaker-gitops test-endpoint --endpoint ${stagingEndpoint} --payload ${TEST_PAYLOAD} --max-p95-ms ${config.release.maxP95LatencyMs} ` +
          `--report ${TEST_REPORT_DIR}/report.json --region ${staging.region}${profile}`,
      ],
      primaryOutputDirectory: TEST_REPORT_DIR,
      timeout: Duration.minutes(30),
      rolePolicyStatements: [testerRoleArn
        ? new iam.PolicyStatement({ actions: ['sts:AssumeRole'], resources: [testerRoleArn] })
        : new iam.PolicyStatement({ actions: ['sagemaker:InvokeEndpoint'], resources: [endpointArn] })],
    });
  }
}
