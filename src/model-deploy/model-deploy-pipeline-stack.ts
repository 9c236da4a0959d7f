import { Stack, StackProps, Stage as CdkStage, StageProps } from 'aws-cdk-lib';
import * as cwactions from 'aws-cdk-lib/aws-cloudwatch-actions';
import * as events from 'aws-cdk-lib/aws-events';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as sns from 'aws-cdk-lib/aws-sns';
import * as subscriptions from 'aws-cdk-lib/aws-sns-subscriptions';
import * as pipelines from 'aws-cdk-lib/pipelines';
import { Construct } from 'constructs';
import { ProjectConfig } from '../config';
import { ProjectPipeline, cdkEnvironment, tagProjectResources } from '../constructs';
import { RELEASE_PIPELINE, RELEASE_VARIABLES, resourceNamesOf } from '../app-context/resource-names';
import { PipelineSource } from '../source';
import { acknowledgeWildcardResource } from '../validation/acknowledge';
import { AlertTopic } from '../constructs/alert-topic';
import { BatchScoringStack } from './batch-scoring-stack';
import { EndpointStack, Stage, endpointName } from './endpoint-stack';
import {
  PROD_CHECK_ACTION, PROD_SMOKE_TEST_ROWS,
  acknowledgeReleaseCheckWildcards, endpointTesterRoleName, isCrossAccount, releaseCheckStatements, releaseCheckStep,
} from './release-checks';
import { acknowledgeReleasePayloadWildcards, inputCheckPipelineStatement, inputCheckShellCommand, releasePayloadDownloadCommand, releasePayloadReadStatements } from './release-payload';
import { PendingApprovalNotice, ReleaseCancelledNotice, ReleaseFailureNotice } from './reviewer-notices';
import { ReleaseTrigger } from './release-trigger';
import { replaceFailedStack } from './replace-on-failure';
import { endpointTypeReadStatements } from './endpoint-type-checks';
import { RESOLVED_MODEL_FILE, ResolvedModel } from '../app-context/resolved-model';
import { SHADOW_COMPARE_ACTION, compareShadowStep } from './shadow-compare-step';
import {
  SHADOW_STAGE, acknowledgeLiveModelReadWildcards, copyLiveModelCommand, liveModelFor, liveModelReadStatements, resolveModelShellCommand, shadowReleaseOf,
} from './shadow-release';
import { ShadowDeployStage } from './shadow-stage';
import { releaseOrderStep } from './release-order';
import { RegistryApprovalCheck, RegistryApprovalCheckStep } from './registry-approval-check';
import { releaseApprovalComment, releaseInputsMaxLength } from './release-approval-comment';
import { PROD_CHANGE_RULE, PROD_CHANGE_VARIABLE, acknowledgeProdChangeReadWildcards, prodChangeCheckCommand, prodChangeCheckOf, prodChangeReadStatements } from './prod-change';

export * from './reviewer-notices';
export * from './release-checks';
export * from './release-trigger';
export * from './replace-on-failure';

export { ACTION_CONFIGURATION_MAX_LENGTH } from '../constructs/pipeline-limits';
export * from './release-approval-comment';

export interface DeployStageProps extends StageProps {
  readonly config: ProjectConfig;
  readonly stage: Stage;
  readonly model: ResolvedModel;
  readonly repoDir: string;
}

/** One deployment stage: its endpoint stack, in the stage's environment. */
export class DeployStage extends CdkStage {
  public readonly endpoint: EndpointStack;
  /** Production batch scoring (`batchScoring`): its model, pipeline and schedule. */
  public readonly batchScoring?: BatchScoringStack;

  constructor(scope: Construct, id: string, props: DeployStageProps) {
    const { config, stage, model, repoDir, ...stageProps } = props;
    super(scope, id, { ...stageProps, env: cdkEnvironment(config.environments[stage]) });
    tagProjectResources(this);
    this.endpoint = new EndpointStack(this, 'Endpoint', {
      config, stage, model, repoDir,
      stackName: resourceNamesOf(config).endpointStack(stage),
    });
    if (isCrossAccount(config, stage)) {
      // The pipeline's checks of this stage run as this role: invoke the endpoint, and verify what it serves.
      const role = this.endpoint.allowLiveTestFrom(config.environments.build.account!, endpointTesterRoleName(config, stage));
      for (const statement of releaseCheckStatements(this.endpoint, config, stage)) {
        role.addToPrincipalPolicy(statement);
      }
      acknowledgeReleaseCheckWildcards(this.endpoint, config, stage, role);
    }
    if (stage === 'prod' && config.batchScoring !== undefined) {
      this.batchScoring = new BatchScoringStack(this, 'BatchScoring', { config, model, stackName: resourceNamesOf(config).batchScoringStack });
    }
  }
}

export interface ModelDeployPipelineStackProps extends StackProps {
  readonly config: ProjectConfig;
  /** The model version this synth deploys (from resolve-model, or the local placeholder): only the endpoint stacks depend on it. */
  readonly model: ResolvedModel;
  /** The model-deploy repository (payloads, drift script). */
  readonly repoDir: string;
}

/**
 * The model-deploy CodePipeline (CDK Pipelines, V2): Source → Build (resolves the newest approved
 * model version, synthesizes) → UpdatePipeline → Assets → Staging (deploy, replacing a stack a
 * failed first deploy left behind; TestStaging verifies the release and tests the live endpoint)
 * → Prod (ApproveRelease, a reviewer; CheckRegistryApproval: the version is still Approved in the registry; deploy;
 * VerifyRelease: the endpoint serves the release,
 * not the previous one after an automatic rollback, and answers a smoke test). With
 * `endpoints.prod.shadow`, ProdShadow comes before Prod: production's stack with the live version
 * and the candidate as its shadow variant, then CompareShadow (waits, compares, stops the release
 * beyond a threshold), whose numbers the approval's comment shows. A release that would leave
 * production as deployed (`prod-change-check`, production in the pipeline's account) skips
 * ProdShadow and Prod: no approval is asked for what production already runs. Model approval
 * changes in the registry and pushes to the branch run it. Nothing in the pipeline's own
 * definition depends on the release: the version reaches the approval as CodePipeline variables,
 * and the checks read the resolved model from the synth output, so a release never makes the
 * pipeline update (and restart) itself.
 */
export class ModelDeployPipelineStack extends Stack {
  public readonly codePipeline: pipelines.CodePipeline;
  public readonly staging: DeployStage;
  public readonly prod: DeployStage;
  /** The shadow phase before production (`endpoints.prod.shadow`): the live version with the candidate in shadow. */
  public readonly prodShadow?: ShadowDeployStage;
  public readonly approvalTopic: sns.Topic;
  public readonly trigger: events.Rule;
  public readonly releaseTrigger: ReleaseTrigger;
  /** Tells the reviewers (the approval topic) of each version that waits for their approval in the registry. */
  public readonly pendingApprovalNotice: PendingApprovalNotice;
  /** Tells the reviewers (the approval topic) of each failed stage of this pipeline. */
  public readonly releaseFailureNotice: ReleaseFailureNotice;
  /** Tells the reviewers (the approval topic) of each production stage that was cancelled or stopped (a release waiting for them there will not come). */
  public readonly releaseCancelledNotice: ReleaseCancelledNotice;
  /** The function of the Prod stage's CheckRegistryApproval action, between the approval and the deploy. */
  public readonly registryCheck: RegistryApprovalCheck;

  constructor(scope: Construct, id: string, props: ModelDeployPipelineStackProps) {
    const { config, model, repoDir, ...stackProps } = props;
    super(scope, id, {
      description: `sagemaker-gitops ${config.projectName}: the model-deploy CodePipeline`,
      ...stackProps,
      env: cdkEnvironment(config.environments.build),
    });
    const group = config.modelPackageGroupName;
    const packagesArn = this.formatArn({ service: 'sagemaker', resource: 'model-package', resourceName: `${group.toLowerCase()}/*` });
    const names = resourceNamesOf(config);
    const shadow = shadowReleaseOf(config);

    const source = new PipelineSource(this, 'ModelDeploySource', config.source.modelDeploy);
    // The stages first: the synth step's production check names the production stage's assembly.
    this.staging = new DeployStage(this, RELEASE_PIPELINE.stagingStage, { config, stage: 'staging', model, repoDir });
    this.prod = new DeployStage(this, RELEASE_PIPELINE.prodStage, { config, stage: 'prod', model, repoDir });
    const prodCheck = prodChangeCheckOf(config);
    const project = new ProjectPipeline(this, 'ModelDeploy', {
      pipelineName: names.modelDeployCodePipeline,
      source: source.input,
      projectName: config.projectName,
      toolkit: config.toolkit,
      preSynthCommands: [resolveModelShellCommand(config, RESOLVED_MODEL_FILE, shadow !== false)],
      // The checks read the release's resolved model from the synth output, not from the pipeline's definition.
      // ... and the test split the release's model was scored on, for the live tests.
      postSynthCommands: [
        `cp ${RESOLVED_MODEL_FILE} cdk.out/${RESOLVED_MODEL_FILE}`, releasePayloadDownloadCommand(), inputCheckShellCommand(names.modelDeployCodePipeline), ...(shadow ? [copyLiveModelCommand()] : []),
        // Whether the release would change production: a release production already serves skips its stages.
        ...(prodCheck ? [prodChangeCheckCommand(config, this.prod)] : []),
      ],
      synthVariables: prodCheck ? { [PROD_CHANGE_VARIABLE]: 'needed' } : {},
      synthRolePolicyStatements: [
        // ListModelPackages has no resource type in IAM: it only accepts "*".
        new iam.PolicyStatement({ actions: ['sagemaker:ListModelPackages'], resources: ['*'] }),
        new iam.PolicyStatement({ actions: ['sagemaker:DescribeModelPackage'], resources: [packagesArn] }),
        // resolve-model tells a missing group from a group without an approved version.
        new iam.PolicyStatement({
          actions: ['sagemaker:DescribeModelPackageGroup'],
          resources: [this.formatArn({ service: 'sagemaker', resource: 'model-package-group', resourceName: group.toLowerCase() })],
        }),
        ...releasePayloadReadStatements(this, config),
        inputCheckPipelineStatement(this, config),
        ...endpointTypeReadStatements(this, config),
        ...(shadow ? liveModelReadStatements(this) : []),
        ...(prodCheck ? prodChangeReadStatements(this, config, this.prod) : []),
      ],
      // One CREATE_UPDATE action per stack, so that staging can use REPLACE_ON_FAILURE.
      useChangeSets: false,
    });
    this.codePipeline = project.pipeline;

    this.approvalTopic = new sns.Topic(this, 'ReleaseApprovals', {
      topicName: names.releaseApprovalTopic,
      // SNS API Reference, SetTopicAttributes: the display name is the sender name of the email notifications.
      displayName: `${config.projectName}: versions and releases to approve`,
      masterKey: project.artifacts.key,
      enforceSSL: true,
    });
    for (const email of config.release.reviewerEmails) {
      this.approvalTopic.addSubscription(new subscriptions.EmailSubscription(email));
    }

    const stagingEndpoint = endpointName(config, 'staging');
    const region = config.environments.staging.region;

    const testStaging = releaseCheckStep(this, RELEASE_PIPELINE.testAction, {
      config, stage: 'staging', input: source.input, release: project.synth, tools: project.releaseTools, exportReleaseVariables: { inputsMaxLength: releaseInputsMaxLength(config) },
    });
    this.codePipeline.addStage(this.staging, { post: [testStaging] });
    let compare: pipelines.CodeBuildStep | undefined;
    if (shadow) {
      // The shadow phase: production's stack with the live version and the candidate in shadow, then the comparison.
      this.prodShadow = new ShadowDeployStage(this, SHADOW_STAGE, { config, live: liveModelFor(config, repoDir, model), candidate: model, repoDir });
      compare = compareShadowStep(this, {
        config, shadow, input: source.input, release: project.synth, tools: project.releaseTools, captureUri: this.prodShadow.shadowCompare.captureUri,
      });
      // First, no older release may still hold production: the shadow deploy changes its stack.
      const order = releaseOrderStep(this, { config, stage: SHADOW_STAGE, input: source.input, release: project.synth, tools: project.releaseTools });
      this.codePipeline.addStage(this.prodShadow, { pre: [order], post: [compare] });
    }
    // The comment as CodePipeline sees it (the variables' namespace is <stage>@<action>), for its length check.
    releaseApprovalComment(config, (name) => `#{${RELEASE_PIPELINE.stagingStage}@${RELEASE_PIPELINE.testAction}.${name}}`, (name) => `#{${SHADOW_STAGE}@${SHADOW_COMPARE_ACTION}.${name}}`);
    const approval = new pipelines.ManualApprovalStep(RELEASE_PIPELINE.approvalAction, {
      comment: releaseApprovalComment(config, (name) => testStaging.exportedVariable(name), compare && ((name) => compare!.exportedVariable(name))),
      reviewUrl: `https://${region}.console.aws.amazon.com/sagemaker/home?region=${region}#/endpoints/${stagingEndpoint}`,
      notificationTopic: this.approvalTopic,
    });
    // However the release was approved (the console checks nothing), its version must still be Approved in the registry.
    this.registryCheck = new RegistryApprovalCheck(this, 'RegistryApprovalCheck', { modelPackageGroupName: group, shadowStage: shadow ? SHADOW_STAGE : undefined });
    const registryCheck = new RegistryApprovalCheckStep(RELEASE_PIPELINE.registryCheckAction, this.registryCheck.function,
      testStaging.exportedVariable(RELEASE_VARIABLES.packageArn));
    registryCheck.addStepDependency(approval);
    this.codePipeline.addStage(this.prod, {
      pre: [approval, registryCheck],
      post: [releaseCheckStep(this, PROD_CHECK_ACTION, {
        config, stage: 'prod', input: source.input, release: project.synth, tools: project.releaseTools, limit: PROD_SMOKE_TEST_ROWS,
      })],
    });
    project.build();
    if (prodCheck) {
      for (const stage of [...(shadow ? [SHADOW_STAGE] : []), RELEASE_PIPELINE.prodStage]) {
        project.skipStageUnlessNeeded(stage, PROD_CHANGE_VARIABLE, PROD_CHANGE_RULE);
      }
      acknowledgeProdChangeReadWildcards(this, config);
    }
    replaceFailedStack(this.codePipeline.pipeline, names.endpointStack('staging'), [names.endpointStack('prod')]);
    source.configure(this.codePipeline.pipeline);
    acknowledgeWildcardResource(this, '*', 'sagemaker:ListModelPackages, which resolve-model calls, has no resource type in IAM; the synth step may only list, and describe this group\'s versions');
    acknowledgeReleasePayloadWildcards(this, config);
    if (shadow) {
      acknowledgeLiveModelReadWildcards(this, config);
    }
    acknowledgeWildcardResource(this, packagesArn, `resolve-model describes the newest approved version of ${group}, whose number is only known at run time; the wildcard covers only that group's versions`);

    this.releaseTrigger = new ReleaseTrigger(this, 'ModelApprovalChanged', { config, pipeline: this.codePipeline.pipeline });
    this.trigger = this.releaseTrigger.rule;
    // The reviewers learn of an approval that started no release; CloudWatch may publish to their encrypted topic for that alarm only.
    this.releaseTrigger.undeliveredAlarm.addAlarmAction(new cwactions.SnsAction(this.approvalTopic));
    this.pendingApprovalNotice = new PendingApprovalNotice(this, 'VersionPendingApproval', { config, topic: this.approvalTopic });
    this.releaseFailureNotice = new ReleaseFailureNotice(this, 'ReleaseFailed', { config, topic: this.approvalTopic });
    this.releaseCancelledNotice = new ReleaseCancelledNotice(this, 'ReleaseCancelled', { config, topic: this.approvalTopic });
    const approvalAlerts = new AlertTopic(this, 'ApprovalAlerts', {
      topicName: names.releaseApprovalTopic, key: project.artifacts.key, release: config.release, topic: this.approvalTopic,
    });
    const notices = [this.pendingApprovalNotice, this.releaseFailureNotice, this.releaseCancelledNotice];
    approvalAlerts.allowAlarms([this.releaseTrigger.undeliveredAlarm, ...notices.map((notice) => notice.undeliveredAlarm)]);
    approvalAlerts.allowEventRules(notices.map((notice) => notice.rule));
  }
}

