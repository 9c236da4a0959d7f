import * as events from 'aws-cdk-lib/aws-events';
import * as sns from 'aws-cdk-lib/aws-sns';
import { Construct } from 'constructs';
import { ProjectConfig } from '../config';
import { RELEASE_PIPELINE, resourceNamesOf } from '../app-context/resource-names';
import { TopicNotice } from '../constructs/event-delivery';
import { failedStageEventPattern, failedStageMessage } from '../constructs/failed-stage-notice';
import { completedModelPackagePattern } from './release-trigger';
import { SHADOW_STAGE, shadowReleaseOf } from './shadow-release';

/**
 * The EventBridge pattern of a version of the project's group that waits for a reviewer: registered
 * `PendingManualApproval`, once the package is `Completed`. SageMaker sends a "Model Package State Change" event for
 * each status a new package passes through ("Events that Amazon SageMaker AI sends to Amazon EventBridge"), so
 * matching only `Completed` tells the reviewers once per registration, as the release trigger starts one release.
 */
export function pendingApprovalEventPattern(config: ProjectConfig): events.EventPattern {
  return completedModelPackagePattern(config, { ModelApprovalStatus: ['PendingManualApproval'] });
}

/**
 * The notice's text, with the event's version and package ARN in it: what waits, and the commands that decide it
 * (with MLflow, the comparison with the approved version first). One line: an SNS email shows the text as it is.
 * No angle brackets besides the event's fields: EventBridge reads `<name>` in an input template as a placeholder.
 */
export function pendingApprovalMessage(config: ProjectConfig): events.RuleTargetInput {
  const group = config.modelPackageGroupName;
  const version = events.EventField.fromPath('$.detail.ModelPackageVersion');
  const arn = events.EventField.fromPath('$.detail.ModelPackageArn');
  const cli = (command: string) => `npx sagemaker-gitops ${command} ${version} --group ${group}`;
  return events.RuleTargetInput.fromText([
    `Version ${version} of the model package group ${group} (${arn}) is registered and waits for a reviewer's approval.`,
    ...(config.mlflow !== undefined ? [`Compare it with the approved version (in a generated repository): ${cli('compare-models')}.`] : []),
    `Approve it, which deploys it to staging and then asks for the release approval: ${cli('approve-model')} --comment "why".`,
    `Or reject it: ${cli('reject-model')} --comment "why".`,
  ].join(' '));
}

export interface ReviewerNoticeProps {
  readonly config: ProjectConfig;
  /** The reviewers' topic. */
  readonly topic: sns.ITopic;
}

/**
 * Tells the reviewers when a new version of the project's group waits for their approval: nothing else does, as the
 * release trigger ignores `PendingManualApproval` and a version left pending never reaches staging. The rule
 * `<project>-model-pending-approval` sends {@link pendingApprovalMessage} to the reviewers' topic
 * ({@link deliverToTopic}: retried for a day, then kept in a dead-letter queue whose alarm tells the same topic).
 */
export class PendingApprovalNotice extends TopicNotice {
  constructor(scope: Construct, id: string, { config, topic }: ReviewerNoticeProps) {
    const group = config.modelPackageGroupName;
    super(scope, id, {
      topic,
      rule: {
        ruleName: resourceNamesOf(config).pendingApprovalRule,
        description: `Tells the reviewers when a version of ${group} waits for approval`,
        eventPattern: pendingApprovalEventPattern(config),
      },
      what: `the versions of ${group} waiting for approval`,
      input: pendingApprovalMessage(config),
    });
  }
}

/** A failed stage of the model-deploy pipeline ({@link failedStageEventPattern}). */
export function releaseFailureEventPattern(config: ProjectConfig): events.EventPattern {
  return failedStageEventPattern(resourceNamesOf(config).modelDeployCodePipeline);
}

/** The text of a failed stage's notice ({@link failedStageMessage}), with what a failed Prod stage may also mean. */
export function releaseFailureMessage(config: ProjectConfig): events.RuleTargetInput {
  return failedStageMessage(resourceNamesOf(config).modelDeployCodePipeline, config.projectName, {
    outcome: ': what comes after it in the pipeline did not run.',
    note: [`A release approval that was rejected or not given within 7 days also fails the stage ${RELEASE_PIPELINE.prodStage}, and so does`
      + ` ${RELEASE_PIPELINE.registryCheckAction} when the approved release's version is no longer Approved in the model registry.`],
  });
}

/**
 * Tells the reviewers when a stage of the model-deploy pipeline fails: a version they approved was not released (no
 * version approved, a staging deploy or live test that failed, a production deploy that rolled back). The rule
 * `<project>-model-deploy-failed` sends {@link releaseFailureMessage} to their topic, delivered as the pending-approval
 * notice is.
 */
export class ReleaseFailureNotice extends TopicNotice {
  constructor(scope: Construct, id: string, { config, topic }: ReviewerNoticeProps) {
    const names = resourceNamesOf(config);
    super(scope, id, {
      topic,
      rule: {
        ruleName: names.releaseFailureRule,
        description: `Tells the reviewers when a stage of ${names.modelDeployCodePipeline} fails`,
        eventPattern: releaseFailureEventPattern(config),
      },
      what: `the failed stages of ${names.modelDeployCodePipeline}`,
      input: releaseFailureMessage(config),
    });
  }
}

/**
 * A production stage of the model-deploy pipeline that ended neither succeeded nor failed: Prod (or ProdShadow) `CANCELED`
 * or `STOPPED` ("Monitoring CodePipeline events", CodePipeline User Guide: detail-type "CodePipeline Stage Execution State
 * Change", its detail naming the pipeline, stage and state). CodePipeline cancels the stage an execution is in when the
 * pipeline's definition is updated (StageExecution, API Reference: "Cancelled: The pipeline's definition was updated before
 * the stage execution could be completed"), and stops it when someone stops the execution ("Stop a pipeline execution in
 * CodePipeline": Stop and wait lets the action in progress finish, Stop and abandon abandons it, a waiting approval
 * included). A release waiting at ApproveRelease is never superseded (a stage with an approval action stays locked until
 * the approval is decided or times out; executions are only superseded between stages: "How pipeline executions work"),
 * so without this nothing tells the reviewers that the release they were asked about will not come. The pipeline's own
 * self-mutation never matches: the execution that updates the pipeline is in UpdatePipeline, not in these stages.
 */
export function releaseCancelledEventPattern(config: ProjectConfig): events.EventPattern {
  return {
    source: ['aws.codepipeline'],
    detailType: ['CodePipeline Stage Execution State Change'],
    detail: {
      pipeline: [resourceNamesOf(config).modelDeployCodePipeline],
      stage: [RELEASE_PIPELINE.prodStage, ...(shadowReleaseOf(config) ? [SHADOW_STAGE] : [])],
      state: ['CANCELED', 'STOPPED'],
    },
  };
}

/**
 * The text of the notice: which stage ended how, what that means for the release, why CodePipeline ends one so, and how
 * the release comes again. One line, and no angle brackets besides the event's fields (EventBridge reads `<name>` in an
 * input template as a placeholder).
 */
export function releaseCancelledMessage(config: ProjectConfig): events.RuleTargetInput {
  const pipeline = resourceNamesOf(config).modelDeployCodePipeline;
  const stage = events.EventField.fromPath('$.detail.stage');
  const execution = events.EventField.fromPath('$.detail.execution-id');
  const state = events.EventField.fromPath('$.detail.state');
  const region = events.EventField.fromPath('$.region');
  return events.RuleTargetInput.fromText([
    `The stage ${stage} of ${pipeline} ended ${state} in the execution ${execution}: the actions after the one in progress did not run.`,
    `A release waiting there for approval (${RELEASE_PIPELINE.approvalAction}) was not released; one stopped while deploying may be deployed without its checks after the deploy.`,
    ...(shadowReleaseOf(config) ? [`A shadow variant the ${SHADOW_STAGE} stage deployed keeps receiving a copy of every production request (and costing) until the next release.`] : []),
    'CodePipeline cancels the stage an execution is in when the pipeline\'s definition is updated (a push that changed the pipeline, a cdk deploy of it), and stops it when someone stops the execution.',
    'After its own update the pipeline starts again and asks for the approval anew; after a stop, retry the stage, or start the pipeline:',
    `aws codepipeline start-pipeline-execution --name ${pipeline} --region ${region}.`,
    `Status: npx sagemaker-gitops status --project ${config.projectName}.`,
  ].join(' '));
}

/**
 * Tells the reviewers when a production stage of the model-deploy pipeline was cancelled or stopped
 * ({@link releaseCancelledEventPattern}): the rule `<project>-model-deploy-release-cancelled` sends
 * {@link releaseCancelledMessage} to their topic, delivered as the other notices are. Those who got the approval request
 * would otherwise look for a release that no longer waits.
 */
export class ReleaseCancelledNotice extends TopicNotice {
  constructor(scope: Construct, id: string, { config, topic }: ReviewerNoticeProps) {
    const names = resourceNamesOf(config);
    super(scope, id, {
      topic,
      rule: {
        ruleName: names.releaseCancelledRule,
        description: `Tells the reviewers when a production stage of ${names.modelDeployCodePipeline} is cancelled or stopped`,
        eventPattern: releaseCancelledEventPattern(config),
      },
      what: `the cancelled or stopped production stages of ${names.modelDeployCodePipeline}`,
      input: releaseCancelledMessage(config),
    });
  }
}
