import { Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as scheduler from 'aws-cdk-lib/aws-scheduler';
import { Construct, IConstruct } from 'constructs';

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

/**
 * An EventBridge Scheduler schedule that starts a SageMaker pipeline through the templated
 * SageMaker target ("SageMakerPipelineParameters"), as a role that only the scheduler of this
 * account may assume and that may start only this pipeline ("Set up the execution role"). It
 * creates `SchedulerRole` and `Schedule` in `scope`.
 */
export function pipelineSchedule(scope: Construct, props: PipelineScheduleProps): scheduler.CfnSchedule {
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
    },
  });
  schedule.node.addDependency(props.pipeline);
  return schedule;
}
