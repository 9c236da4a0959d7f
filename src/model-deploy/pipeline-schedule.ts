import { Stack } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as scheduler from 'aws-cdk-lib/aws-scheduler';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct, IConstruct } from 'constructs';
import { deadLetterAlarm, deadLetterQueue } from '../constructs/event-delivery';

export interface PipelineScheduleProps {
  /** The SageMaker pipeline the schedule starts. */
  readonly pipelineName: string;
  /** Its resource: the schedule is created after it. */
  readonly pipeline: IConstruct;
  /** An EventBridge Scheduler `rate(...)` or `cron(...)` expression, in UTC. */
  readonly schedule: string;
  /** The scheduler role's description. */
  readonly roleDescription: string;
}

/** A schedule, the dead-letter queue of the runs it could not start, and the alarm on that queue. */
export interface ScheduledPipeline {
  readonly schedule: scheduler.CfnSchedule;
  readonly deadLetters: sqs.Queue;
  /** `<pipeline>-schedule-failed`: in alarm while the queue holds a run the schedule could not start. */
  readonly failedAlarm: cloudwatch.Alarm;
}

/**
 * An EventBridge Scheduler schedule that starts a SageMaker pipeline through the templated
 * SageMaker target ("SageMakerPipelineParameters"), as a role that only the scheduler of this
 * account may assume and that may start only this pipeline ("Set up the execution role"). A run
 * the scheduler cannot start after its retries (a denied or throttled StartPipelineExecution)
 * starts no execution, so no execution-status alert would tell anyone: it goes to a dead-letter
 * queue ("Configuring a schedule's dead-letter queue": a standard queue, which the execution role
 * may send to), and an alarm on that queue tells the caller's alert topic. It creates
 * `SchedulerRole`, `ScheduleDeadLetters`, `ScheduleFailed` and `Schedule` in `scope`.
 */
export function pipelineSchedule(scope: Construct, props: PipelineScheduleProps): ScheduledPipeline {
  const stack = Stack.of(scope);
  const pipelineArn = stack.formatArn({ service: 'sagemaker', resource: 'pipeline', resourceName: props.pipelineName.toLowerCase() });
  const schedulerRole = new iam.Role(scope, 'SchedulerRole', {
    // "Set up the execution role" (EventBridge Scheduler User Guide): the confused-deputy conditions, the
    // account and the schedule group (the default one, as the schedule below names none).
    assumedBy: new iam.ServicePrincipal('scheduler.amazonaws.com', {
      conditions: {
        StringEquals: {
          'aws:SourceAccount': stack.account,
          'aws:SourceArn': stack.formatArn({ service: 'scheduler', resource: 'schedule-group', resourceName: 'default' }),
        },
      },
    }),
    description: props.roleDescription,
  });
  schedulerRole.addToPolicy(new iam.PolicyStatement({ actions: ['sagemaker:StartPipelineExecution'], resources: [pipelineArn] }));
  // SQS-managed encryption: the scheduler writes with the role, without a key policy.
  const deadLetters = deadLetterQueue(scope, 'ScheduleDeadLetters', `the schedule's, for runs of ${props.pipelineName} it could not start`);
  schedulerRole.addToPolicy(new iam.PolicyStatement({ sid: 'DeadLetters', actions: ['sqs:SendMessage'], resources: [deadLetters.queueArn] }));
  const failedAlarm = deadLetterAlarm(scope, 'ScheduleFailed', deadLetters, `${props.pipelineName}-schedule-failed`,
    `The schedule could not start ${props.pipelineName}; the run's details are in the dead-letter queue ${deadLetters.queueName}`);
  const schedule = new scheduler.CfnSchedule(scope, 'Schedule', {
    description: `Runs ${props.pipelineName}`,
    scheduleExpression: props.schedule,
    scheduleExpressionTimezone: 'UTC',
    flexibleTimeWindow: { mode: 'FLEXIBLE', maximumWindowInMinutes: 15 },
    target: {
      arn: pipelineArn,
      roleArn: schedulerRole.roleArn,
      sageMakerPipelineParameters: { pipelineParameterList: [] },
      retryPolicy: { maximumRetryAttempts: 3, maximumEventAgeInSeconds: 3600 },
      deadLetterConfig: { arn: deadLetters.queueArn },
    },
  });
  schedule.node.addDependency(props.pipeline);
  // The role must be allowed to send before the schedule names the queue.
  schedule.node.addDependency(schedulerRole);
  return { schedule, deadLetters, failedAlarm };
}
