import { ArnFormat, Stack } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as events from 'aws-cdk-lib/aws-events';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as sns from 'aws-cdk-lib/aws-sns';
import * as subscriptions from 'aws-cdk-lib/aws-sns-subscriptions';
import { Construct } from 'constructs';
import { ResolvedRelease } from '../config';

export interface AlertTopicProps {
  readonly topicName: string;
  /**
   * A new topic's display name.
   * @default - the topic name
   */
  readonly displayName?: string;
  /** The stage key: it encrypts the topic. */
  readonly key: kms.IKey;
  readonly release: ResolvedRelease;
  /**
   * A topic of the stack's own, encrypted with `key` and named `topicName`, to let alarms and rules
   * publish to instead of a new topic (`release.alertTopicArn` is then not used).
   * @default - a new topic, or the existing `release.alertTopicArn`
   */
  readonly topic?: sns.Topic;
}

const CLOUDWATCH = 'cloudwatch.amazonaws.com';
const EVENTBRIDGE = 'events.amazonaws.com';

/**
 * Where a stage's alarms notify people: a KMS-encrypted, TLS-only topic with the configured email
 * subscribers, or the existing topic `release.alertTopicArn`.
 *
 * A topic with an access policy of its own (enforceSSL writes one) no longer has SNS's default
 * owner-account statement, and a service principal has no IAM policy: CloudWatch may publish
 * only if the topic policy allows `cloudwatch.amazonaws.com`, limited here to this account's
 * alarms (aws:SourceAccount, aws:SourceArn). An encrypted topic also needs the key policy to let
 * the publishing service use the key (SNS developer guide, "Key management": "Enable
 * compatibility between event sources from AWS services and encrypted topics"), limited to these
 * alarms and to this topic's encryption context. EventBridge rules get a pair of statements for
 * `events.amazonaws.com` too ({@link allowEventRules}), without source conditions: the EventBridge
 * user guide's "Using resource-based policies for Amazon EventBridge" (Amazon SNS permissions) says
 * Condition blocks cannot be used in SNS topic policies for EventBridge, and the SNS page says
 * aws:SourceAccount, aws:SourceArn and aws:SourceOrgID in a KMS key policy are not supported for
 * EventBridge-to-encrypted topics (with them, delivery fails and nobody is notified). The key
 * statement is limited by the topic's encryption context; the rules' targets carry no RoleArn,
 * which the same EventBridge page warns against for KMS-encrypted SNS targets.
 */
export class AlertTopic extends Construct {
  public readonly topic: sns.ITopic;
  private readonly owned?: { topic: sns.Topic; key: kms.IKey; arn: string };
  private eventRulesAllowed = false;

  constructor(scope: Construct, id: string, props: AlertTopicProps) {
    super(scope, id);
    const { release } = props;
    // Built from the name, not a reference: the key policy cannot refer to the topic it encrypts.
    const arn = Stack.of(this).formatArn({ service: 'sns', resource: props.topicName, arnFormat: ArnFormat.NO_RESOURCE_NAME });
    if (props.topic !== undefined) {
      this.topic = props.topic;
      this.owned = { topic: props.topic, key: props.key, arn };
      return;
    }
    if (release.alertTopicArn !== undefined) {
      this.topic = sns.Topic.fromTopicArn(this, 'Existing', release.alertTopicArn);
      return;
    }
    const topic = new sns.Topic(scope, 'Alerts', { topicName: props.topicName, displayName: props.displayName ?? props.topicName, masterKey: props.key, enforceSSL: true });
    for (const email of release.alertEmails) {
      topic.addSubscription(new subscriptions.EmailSubscription(email));
    }
    this.topic = topic;
    this.owned = { topic, key: props.key, arn };
  }

  /** Lets CloudWatch publish these alarms' notifications (and nothing else) to the topic of this stage. */
  public allowAlarms(alarms: readonly cloudwatch.Alarm[]): void {
    if (!this.owned || alarms.length === 0) {
      return;
    }
    const stack = Stack.of(this);
    const sourceArns = alarms.map((alarm) => alarmArn(stack, alarm));
    this.allowService(CLOUDWATCH, ['CloudWatchAlarmsPublish', 'CloudWatchAlarmsUseAlertTopicKey'], { StringEquals: { 'aws:SourceAccount': stack.account }, ArnLike: { 'aws:SourceArn': sourceArns } }, true);
  }

  /**
   * Lets EventBridge deliver the events of this stage's rules to the topic: one topic-policy statement and one
   * key-policy statement for `events.amazonaws.com`, neither with source conditions, which EventBridge does not
   * support on SNS targets (see the class): the key's is limited to this topic's encryption context. Added once,
   * when the first rule that targets the topic asks.
   */
  public allowEventRules(rules: readonly events.Rule[]): void {
    if (!this.owned || rules.length === 0) {
      return;
    }
    if (this.eventRulesAllowed) {
      return;
    }
    this.eventRulesAllowed = true;
    this.allowService(EVENTBRIDGE, ['EventRulePublish', 'EventRuleUsesAlertTopicKey'], undefined, false);
  }

  /**
   * A topic-policy statement and a key-policy statement (their `sids`) for the service
   * `principal`: the topic's on `fromSource` (this account and the sources' ARNs) when given, the
   * key's on this topic's encryption context, and also on `fromSource` when `keyTakesSource`.
   */
  private allowService(
    principal: string,
    [topicSid, keySid]: [string, string],
    fromSource: ({ StringEquals: Record<string, string> } & Record<string, unknown>) | undefined,
    keyTakesSource: boolean,
  ): void {
    const owned = this.owned!;
    owned.topic.addToResourcePolicy(new iam.PolicyStatement({
      sid: topicSid,
      principals: [new iam.ServicePrincipal(principal)],
      actions: ['sns:Publish'],
      resources: [owned.topic.topicArn],
      conditions: fromSource,
    }));
    const topicContext = { 'kms:EncryptionContext:aws:sns:topicArn': owned.arn };
    owned.key.addToResourcePolicy(new iam.PolicyStatement({
      sid: keySid,
      principals: [new iam.ServicePrincipal(principal)],
      actions: ['kms:Decrypt', 'kms:GenerateDataKey*'],
      resources: ['*'],
      conditions: keyTakesSource && fromSource
        ? { ...fromSource, StringEquals: { ...fromSource.StringEquals, ...topicContext } }
        : { StringEquals: topicContext },
    }));
  }
}

/** An alarm's ARN from its literal name (no reference, so a key policy may use it). */
export function alarmArn(stack: Stack, alarm: cloudwatch.Alarm): string {
  const name = (alarm.node.defaultChild as cloudwatch.CfnAlarm).alarmName;
  if (name === undefined) {
    throw new Error(`alarm ${alarm.node.path} has no alarmName: the alert topic's policies name each alarm`);
  }
  return stack.formatArn({ service: 'cloudwatch', resource: 'alarm', resourceName: name, arnFormat: ArnFormat.COLON_RESOURCE_NAME });
}
