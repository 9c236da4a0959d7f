import { Duration, Token } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as codepipeline from 'aws-cdk-lib/aws-codepipeline';
import * as events from 'aws-cdk-lib/aws-events';
import * as targets from 'aws-cdk-lib/aws-events-targets';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { NO_RELEASE_METADATA_KEY } from '../aws/no-release-marker';
import { ConfigError, ProjectConfig } from '../config';
import { TriggerRetryPolicy, deadLetterAlarm, deadLetterQueue } from '../constructs/event-delivery';

/**
 * The EventBridge pattern of the model approval changes that run the model-deploy pipeline:
 * a version of the project's group approved, or rejected unless reject-model marked the rejection of a version that
 * was not approved (it changes nothing in what deploys),
 * once the package is `Completed`. SageMaker sends a "Model Package State Change" event for each
 * status the package passes through ("Events that Amazon SageMaker AI sends to Amazon
 * EventBridge"): a version registered directly as Approved sends one while `InProgress` and one
 * when `Completed`, both Approved; only the Completed one starts a deployment.
 */
export function modelApprovalEventPattern(config: ProjectConfig): events.EventPattern {
  // A rejection of a version that was not approved changes nothing in what deploys: reject-model marks it
  // (NO_RELEASE_METADATA_KEY, in the same UpdateModelPackage call), and the event carries the metadata.
  return completedModelPackagePattern(config, {
    $or: [
      { ModelApprovalStatus: ['Approved'] },
      { ModelApprovalStatus: ['Rejected'], CustomerMetadataProperties: { [NO_RELEASE_METADATA_KEY]: [{ exists: false }] } },
    ],
  });
}

/**
 * The "SageMaker Model Package State Change" events of the project's group once a package is `Completed`, with
 * `approval`'s conditions on the detail: one event per version and approval change, where SageMaker sends one for
 * each status a package passes through ("Events that Amazon SageMaker AI sends to Amazon EventBridge").
 */
export function completedModelPackagePattern(config: ProjectConfig, approval: Record<string, unknown>): events.EventPattern {
  return {
    source: ['aws.sagemaker'],
    detailType: ['SageMaker Model Package State Change'],
    detail: { ModelPackageGroupName: [config.modelPackageGroupName], ModelPackageStatus: ['Completed'], ...approval },
  };
}

/**
 * The trigger's retry policy: a failed StartPipelineExecution (throttling, a pipeline being
 * updated) is retried for up to two hours; an approval older than that is a surprise release
 * rather than a late one, so it goes to the dead-letter queue, where it is kept 14 days.
 */
export const TRIGGER_RETRY_POLICY: TriggerRetryPolicy = { retryAttempts: 20, maxEventAgeSeconds: 2 * 60 * 60 };

/** EventBridge's ranges for a target's RetryPolicy (EventBridge API Reference, "RetryPolicy"). */
export const EVENTBRIDGE_RETRY_LIMITS = { retryAttempts: { min: 0, max: 185 }, maxEventAgeSeconds: { min: 60, max: 86_400 } } as const;

/**
 * Rejects a retry policy EventBridge does not accept: MaximumRetryAttempts 0..185,
 * MaximumEventAgeInSeconds 60..86400, both whole numbers. Unresolved tokens are skipped.
 */
export function checkTriggerRetryPolicy(policy: TriggerRetryPolicy, option = 'the model approval trigger'): void {
  for (const key of ['retryAttempts', 'maxEventAgeSeconds'] as const) {
    const value = policy[key];
    if (Token.isUnresolved(value)) {
      continue;
    }
    const { min, max } = EVENTBRIDGE_RETRY_LIMITS[key];
    if (!Number.isInteger(value) || value < min || value > max) {
      throw new ConfigError(`${option}.${key} must be a whole number in ${min}..${max} (EventBridge RetryPolicy); got ${value}`);
    }
  }
}

export interface ReleaseTriggerProps {
  readonly config: ProjectConfig;
  readonly pipeline: codepipeline.IPipeline;
  /** @default TRIGGER_RETRY_POLICY */
  readonly retryPolicy?: TriggerRetryPolicy;
}

/**
 * The EventBridge rule that starts the model-deploy pipeline on model approval changes, with a
 * retry policy and a dead-letter queue ("Using dead-letter queues to process undelivered events
 * in EventBridge": a standard SQS queue, whose policy lets events.amazonaws.com send only for this
 * rule, conditioned on `aws:SourceArn`). The queue is encrypted with
 * SQS-managed keys, which EventBridge can write to without a key policy.
 */
export class ReleaseTrigger extends Construct {
  public readonly rule: events.Rule;
  public readonly deadLetterQueue: sqs.Queue;
  /**
   * In alarm when an approval or rejection could not start the pipeline: the queue only keeps the event
   * ("Using dead-letter queues to process undelivered events in EventBridge"), for 14 days, and nothing
   * else would tell anyone that an approved version was never deployed.
   */
  public readonly undeliveredAlarm: cloudwatch.Alarm;

  constructor(scope: Construct, id: string, props: ReleaseTriggerProps) {
    super(scope, id);
    const { config } = props;
    const retry = props.retryPolicy ?? TRIGGER_RETRY_POLICY;
    checkTriggerRetryPolicy(retry);
    this.deadLetterQueue = deadLetterQueue(this, 'DeadLetters', 'the EventBridge target\'s, for model approval events that could not start the model-deploy pipeline');
    const group = config.modelPackageGroupName;
    this.rule = new events.Rule(this, 'Rule', {
      description: `Runs ${config.projectName}-model-deploy when a version of ${group} is approved or rejected`,
      eventPattern: modelApprovalEventPattern(config),
      targets: [new targets.CodePipeline(props.pipeline, {
        deadLetterQueue: this.deadLetterQueue,
        retryAttempts: retry.retryAttempts,
        maxEventAge: Duration.seconds(retry.maxEventAgeSeconds),
      })],
    });
    // aws-cdk-lib's CodePipeline target does not add the queue policy itself (its other targets do).
    targets.addToDeadLetterQueueResourcePolicy(this.rule, this.deadLetterQueue);
    this.undeliveredAlarm = deadLetterAlarm(this, 'Undelivered', this.deadLetterQueue, `${config.projectName}-model-deploy-trigger-failed`,
      `An approval or rejection of a version of ${group} could not start ${config.projectName}-model-deploy; the event is in the dead-letter queue ${this.deadLetterQueue.queueName}`);
  }
}
