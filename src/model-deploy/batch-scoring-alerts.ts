import { Stack, Token } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as cwactions from 'aws-cdk-lib/aws-cloudwatch-actions';
import * as events from 'aws-cdk-lib/aws-events';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as sns from 'aws-cdk-lib/aws-sns';
import { Construct } from 'constructs';
import { ConfigError, ProjectConfig, SNS_TOPIC_ARN_PATTERN } from '../config';
import { AlertTopic } from '../constructs/alert-topic';
import { TopicDelivery, deliverToTopic } from '../constructs/event-delivery';

/**
 * The event SageMaker sends to EventBridge when a pipeline execution changes status (SageMaker developer guide,
 * "Events that Amazon SageMaker AI sends to Amazon EventBridge", "SageMaker pipeline execution state change"):
 * source `aws.sagemaker`, this detail-type, and in its detail `pipelineArn` and `currentPipelineExecutionStatus`
 * (Executing, Succeeded, Failed, Stopping or Stopped).
 */
export const PIPELINE_EXECUTION_STATUS_CHANGE = 'SageMaker Model Building Pipeline Execution Status Change';
/** The end states of an execution that produced no results: someone has to look. */
export const ALERTED_EXECUTION_STATUSES: readonly string[] = ['Failed', 'Stopped'];

/**
 * The pattern of this pipeline's failed or stopped executions. The schedule names the pipeline by its lower-case
 * ARN (pipeline-schedule.ts) while the developer guide's sample event keeps capitals: both spellings are listed
 * (the same one when the project name is lower case), so a project name with capitals cannot hide a failure.
 */
export function pipelineFailureEventPattern(stack: Stack, pipelineName: string): events.EventPattern {
  const arn = (name: string) => stack.formatArn({ service: 'sagemaker', resource: 'pipeline', resourceName: name });
  const names = [...new Set([pipelineName.toLowerCase(), pipelineName])];
  return {
    source: ['aws.sagemaker'],
    detailType: [PIPELINE_EXECUTION_STATUS_CHANGE],
    detail: { pipelineArn: names.map(arn), currentPipelineExecutionStatus: [...ALERTED_EXECUTION_STATUSES] },
  };
}

/** A rule that notifies a topic, and how its events reach the topic ({@link deliverToTopic}). */
export interface NotifyingRule extends TopicDelivery {
  readonly rule: events.Rule;
}

/**
 * The rule `<pipelineName>-failed` that sends this pipeline's failed or stopped executions to `topic`
 * ({@link deliverToTopic}: through the topic's own policy, retried for a day, then a dead-letter queue whose alarm
 * `<pipelineName>-failed-undelivered` notifies the topic). The caller lets both publish ({@link AlertTopic.allowEventRules},
 * `allowAlarms`).
 */
export function pipelineFailureRule(scope: Construct, id: string, pipelineName: string, topic: sns.ITopic, description: string): NotifyingRule {
  const rule = new events.Rule(scope, id, {
    ruleName: `${pipelineName}-failed`, description, eventPattern: pipelineFailureEventPattern(Stack.of(scope), pipelineName),
  });
  return { rule, ...deliverToTopic(rule, topic, { what: `the failed or stopped executions of ${pipelineName}` }) };
}

export interface BatchScoringAlertsProps {
  readonly config: ProjectConfig;
  /** The scoring pipeline whose failures are reported. */
  readonly pipelineName: string;
  /** The stack's key: it encrypts the topic of its own. */
  readonly key: kms.IKey;
  /**
   * Alarms that also notify the topic (the schedule's failed starts).
   * @default - none
   */
  readonly alarms?: readonly cloudwatch.Alarm[];
}

/**
 * Tells the stage's alert recipients when a batch-scoring run fails or is stopped: an EventBridge rule on the
 * pipeline's execution status changes ({@link pipelineFailureEventPattern}) whose target is the stage's alert
 * topic, `<project>-batch-scoring-alerts` with the `release.alertEmails` subscribers, or the existing topic
 * `release.alertTopicArn`. The rule delivers through the topic's resource policy, not a role (EventBridge user
 * guide, "Using resource-based policies for Amazon EventBridge": no RoleArn for KMS-encrypted SNS targets); see
 * {@link AlertTopic.allowEventRules} for the topic and key policies. `alarms` (the schedule's failed starts) notify it too.
 */
export class BatchScoringAlerts extends Construct {
  public readonly topic: sns.ITopic;
  public readonly rule: events.Rule;

  constructor(scope: Construct, id: string, props: BatchScoringAlertsProps) {
    super(scope, id);
    const { config, pipelineName } = props;
    const stack = Stack.of(this);
    checkTopicRegion(config.release.alertTopicArn, stack.region);
    const alerts = new AlertTopic(this, 'AlertTopic', {
      topicName: `${pipelineName}-alerts`, displayName: `${pipelineName} alerts`, key: props.key, release: config.release,
    });
    this.topic = alerts.topic;
    const failed = pipelineFailureRule(this, 'ExecutionFailed', pipelineName, this.topic, `Notifies ${pipelineName}'s alert topic when an execution fails or is stopped`);
    this.rule = failed.rule;
    alerts.allowEventRules([this.rule]);
    for (const alarm of props.alarms ?? []) {
      alarm.addAlarmAction(new cwactions.SnsAction(this.topic));
    }
    alerts.allowAlarms([...props.alarms ?? [], failed.undeliveredAlarm]);
  }
}

/**
 * An EventBridge rule's targets are in the rule's Region (AWS re:Post Knowledge Center "sns-not-getting-eventbridge-
 * notification": "The targets you associate with a rule must be in the same Region as the rule"): the existing topic must be in the region batch scoring runs in.
 */
function checkTopicRegion(alertTopicArn: string | undefined, region: string): void {
  const topicRegion = alertTopicArn === undefined ? undefined : SNS_TOPIC_ARN_PATTERN.exec(alertTopicArn)?.[2];
  if (topicRegion !== undefined && !Token.isUnresolved(region) && topicRegion !== region) {
    throw new ConfigError(
      `release.alertTopicArn is in ${topicRegion}, but batch scoring runs in ${region} (environments.prod.region): an EventBridge rule ` +
      `notifies only topics of its own region; use a topic in ${region}, or leave alertTopicArn unset so batch scoring gets its own topic`,
    );
  }
}
