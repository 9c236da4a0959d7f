import { Duration, Token, Validations } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as cwactions from 'aws-cdk-lib/aws-cloudwatch-actions';
import * as events from 'aws-cdk-lib/aws-events';
import * as targets from 'aws-cdk-lib/aws-events-targets';
import * as sns from 'aws-cdk-lib/aws-sns';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';

/** How long a dead-letter queue keeps what could not be delivered (SQS's maximum). */
export const DEAD_LETTER_RETENTION = Duration.days(14);

/** How EventBridge retries a rule's target before it gives the event to the dead-letter queue. */
export interface TriggerRetryPolicy {
  /** MaximumRetryAttempts. */
  readonly retryAttempts: number;
  /** MaximumEventAgeInSeconds. */
  readonly maxEventAgeSeconds: number;
}

/**
 * The retry policy of a notice to people: EventBridge's own maxima (EventBridge API Reference, "RetryPolicy":
 * MaximumRetryAttempts up to 185, MaximumEventAgeInSeconds up to 86,400), since a notice a day late still
 * tells someone what no other channel does.
 */
export const NOTICE_RETRY_POLICY: TriggerRetryPolicy = { retryAttempts: 185, maxEventAgeSeconds: 86_400 };

/**
 * A standard SQS queue, SQS-managed encryption (a service writes to it without a key policy), TLS only, kept
 * {@link DEAD_LETTER_RETENTION}: the dead-letter queue of `holds` (what it keeps, for the acknowledgements).
 */
export function deadLetterQueue(scope: Construct, id: string, holds: string): sqs.Queue {
  const queue = new sqs.Queue(scope, id, { encryption: sqs.QueueEncryption.SQS_MANAGED, enforceSSL: true, retentionPeriod: DEAD_LETTER_RETENTION });
  Validations.of(queue).acknowledge({ id: 'AwsSolutions-SQS3', reason: `this queue is itself a dead-letter queue: ${holds}` });
  // Control Tower counts a queue as a dead-letter queue only when other SQS queues may redrive to it (allowAll or
  // byQueue); no SQS queue should, so it has no RedriveAllowPolicy and the control is acknowledged.
  Validations.of(queue).acknowledge({
    id: 'ControlTower::CT.SQS.PR.1', reason: `a dead-letter queue (${holds}) needs no dead-letter queue of its own, and no SQS queue may redrive into it`,
  });
  return queue;
}

/**
 * In alarm for each five minutes in which something reached `queue`: a dead-letter queue only keeps what could
 * not be delivered ("Using dead-letter queues to process undelivered events in EventBridge"), so someone has to be
 * told, each time. Not on the queue's backlog: nothing here reads the queue, so the first message would hold a
 * backlog alarm in ALARM for the queue's 14 days, and an alarm acts only when its state changes (CloudWatch user
 * guide, "Alarm actions"): every later failure would go untold. EventBridge and EventBridge Scheduler put dead
 * letters, and Lambda the records of its on-failure destinations, with SendMessage, which `NumberOfMessagesSent`
 * counts ("Available CloudWatch metrics for Amazon SQS": only SQS's own redrive from a source queue is left out, and no
 * queue redrives here).
 */
export function deadLetterAlarm(scope: Construct, id: string, queue: sqs.IQueue, alarmName: string, alarmDescription: string): cloudwatch.Alarm {
  return new cloudwatch.Alarm(scope, id, {
    alarmName,
    alarmDescription: `${alarmDescription}. The queue keeps them ${DEAD_LETTER_RETENTION.toDays()} days; this alarm goes off again whenever another arrives.`,
    metric: queue.metricNumberOfMessagesSent({ statistic: 'Sum', period: Duration.minutes(5) }),
    threshold: 1,
    comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
    evaluationPeriods: 1,
    treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
  });
}

/** How a rule's events reach an SNS topic, and what tells people when they do not. */
export interface TopicDelivery {
  readonly deadLetterQueue: sqs.Queue;
  /** `<rule name>-undelivered`, notifying the same topic: the topic's policy must also let CloudWatch publish it. */
  readonly undeliveredAlarm: cloudwatch.Alarm;
}

export interface TopicDeliveryProps {
  /** What the rule tells, for the queue's and the alarm's descriptions ("drift check failures of ..."). */
  readonly what: string;
  /**
   * The message instead of the whole event.
   * @default - the event, as JSON
   */
  readonly input?: events.RuleTargetInput;
}

/**
 * Sends a rule's events to `topic` through the topic's own policy, not a role (EventBridge user guide, "Using
 * resource-based policies for Amazon EventBridge": no RoleArn for KMS-encrypted SNS targets; events-targets'
 * SnsTopic would also add an unconditioned sns:Publish grant), retried with {@link NOTICE_RETRY_POLICY}; an
 * event still undelivered goes to a dead-letter queue (only this rule may send to it), whose alarm notifies the
 * topic. The caller lets the rule and the alarm publish ({@link AlertTopic.allowEventRules}, `allowAlarms`).
 */
export function deliverToTopic(rule: events.Rule, topic: sns.ITopic, props: TopicDeliveryProps): TopicDelivery {
  const name = (rule.node.defaultChild as events.CfnRule).name;
  if (name === undefined || Token.isUnresolved(name)) {
    throw new Error(`rule ${rule.node.path} needs a ruleName: its undelivered-events alarm is named after it`);
  }
  const queue = deadLetterQueue(rule, 'Undelivered', `${props.what} that could not reach the topic`);
  rule.addTarget({
    bind: () => ({
      arn: topic.topicArn,
      input: props.input,
      deadLetterConfig: { arn: queue.queueArn },
      retryPolicy: { maximumRetryAttempts: NOTICE_RETRY_POLICY.retryAttempts, maximumEventAgeInSeconds: NOTICE_RETRY_POLICY.maxEventAgeSeconds },
    }),
  });
  targets.addToDeadLetterQueueResourcePolicy(rule, queue);
  const alarm = deadLetterAlarm(rule, 'UndeliveredAlarm', queue, `${name}-undelivered`,
    `EventBridge could not deliver ${props.what} to ${topic.topicName}; the events are in the dead-letter queue ${queue.queueName}`);
  alarm.addAlarmAction(new cwactions.SnsAction(topic));
  return { deadLetterQueue: queue, undeliveredAlarm: alarm };
}

export interface TopicNoticeProps extends TopicDeliveryProps {
  /** Where the notices go. */
  readonly topic: sns.ITopic;
  /** The rule; its name names the undelivered-events alarm. */
  readonly rule: events.RuleProps & { readonly ruleName: string };
}

/**
 * A rule whose events reach a topic as notices to people, and how ({@link deliverToTopic}). The topic's owner lets the
 * rule and the alarm publish ({@link AlertTopic.allowEventRules}, `allowAlarms`).
 */
export class TopicNotice extends Construct implements TopicDelivery {
  public readonly rule: events.Rule;
  public readonly deadLetterQueue: sqs.Queue;
  public readonly undeliveredAlarm: cloudwatch.Alarm;

  constructor(scope: Construct, id: string, props: TopicNoticeProps) {
    super(scope, id);
    this.rule = new events.Rule(this, 'Rule', props.rule);
    const delivery = deliverToTopic(this.rule, props.topic, { what: props.what, input: props.input });
    this.deadLetterQueue = delivery.deadLetterQueue;
    this.undeliveredAlarm = delivery.undeliveredAlarm;
  }
}
