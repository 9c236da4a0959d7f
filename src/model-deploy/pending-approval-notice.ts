import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as events from 'aws-cdk-lib/aws-events';
import * as sns from 'aws-cdk-lib/aws-sns';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { ProjectConfig } from '../config';
import { resourceNamesOf } from '../app-context/resource-names';
import { deliverToTopic } from './event-delivery';

/**
 * The EventBridge pattern of a version of the project's group that waits for a reviewer: registered
 * `PendingManualApproval`, once the package is `Completed`. SageMaker sends a "Model Package State Change" event for
 * each status a new package passes through ("Events that Amazon SageMaker AI sends to Amazon EventBridge"), so
 * matching only `Completed` tells the reviewers once per registration, as the release trigger starts one release.
 */
export function pendingApprovalEventPattern(config: ProjectConfig): events.EventPattern {
  return {
    source: ['aws.sagemaker'],
    detailType: ['SageMaker Model Package State Change'],
    detail: {
      ModelPackageGroupName: [config.modelPackageGroupName],
      ModelPackageStatus: ['Completed'],
      ModelApprovalStatus: ['PendingManualApproval'],
    },
  };
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

export interface PendingApprovalNoticeProps {
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
export class PendingApprovalNotice extends Construct {
  public readonly rule: events.Rule;
  public readonly deadLetterQueue: sqs.Queue;
  public readonly undeliveredAlarm: cloudwatch.Alarm;

  constructor(scope: Construct, id: string, props: PendingApprovalNoticeProps) {
    super(scope, id);
    const { config } = props;
    this.rule = new events.Rule(this, 'Rule', {
      ruleName: resourceNamesOf(config).pendingApprovalRule,
      description: `Tells the reviewers when a version of ${config.modelPackageGroupName} waits for approval`,
      eventPattern: pendingApprovalEventPattern(config),
    });
    const delivery = deliverToTopic(this.rule, props.topic, {
      what: `the versions of ${config.modelPackageGroupName} waiting for approval`, input: pendingApprovalMessage(config),
    });
    this.deadLetterQueue = delivery.deadLetterQueue;
    this.undeliveredAlarm = delivery.undeliveredAlarm;
  }
}
