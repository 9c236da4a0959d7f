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
    note: [`A release approval that was rejected or not given within 7 days also fails the stage ${RELEASE_PIPELINE.prodStage}.`],
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
