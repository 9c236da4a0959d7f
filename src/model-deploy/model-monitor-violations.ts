import { Duration } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as cwactions from 'aws-cdk-lib/aws-cloudwatch-actions';
import * as events from 'aws-cdk-lib/aws-events';
import * as targets from 'aws-cdk-lib/aws-events-targets';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as destinations from 'aws-cdk-lib/aws-lambda-destinations';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as sns from 'aws-cdk-lib/aws-sns';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { NOTICE_RETRY_POLICY, deadLetterAlarm, deadLetterQueue } from '../constructs/event-delivery';
import { RETAIN_UNLESS_CREATE_FAILS } from '../constructs/retention';
import { acknowledgeControl, acknowledgeWildcardResource } from '../validation/acknowledge';
import { MODEL_MONITOR_VIOLATIONS_NAMESPACE, VIOLATIONS_HANDLER_CODE, VIOLATIONS_METRIC } from './model-monitor-violations-handler';

/**
 * The event SageMaker sends to EventBridge when a processing job changes status (SageMaker developer guide, "Events
 * that Amazon SageMaker AI sends to Amazon EventBridge", "Processing job state change"; EventBridge events reference,
 * "Amazon SageMaker AI events"): source `aws.sagemaker`, this detail-type, and the job in its detail as
 * DescribeProcessingJob describes it, `ProcessingJobArn`, `ProcessingJobStatus` and `RoleArn` among its fields.
 */
export const PROCESSING_JOB_STATE_CHANGE = 'SageMaker Processing Job State Change';

/**
 * The pattern of the processing jobs that run with `roleArn` and reach one of `statuses`: a Model Monitor schedule
 * starts one processing job per execution, with its job definition's role. SageMaker documents neither the jobs'
 * names nor a schedule ARN in the event, so the schedule's role, which runs nothing else, is what names them.
 */
export function monitoringJobEventPattern(roleArn: string, statuses: readonly string[]): events.EventPattern {
  return { source: ['aws.sagemaker'], detailType: [PROCESSING_JOB_STATE_CHANGE], detail: { RoleArn: [roleArn], ProcessingJobStatus: [...statuses] } };
}

/**
 * How long the function may wait for the schedule to report the ended execution: SageMaker updates an
 * execution's status from its processing job, which the function's event already reports ended.
 */
export const VIOLATIONS_CHECK_TIMEOUT = Duration.minutes(5);

/**
 * How Lambda retries an invocation of the check that failed (Lambda API Reference, PutFunctionEventInvokeConfig:
 * MaximumRetryAttempts 0-2, MaximumEventAgeInSeconds 60-21,600): its most, since an execution's result is published
 * only by this check. Then the invocation's record goes to the function's on-failure queue.
 */
export const VIOLATIONS_CHECK_RETRY = { retryAttempts: 2, maxEventAgeSeconds: 6 * 60 * 60 } as const;

export interface ModelMonitorViolationsProps {
  readonly scheduleName: string;
  /** The schedule's cron expression (one of the forms endpoints.<stage>.modelMonitor.schedule accepts). */
  readonly scheduleExpression: string;
  /** The role the schedule's jobs run with, and nothing else: it names the schedule's jobs in the events. */
  readonly jobRoleArn: string;
  readonly endpointName: string;
  /** The stage's alert topic. */
  readonly topic: sns.ITopic;
}

/**
 * Tells the stage's alert topic when a Model Monitor execution finds violations: the rule `<schedule>-completed`
 * sends each completed job of the schedule (processing-job state changes of its role, as for its failures) to a
 * function that publishes, per execution, whether it found violations ({@link VIOLATIONS_HANDLER_CODE}); the
 * alarm `<schedule>-violations` goes off when one did, and back to OK after an execution without (one notice
 * when violations start, as the drift check's alarm). The function's failures, and executions that ended Failed or
 * Stopped (alarm `<schedule>-violations-check-failed`: Lambda's Errors), events Lambda discarded (the record of an
 * invocation that failed every attempt, or of an event that waited, throttled, longer than the maximum age, is kept
 * in the on-failure queue `failedChecks`, whose alarm `<schedule>-violations-check-discarded` goes off for each:
 * Lambda Developer Guide, "Capturing records of Lambda asynchronous invocations"), two of the schedule's longest intervals
 * without any result (`<schedule>-no-results`: an execution that fails before it starts a job sends no event),
 * and events EventBridge could not hand the function (`<schedule>-completed-undelivered`) notify the same topic, and
 * so does a record Lambda could not send to the queue (`<schedule>-violations-check-record-lost`, on the function's
 * DestinationDeliveryFailures: same page).
 */
export class ModelMonitorViolations extends Construct {
  public readonly function: lambda.Function;
  public readonly rule: events.Rule;
  /** The records of the events Lambda discarded, after every attempt failed or past their maximum age (a standard queue: Lambda sends no records to FIFO queues). */
  public readonly failedChecks: sqs.Queue;
  /** Violations found, no results, the check failing, events discarded (or their records lost) or undelivered: each notifies the topic. */
  public readonly alarms: cloudwatch.Alarm[];

  constructor(scope: Construct, id: string, props: ModelMonitorViolationsProps) {
    super(scope, id);
    const { scheduleName, topic } = props;
    const logGroup = new logs.LogGroup(this, 'Logs', { retention: logs.RetentionDays.ONE_YEAR, removalPolicy: RETAIN_UNLESS_CREATE_FAILS });
    const role = new iam.Role(this, 'Role', {
      assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
      description: `Publishes whether the Model Monitor executions of ${scheduleName} found violations`,
    });
    role.addToPolicy(new iam.PolicyStatement({ sid: 'Logs', actions: ['logs:CreateLogStream', 'logs:PutLogEvents'], resources: [logGroup.logGroupArn] }));
    // The schedule's executions: ListMonitoringExecutions has no resource type in IAM (Service Authorization Reference).
    role.addToPolicy(new iam.PolicyStatement({ sid: 'ListExecutions', actions: ['sagemaker:ListMonitoringExecutions'], resources: ['*'] }));
    role.addToPolicy(new iam.PolicyStatement({
      sid: 'ViolationsMetric', actions: ['cloudwatch:PutMetricData'], resources: ['*'],
      conditions: { StringEquals: { 'cloudwatch:namespace': MODEL_MONITOR_VIOLATIONS_NAMESPACE } },
    }));
    acknowledgeWildcardResource(role, '*', 'sagemaker:ListMonitoringExecutions and cloudwatch:PutMetricData have no resource type in IAM; '
      + 'the function lists only its schedule\'s executions, and the metric statement is limited to the namespace of the violations metric');

    this.function = new lambda.Function(this, 'Function', {
      description: `Publishes whether each Model Monitor execution of ${scheduleName} found violations`,
      runtime: lambda.Runtime.NODEJS_24_X,
      handler: 'index.handler',
      code: lambda.Code.fromInline(VIOLATIONS_HANDLER_CODE),
      environment: { MONITORING_SCHEDULE_NAME: scheduleName },
      role,
      logGroup,
      timeout: VIOLATIONS_CHECK_TIMEOUT,
    });
    this.function.node.addDependency(role);
    // Lambda checks, when the configuration is put, that the function's role may send to the queue: the grant is in the
    // role's policy, which the function, and so the configuration that names it, waits for.
    this.failedChecks = deadLetterQueue(this, 'FailedChecks', `records of the violations-check events of ${props.endpointName} that Lambda discarded`);
    this.function.configureAsyncInvoke({
      onFailure: new destinations.SqsDestination(this.failedChecks),
      retryAttempts: VIOLATIONS_CHECK_RETRY.retryAttempts,
      maxEventAge: Duration.seconds(VIOLATIONS_CHECK_RETRY.maxEventAgeSeconds),
    });
    acknowledgeControl(this.function, 'CT.LAMBDA.PR.3',
      'the function only calls the SageMaker and CloudWatch APIs; in a VPC it would need a NAT gateway or endpoints for both');
    acknowledgeControl(logGroup, 'CT.CLOUDWATCH.PR.3',
      'CloudWatch Logs encrypts every log group at rest; this one holds only job ARNs and execution statuses, no data of the endpoint');

    this.rule = new events.Rule(this, 'Completed', {
      ruleName: `${scheduleName}-completed`,
      description: `Sends the completed Model Monitor jobs of ${props.endpointName} to the function that tells whether they found violations`,
      eventPattern: monitoringJobEventPattern(props.jobRoleArn, ['Completed']),
    });
    const undelivered = deadLetterQueue(this.rule, 'Undelivered', `completed Model Monitor jobs of ${props.endpointName} that could not reach the violations check`);
    this.rule.addTarget(new targets.LambdaFunction(this.function, {
      deadLetterQueue: undelivered,
      retryAttempts: NOTICE_RETRY_POLICY.retryAttempts,
      maxEventAge: Duration.seconds(NOTICE_RETRY_POLICY.maxEventAgeSeconds),
    }));

    // What the function publishes once per execution that checked the captured requests.
    const results = new cloudwatch.Metric({ namespace: MODEL_MONITOR_VIOLATIONS_NAMESPACE, metricName: VIOLATIONS_METRIC, dimensionsMap: { MonitoringSchedule: scheduleName } });
    const gap = longestScheduleGapHours(props.scheduleExpression);
    const violations = new cloudwatch.Alarm(this, 'ViolationsAlarm', {
      alarmName: `${scheduleName}-violations`,
      alarmDescription: `A Model Monitor execution of ${props.endpointName} found violations of the model version's data-quality constraints; ` +
        'its report (constraint_violations.json) is in the stage bucket under model-monitor-reports/. Back to OK after an execution without violations.',
      metric: results.with({ statistic: 'Maximum', period: Duration.hours(1) }),
      threshold: 1,
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      evaluationPeriods: 1,
      // An hour without an execution keeps the state: the alarm follows the last execution whatever the schedule.
      treatMissingData: cloudwatch.TreatMissingData.IGNORE,
    });
    const noResults = new cloudwatch.Alarm(this, 'NoResultsAlarm', {
      alarmName: `${scheduleName}-no-results`,
      alarmDescription: `No Model Monitor execution of ${props.endpointName} gave a result in two of the schedule's longest intervals (${gap} h each): ` +
        'executions fail (with no requests captured, an execution fails before it starts a job), or the violations check does; see the schedule\'s executions in SageMaker',
      // Periods of an hour or more may add up to 7 days (CloudWatch API Reference, PutMetricAlarm: EvaluationPeriods); at most 2 x 24 h here.
      metric: results.with({ statistic: 'SampleCount', period: Duration.hours(gap) }),
      threshold: 1,
      comparisonOperator: cloudwatch.ComparisonOperator.LESS_THAN_THRESHOLD,
      evaluationPeriods: 2,
      // No result at all is what this alarm is about.
      treatMissingData: cloudwatch.TreatMissingData.BREACHING,
    });
    const failed = new cloudwatch.Alarm(this, 'CheckFailedAlarm', {
      alarmName: `${scheduleName}-violations-check-failed`,
      alarmDescription: `The check of the Model Monitor executions of ${props.endpointName} failed, or found an execution that failed or was stopped ` +
        '(it checked nothing); the function\'s CloudWatch Logs say which. Lambda tries an invocation three times, then discards the event ' +
        `and keeps its record in the queue ${this.failedChecks.queueName} (alarm ${scheduleName}-violations-check-discarded)`,
      metric: this.function.metricErrors({ statistic: 'Sum', period: Duration.hours(1) }),
      threshold: 1,
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      evaluationPeriods: 1,
      treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
    });
    const lost = deadLetterAlarm(this.rule, 'UndeliveredAlarm', undelivered, `${scheduleName}-completed-undelivered`,
      `EventBridge could not hand completed Model Monitor jobs of ${props.endpointName} to the violations check; the events are in the dead-letter queue ${undelivered.queueName}`);
    const discarded = deadLetterAlarm(this, 'DiscardedAlarm', this.failedChecks, `${scheduleName}-violations-check-discarded`,
      `Lambda discarded events of completed Model Monitor jobs of ${props.endpointName}: the violations check failed three times, or the event ` +
      `waited, throttled, longer than ${VIOLATIONS_CHECK_RETRY.maxEventAgeSeconds / 3600} h; their results are not published. Each record (the event, ` +
      `and the last error) is in the queue ${this.failedChecks.queueName}`);
    // Lambda Developer Guide, "Capturing records of Lambda asynchronous invocations": a record Lambda cannot send to the
    // destination (permissions, the queue's key, its size) is counted in DestinationDeliveryFailures, and is gone.
    const recordLost = new cloudwatch.Alarm(this, 'RecordLostAlarm', {
      alarmName: `${scheduleName}-violations-check-record-lost`,
      alarmDescription: `Lambda discarded an event of a completed Model Monitor job of ${props.endpointName} and could not keep its record in the ` +
        `queue ${this.failedChecks.queueName} (the function's role may not send to it, or use its key, or the record is too large): the event and ` +
        'its result are lost; the function\'s CloudWatch Logs show the failed attempts',
      metric: this.function.metric('DestinationDeliveryFailures', { statistic: 'Sum', period: Duration.hours(1) }),
      threshold: 1,
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      evaluationPeriods: 1,
      treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
    });
    this.alarms = [violations, noResults, failed, discarded, recordLost, lost];
    for (const alarm of this.alarms) {
      alarm.addAlarmAction(new cwactions.SnsAction(topic));
    }
  }
}

/**
 * The longest time, in hours, between two executions of a Model Monitor schedule of one of the accepted forms:
 * hourly `cron(0 * ? * * *)` 1; daily `cron(0 H ? * * *)` 24; `cron(0 H/N ? * * *)` runs at H, H+N, ... up to 23
 * each day, so the longest gap is N or the one from the day's last run to the next day's first.
 */
export function longestScheduleGapHours(expression: string): number {
  const match = /^cron\(0 (\*|(\d+)(?:\/(\d+))?) /.exec(expression);
  if (!match) {
    throw new Error(`not a Model Monitor schedule of the accepted forms: ${expression}`);
  }
  if (match[1] === '*') {
    return 1;
  }
  const first = Number(match[2]);
  const step = match[3] === undefined ? 24 : Number(match[3]);
  const hours: number[] = [];
  for (let hour = first; hour <= 23; hour += step) {
    hours.push(hour);
  }
  const gaps = hours.slice(1).map((hour, i) => hour - hours[i]);
  return Math.max(...gaps, 24 - hours[hours.length - 1] + hours[0]);
}
