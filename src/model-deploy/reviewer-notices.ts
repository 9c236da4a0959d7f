import * as events from 'aws-cdk-lib/aws-events';
import * as sns from 'aws-cdk-lib/aws-sns';
import { Construct } from 'constructs';
import { ProjectConfig } from '../config';
import { RELEASE_PIPELINE, resourceNamesOf } from '../app-context/resource-names';
import { TopicNotice } from '../constructs/event-delivery';
import { failedStageEventPattern, failedStageMessage } from '../constructs/failed-stage-notice';
import { completedModelPackagePattern } from './release-trigger';

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
 * The end of a release approval that nobody decided: the ApproveRelease action of the model-deploy pipeline `CANCELED`
 * or `ABANDONED` ("Monitoring CodePipeline events", CodePipeline User Guide: detail-type "CodePipeline Action Execution
 * State Change", its detail naming the pipeline, stage, action and state). CodePipeline cancels the executions in
 * progress when the pipeline's definition is updated ("Edit a pipeline in CodePipeline"; PipelineExecution, API
 * Reference: "Cancelled: The pipeline's definition was updated before the pipeline execution could be completed"),
 * and a stopped execution abandons its actions. A waiting release is never superseded: a stage with an approval action
 * stays locked until it is decided or times out, and executions are only superseded between stages ("How pipeline
 * executions work"), so no FAILED stage, and no other notice, tells the reviewers.
 */
export function releaseCancelledEventPattern(config: ProjectConfig): events.EventPattern {
  return {
    source: ['aws.codepipeline'],
    detailType: ['CodePipeline Action Execution State Change'],
    detail: {
      pipeline: [resourceNamesOf(config).modelDeployCodePipeline],
      stage: [RELEASE_PIPELINE.prodStage],
      action: [RELEASE_PIPELINE.approvalAction],
      state: ['CANCELED', 'ABANDONED'],
    },
  };
}

/**
 * The text of the notice: which release approval ended undecided, why CodePipeline ends one, that nothing was
 * released, and how a new request comes. One line, and no angle brackets besides the event's fields (EventBridge
 * reads `<name>` in an input template as a placeholder).
 */
export function releaseCancelledMessage(config: ProjectConfig): events.RuleTargetInput {
  const pipeline = resourceNamesOf(config).modelDeployCodePipeline;
  const execution = events.EventField.fromPath('$.detail.execution-id');
  const state = events.EventField.fromPath('$.detail.state');
  const region = events.EventField.fromPath('$.region');
  return events.RuleTargetInput.fromText([
    `The release approval ${RELEASE_PIPELINE.prodStage}/${RELEASE_PIPELINE.approvalAction} of ${pipeline} in the execution ${execution} ended ${state} before anyone decided it: nothing was released.`,
    'CodePipeline cancels a waiting execution when the pipeline\'s definition is updated (a push that changed the pipeline, a cdk deploy of it) and abandons it when someone stops the execution.',
    'After its own update the pipeline starts again and asks for the approval anew; if no request comes, start it:',
    `aws codepipeline start-pipeline-execution --name ${pipeline} --region ${region}.`,
    `Status: npx sagemaker-gitops status --project ${config.projectName}.`,
  ].join(' '));
}

/**
 * Tells the reviewers when a release that waited for their approval ended undecided ({@link releaseCancelledEventPattern}):
 * the rule `<project>-model-deploy-release-cancelled` sends {@link releaseCancelledMessage} to their topic, delivered
 * as the other notices are. Those who got the approval request would otherwise look for a release that no longer waits.
 */
export class ReleaseCancelledNotice extends TopicNotice {
  constructor(scope: Construct, id: string, { config, topic }: ReviewerNoticeProps) {
    const names = resourceNamesOf(config);
    super(scope, id, {
      topic,
      rule: {
        ruleName: names.releaseCancelledRule,
        description: `Tells the reviewers when a release of ${names.modelDeployCodePipeline} waiting for approval is cancelled or abandoned`,
        eventPattern: releaseCancelledEventPattern(config),
      },
      what: `the release approvals of ${names.modelDeployCodePipeline} that ended undecided`,
      input: releaseCancelledMessage(config),
    });
  }
}
