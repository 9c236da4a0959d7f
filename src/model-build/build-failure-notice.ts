import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as events from 'aws-cdk-lib/aws-events';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as sns from 'aws-cdk-lib/aws-sns';
import * as subscriptions from 'aws-cdk-lib/aws-sns-subscriptions';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { ProjectConfig } from '../config';
import { AlertTopic } from '../constructs/alert-topic';
import { TopicDelivery, TopicNotice } from '../constructs/event-delivery';
import { failedStageEventPattern, failedStageMessage } from '../constructs/failed-stage-notice';
import { resourceNamesOf } from '../app-context/resource-names';

/** A failed stage of the model-build pipeline ({@link failedStageEventPattern}). */
export function buildFailureEventPattern(config: ProjectConfig): events.EventPattern {
  return failedStageEventPattern(resourceNamesOf(config).modelBuildCodePipeline);
}

/** The notice's text ({@link failedStageMessage}), with what a failed Deploy stage means: RunSageMakerPipeline fails with the execution. */
export function buildFailureMessage(config: ProjectConfig): events.RuleTargetInput {
  const names = resourceNamesOf(config);
  return failedStageMessage(names.modelBuildCodePipeline, config.projectName, {
    explain: [
      `In the Deploy stage, RunSageMakerPipeline fails when the execution of the SageMaker pipeline ${names.trainingPipeline} fails:`,
      'a step failed, or the model did not pass the quality gate; its log names the step and the reason.',
    ],
  });
}

export interface BuildFailureNoticeProps {
  readonly config: ProjectConfig;
  /** The model-build pipeline's artifact key: it encrypts the topic. */
  readonly key: kms.IKey;
}

/**
 * Tells `buildFailureEmails` when a stage of the model-build pipeline fails: a commit whose model was not trained or
 * registered. The rule `<project>-model-build-failed` sends {@link buildFailureMessage} to the encrypted topic
 * `<project>-model-build-failures` ({@link TopicNotice}: retried for a day, then kept in a dead-letter queue whose
 * alarm tells the same topic); the topic and key policies let this rule and this alarm publish, and nothing else.
 */
export class BuildFailureNotice extends Construct implements TopicDelivery {
  public readonly topic: sns.Topic;
  public readonly rule: events.Rule;
  public readonly deadLetterQueue: sqs.Queue;
  public readonly undeliveredAlarm: cloudwatch.Alarm;

  constructor(scope: Construct, id: string, { config, key }: BuildFailureNoticeProps) {
    super(scope, id);
    const names = resourceNamesOf(config);
    this.topic = new sns.Topic(this, 'Topic', {
      topicName: names.buildFailureTopic,
      // SNS API Reference, SetTopicAttributes: the display name is the sender name of the email notifications.
      displayName: `${config.projectName}: failed model builds`,
      masterKey: key,
      enforceSSL: true,
    });
    for (const email of config.buildFailureEmails) {
      this.topic.addSubscription(new subscriptions.EmailSubscription(email));
    }
    const notice = new TopicNotice(this, 'Notice', {
      topic: this.topic,
      rule: {
        ruleName: names.buildFailureRule,
        description: `Tells buildFailureEmails when a stage of ${names.modelBuildCodePipeline} fails`,
        eventPattern: buildFailureEventPattern(config),
      },
      what: `the failed stages of ${names.modelBuildCodePipeline}`,
      input: buildFailureMessage(config),
    });
    this.rule = notice.rule;
    this.deadLetterQueue = notice.deadLetterQueue;
    this.undeliveredAlarm = notice.undeliveredAlarm;
    const alerts = new AlertTopic(this, 'Policies', { topicName: names.buildFailureTopic, key, release: config.release, topic: this.topic });
    alerts.allowEventRules([this.rule]);
    alerts.allowAlarms([this.undeliveredAlarm]);
  }
}
