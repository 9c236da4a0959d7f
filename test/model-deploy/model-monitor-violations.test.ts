/**
 * The Model Monitor violations check: the function's code, run as the Lambda runtime runs it against a fake
 * SageMaker and CloudWatch (each request checked against the service's API model), and what the endpoint stack
 * deploys around it. SageMaker API Reference, ListMonitoringExecutions and MonitoringExecutionSummary (MonitoringExecutionStatus: Pending, Completed, CompletedWithViolations, InProgress,
 * Failed, Stopping, Stopped); SageMaker Developer Guide, "Interpret results" (CompletedWithViolations: the
 * execution completed, but constraint violations were detected).
 */
import { Template } from 'aws-cdk-lib/assertions';
import { ResolvedModel } from '../../src/app-context/resolved-model';
import {
  EXECUTION_PAGES, EXECUTION_POLL_MS, MODEL_MONITOR_VIOLATIONS_NAMESPACE, VIOLATIONS_HANDLER_CODE, VIOLATIONS_METRIC,
} from '../../src/model-deploy/model-monitor-violations-handler';
import { VIOLATIONS_CHECK_RETRY, VIOLATIONS_CHECK_TIMEOUT, longestScheduleGapHours } from '../../src/model-deploy/model-monitor-violations';
import { checkRequest, serviceModel } from '../helpers/api-model';
import { Environment, allows, roleStatements } from '../helpers/iam-policy';
import { loadInlineHandler } from '../helpers/inline-handler';
import { synthValidated } from '../helpers/validated-synth';
import { MODEL, app } from './fixtures';

const SCHEDULE = 'player-churn-prod-data-quality';
const JOB = 'arn:aws:sagemaker:us-east-1:111111111111:processing-job/model-monitoring-202612070600-0a1b2c3d';
const OTHER_JOB = 'arn:aws:sagemaker:us-east-1:111111111111:processing-job/model-monitoring-202612070500-9f8e7d6c';

/** Every request the function sent in this file's scenarios (the last test holds them against its role). */
const everyCall: Array<{ readonly name: string; readonly input: any }> = [];

/**
 * A SageMaker whose schedule lists, at successive ListMonitoringExecutions of the first page, `listings` (the last for
 * good), newest first, in pages of `pageSize`; and a CloudWatch.
 */
function fakeAccount(listings: Array<Array<Record<string, unknown>>>, pageSize = 100) {
  const metrics: any[] = [];
  let lists = 0;
  let firstPages = 0;
  const command = (name: string) => class {
    readonly name = name;
    constructor(public readonly input: any) {}
  };
  const client = (service: string) => class {
    async send(c: { name: string; input: any }) {
      expect(checkRequest(serviceModel(service), c.name, c.input).problems).toEqual([]);
      everyCall.push({ name: c.name, input: c.input });
      if (c.name === 'ListMonitoringExecutions') {
        lists++;
        expect(c.input).toMatchObject({ MonitoringScheduleName: SCHEDULE, SortBy: 'ScheduledTime', SortOrder: 'Descending' });
        const listing = listings[Math.min(c.input.NextToken === undefined ? firstPages++ : firstPages - 1, listings.length - 1)];
        const start = c.input.NextToken === undefined ? 0 : Number(c.input.NextToken);
        const end = start + pageSize;
        return { MonitoringExecutionSummaries: listing.slice(start, end), ...(end < listing.length ? { NextToken: String(end) } : {}) };
      }
      metrics.push(c.input);
      return {};
    }
  };
  const modules = {
    '@aws-sdk/client-sagemaker': { SageMakerClient: client('sagemaker'), ListMonitoringExecutionsCommand: command('ListMonitoringExecutions') },
    '@aws-sdk/client-cloudwatch': { CloudWatchClient: client('cloudwatch'), PutMetricDataCommand: command('PutMetricData') },
  };
  return { modules, metrics, lists: () => lists };
}

/** A summary of one of the schedule's executions, as ListMonitoringExecutions returns it. */
const summary = (status: string, job: string | undefined = JOB, extra: Record<string, unknown> = {}) => ({
  ...extra,
  MonitoringScheduleName: SCHEDULE, ScheduledTime: '2026-12-07T06:00:00Z', CreationTime: '2026-12-07T06:00:05Z', LastModifiedTime: '2026-12-07T06:21:40Z',
  MonitoringExecutionStatus: status, ...(job ? { ProcessingJobArn: job } : {}), EndpointName: 'player-churn-prod', MonitoringType: 'DataQuality',
});

/** The completed job's event (SageMaker developer guide, "Events that Amazon SageMaker AI sends to Amazon EventBridge"). */
const completedEvent = (job = JOB) => ({
  'version': '0', 'source': 'aws.sagemaker', 'detail-type': 'SageMaker Processing Job State Change', 'time': '2026-12-07T06:21:30Z',
  'detail': { ProcessingJobArn: job, ProcessingJobName: job.split('/')[1], ProcessingJobStatus: 'Completed', RoleArn: 'arn:aws:iam::111111111111:role/monitor' },
});

async function invoke(listings: Array<Array<Record<string, unknown>>>, event: unknown = completedEvent(), remainingMs = 300_000, pageSize = 100) {
  const account = fakeAccount(listings, pageSize);
  const previous = process.env.MONITORING_SCHEDULE_NAME;
  process.env.MONITORING_SCHEDULE_NAME = SCHEDULE;
  const deadline = Date.now() + remainingMs;
  try {
    const { handler } = loadInlineHandler(VIOLATIONS_HANDLER_CODE, account.modules);
    const outcome = await handler(event as Record<string, unknown>, { logStreamName: 'stream', getRemainingTimeInMillis: () => deadline - Date.now() })
      .then(() => undefined, (err: Error) => err);
    return { ...account, error: outcome };
  } finally {
    if (previous === undefined) {
      delete process.env.MONITORING_SCHEDULE_NAME;
    } else {
      process.env.MONITORING_SCHEDULE_NAME = previous;
    }
  }
}

const published = (metrics: any[]) => metrics.map((m) => ({ namespace: m.Namespace, ...m.MetricData[0] }));

describe('the violations check', () => {
  beforeEach(() => jest.spyOn(console, 'log').mockImplementation(() => undefined));
  afterEach(() => jest.restoreAllMocks());

  test('an execution with violations publishes 1 for the schedule', async () => {
    const { metrics, error } = await invoke([[summary('Completed', OTHER_JOB), summary('CompletedWithViolations')]]);
    expect(error).toBeUndefined();
    expect(published(metrics)).toEqual([{
      namespace: MODEL_MONITOR_VIOLATIONS_NAMESPACE, MetricName: VIOLATIONS_METRIC, Dimensions: [{ Name: 'MonitoringSchedule', Value: SCHEDULE }], Value: 1, Unit: 'Count',
    }]);
  });

  test('an execution that completed without violations publishes 0', async () => {
    const { metrics, error } = await invoke([[summary('CompletedWithViolations', OTHER_JOB), summary('Completed')]]);
    expect(error).toBeUndefined();
    expect(published(metrics).map((m) => m.Value)).toEqual([0]);
  });

  // "Interpret results": a failed execution checked nothing; it must neither set nor clear the violations alarm.
  test.each(['Failed', 'Stopped'])('an execution that ended %s publishes nothing and fails, saying so', async (status) => {
    const { metrics, error } = await invoke([[summary(status, JOB, { FailureReason: 'ClientError: Job inputs had no data' })]]);
    expect(metrics).toEqual([]);
    expect(error?.name).toBe('ExecutionFailed');
    expect(error?.message).toBe(`the Model Monitor execution of ${JOB} (scheduled 2026-12-07T06:00:00Z) ended ${status}: ClientError: Job inputs had no data; it checked nothing`);
  });

  test('a newer execution listed first, or the job\'s on a later page, is no obstacle', async () => {
    const newer = Array.from({ length: 150 }, (_, i) => summary('InProgress', `${OTHER_JOB}-${i}`));
    const { metrics, error, lists } = await invoke([[...newer, summary('CompletedWithViolations')]]);
    expect(error).toBeUndefined();
    expect(lists()).toBe(2);
    expect(published(metrics).map((m) => m.Value)).toEqual([1]);
  });

  test('waits while the job\'s execution is not listed yet, or not ended, then publishes its result', async () => {
    jest.useFakeTimers({ doNotFake: ['nextTick', 'setImmediate', 'queueMicrotask'] });
    try {
      const account = invoke([[summary('Completed', OTHER_JOB)], [summary('InProgress')], [summary('CompletedWithViolations')]]);
      for (let i = 0; i < 3; i++) {
        await jest.advanceTimersByTimeAsync(EXECUTION_POLL_MS);
      }
      const { metrics, error, lists } = await account;
      expect(error).toBeUndefined();
      expect(lists()).toBe(3);
      expect(published(metrics).map((m) => m.Value)).toEqual([1]);
    } finally {
      jest.useRealTimers();
    }
  });

  test('the job ARN is compared without regard to case (SageMaker lowercases names in some ARNs)', async () => {
    const { metrics } = await invoke([[summary('CompletedWithViolations', JOB.toUpperCase().replace('ARN:AWS:SAGEMAKER', 'arn:aws:sagemaker'))]]);
    expect(published(metrics).map((m) => m.Value)).toEqual([1]);
  });

  test('fails, saying what the schedule lists, when the job\'s execution has not ended, or is not listed, before the time runs out', async () => {
    const { metrics, error } = await invoke([[summary('InProgress')]], completedEvent(), EXECUTION_POLL_MS);
    expect(metrics).toEqual([]);
    expect(error?.name).toBe('ExecutionNotEnded');
    expect(error?.message).toBe(`the execution of ${JOB} is still InProgress. Look at the schedule's executions in SageMaker`);
    // Only the newest EXECUTION_PAGES pages are read.
    const older = Array.from({ length: EXECUTION_PAGES * 100 }, (_, i) => summary('Completed', `${OTHER_JOB}-${i}`));
    const unlisted = await invoke([[...older, summary('Completed')]], completedEvent(), EXECUTION_POLL_MS);
    expect(unlisted.lists()).toBe(EXECUTION_PAGES);
    expect(unlisted.error?.message).toBe(`the newest ${EXECUTION_PAGES * 100} executions of the schedule ${SCHEDULE} include none of ${JOB}. Look at the schedule's executions in SageMaker`);
    const none = await invoke([[]], completedEvent(), EXECUTION_POLL_MS);
    expect(none.error?.name).toBe('ExecutionNotEnded');
  });

  test('fails on an event that names no processing job', async () => {
    const { error, lists } = await invoke([[summary('Completed')]], { 'detail-type': 'SageMaker Processing Job State Change', 'detail': {} });
    expect(error?.message).toMatch(/^the event names no processing job \(detail.ProcessingJobArn\): /);
    expect(lists()).toBe(0);
  });
});

// SageMaker Developer Guide, "The cron expression for monitoring schedule": hourly, daily at an hour, or every N hours from an hour.
test.each([
  ['cron(0 * ? * * *)', 1], ['cron(0 6 ? * * *)', 24], ['cron(0 0/6 ? * * *)', 6], ['cron(0 5/10 ? * * *)', 14], ['cron(0 23/2 ? * * *)', 24], ['cron(0 0/24 ? * * *)', 24], ['cron(0 0/1 ? * * *)', 1],
])('the longest gap between two executions of %s is %d h', (expression, hours) => {
  expect(longestScheduleGapHours(expression)).toBe(hours);
});

describe('in the endpoint stack', () => {
  const MONITORED: ResolvedModel = {
    ...MODEL,
    dataQualityStatisticsUri: 's3://build-bucket/player-churn-training/exec1/BaselineDataQuality/monitoring_output/statistics.json',
    dataQualityConstraintsUri: 's3://build-bucket/player-churn-training/exec1/BaselineDataQuality/monitoring_output/constraints.json',
  };
  let template: Template;
  beforeAll(() => {
    template = synthValidated(app({ endpoints: { prod: { type: 'realtime', modelMonitor: { schedule: 'cron(0 * ? * * *)' } } } }, MONITORED))['player-churn-prod-endpoint'];
  });
  const resourceId = (type: string, props: Record<string, unknown>) => {
    const ids = Object.keys(template.findResources(type, { Properties: props }));
    expect(ids).toHaveLength(1);
    return ids[0];
  };

  test('completed jobs of the schedule\'s role reach the function; EventBridge retries a delivery for a day, then puts it in a dead-letter queue', () => {
    const jobRole = resourceId('AWS::IAM::Role', { Description: 'Runs the Model Monitor data-quality jobs of the endpoint player-churn-prod' });
    const fn = resourceId('AWS::Lambda::Function', { Environment: { Variables: { MONITORING_SCHEDULE_NAME: SCHEDULE } } });
    const ruleId = resourceId('AWS::Events::Rule', { Name: `${SCHEDULE}-completed` });
    const rule = template.toJSON().Resources[ruleId];
    expect(rule.Properties.EventPattern).toEqual({
      'source': ['aws.sagemaker'], 'detail-type': ['SageMaker Processing Job State Change'],
      'detail': { RoleArn: [{ 'Fn::GetAtt': [jobRole, 'Arn'] }], ProcessingJobStatus: ['Completed'] },
    });
    expect(rule.Properties.Targets).toEqual([expect.objectContaining({
      Arn: { 'Fn::GetAtt': [fn, 'Arn'] }, RetryPolicy: { MaximumRetryAttempts: 185, MaximumEventAgeInSeconds: 86400 }, DeadLetterConfig: { Arn: expect.anything() },
    })]);
    // Lambda Developer Guide, "Using resource-based policies": EventBridge may invoke it for this rule only.
    template.hasResourceProperties('AWS::Lambda::Permission', {
      Action: 'lambda:InvokeFunction', FunctionName: { 'Fn::GetAtt': [fn, 'Arn'] }, Principal: 'events.amazonaws.com', SourceArn: { 'Fn::GetAtt': [ruleId, 'Arn'] },
    });
    const [func] = Object.values<any>(template.findResources('AWS::Lambda::Function', { Properties: { Environment: { Variables: { MONITORING_SCHEDULE_NAME: SCHEDULE } } } }));
    expect(func.Properties.Timeout).toBe(VIOLATIONS_CHECK_TIMEOUT.toSeconds());
  });

  // Lambda Developer Guide, "Capturing records of Lambda asynchronous invocations": an invocation that fails every attempt
  // is otherwise discarded; its record goes to a standard SQS queue (no FIFO queue), sent with the function's execution
  // role, which Lambda checks may send there when the configuration is put (PutFunctionEventInvokeConfig).
  // Lambda API Reference, PutFunctionEventInvokeConfig: MaximumRetryAttempts 0-2, MaximumEventAgeInSeconds 60-21,600.
  test('an invocation that fails every attempt is kept in a queue the function\'s role may send to, with a policy the configuration waits for', () => {
    const fn = resourceId('AWS::Lambda::Function', { Environment: { Variables: { MONITORING_SCHEDULE_NAME: SCHEDULE } } });
    const configs = Object.values<any>(template.findResources('AWS::Lambda::EventInvokeConfig', { Properties: { FunctionName: { Ref: fn } } }));
    expect(configs).toHaveLength(1);
    const config = configs[0].Properties;
    // The most Lambda allows of both: only this check publishes an execution's result.
    expect(VIOLATIONS_CHECK_RETRY).toEqual({ retryAttempts: 2, maxEventAgeSeconds: 21_600 });
    expect(config).toMatchObject({ Qualifier: '$LATEST', MaximumRetryAttempts: VIOLATIONS_CHECK_RETRY.retryAttempts, MaximumEventAgeInSeconds: VIOLATIONS_CHECK_RETRY.maxEventAgeSeconds });
    expect(config.MaximumRetryAttempts).toBeGreaterThanOrEqual(0);
    expect(config.MaximumRetryAttempts).toBeLessThanOrEqual(2);
    expect(config.MaximumEventAgeInSeconds).toBeGreaterThanOrEqual(60);
    expect(config.MaximumEventAgeInSeconds).toBeLessThanOrEqual(21_600);
    expect(config.DestinationConfig).toEqual({ OnFailure: { Destination: { 'Fn::GetAtt': [expect.any(String), 'Arn'] } } });
    const queueId: string = config.DestinationConfig.OnFailure.Destination['Fn::GetAtt'][0];
    const queue = template.toJSON().Resources[queueId];
    expect(queue.Type).toBe('AWS::SQS::Queue');
    expect(queue.Properties.FifoQueue).toBeUndefined();
    expect(queue.Properties).toMatchObject({ SqsManagedSseEnabled: true, MessageRetentionPeriod: 14 * 24 * 3600 });

    const env: Environment = { account: '111111111111', region: 'us-east-1' };
    const role = resourceId('AWS::IAM::Role', { Description: `Publishes whether the Model Monitor executions of ${SCHEDULE} found violations` });
    expect(allows(roleStatements(template, role), 'sqs:SendMessage', `<${queueId}.Arn>`, env)).toBe(true);
    // The grant is in the role's DefaultPolicy, which the function waits for; the configuration names the function.
    const policies = Object.entries<any>(template.findResources('AWS::IAM::Policy'))
      .filter(([, p]) => JSON.stringify(p.Properties.Roles) === JSON.stringify([{ Ref: role }])
        && p.Properties.PolicyDocument.Statement.some((st: any) => [st.Action].flat().includes('sqs:SendMessage')))
      .map(([id]) => id);
    expect(policies).toHaveLength(1);
    expect(template.toJSON().Resources[fn].DependsOn).toContain(policies[0]);
    // The alarm on the function's errors says where the records are. A record also arrives without an error: an event
    // that waited, throttled, longer than the maximum age (PutFunctionEventInvokeConfig); the queue has its own alarm,
    // on each record sent (an alarm on the backlog would stay in ALARM, and act only once).
    const [failedAlarm] = Object.values<any>(template.findResources('AWS::CloudWatch::Alarm', { Properties: { AlarmName: `${SCHEDULE}-violations-check-failed` } }));
    expect(JSON.stringify(failedAlarm.Properties.AlarmDescription)).toContain(`"Fn::GetAtt":["${queueId}","QueueName"]`);
    template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      AlarmName: `${SCHEDULE}-violations-check-discarded`, Namespace: 'AWS/SQS', MetricName: 'NumberOfMessagesSent',
      Dimensions: [{ Name: 'QueueName', Value: { 'Fn::GetAtt': [queueId, 'QueueName'] } }], Statistic: 'Sum', Threshold: 1,
    });
  });

  test('violations, the function\'s failures and undelivered events each have an alarm that tells the alert topic, which lets CloudWatch publish them', () => {
    const topic = resourceId('AWS::SNS::Topic', { TopicName: 'player-churn-prod-alerts' });
    template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      AlarmName: `${SCHEDULE}-violations`, Namespace: MODEL_MONITOR_VIOLATIONS_NAMESPACE, MetricName: VIOLATIONS_METRIC,
      Dimensions: [{ Name: 'MonitoringSchedule', Value: SCHEDULE }], Statistic: 'Maximum', Threshold: 1,
      ComparisonOperator: 'GreaterThanOrEqualToThreshold', TreatMissingData: 'ignore', AlarmActions: [{ Ref: topic }],
    });
    template.hasResourceProperties('AWS::CloudWatch::Alarm', { AlarmName: `${SCHEDULE}-violations-check-failed`, MetricName: 'Errors', Namespace: 'AWS/Lambda', AlarmActions: [{ Ref: topic }] });
    // An hourly schedule: no result in two hours (an execution without captured requests fails before it starts a job, and sends no event).
    template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      AlarmName: `${SCHEDULE}-no-results`, MetricName: VIOLATIONS_METRIC, Statistic: 'SampleCount', Period: 3600, EvaluationPeriods: 2,
      Threshold: 1, ComparisonOperator: 'LessThanThreshold', TreatMissingData: 'breaching', AlarmActions: [{ Ref: topic }],
    });
    template.hasResourceProperties('AWS::CloudWatch::Alarm', { AlarmName: `${SCHEDULE}-completed-undelivered`, AlarmActions: [{ Ref: topic }] });
    template.hasResourceProperties('AWS::CloudWatch::Alarm', { AlarmName: `${SCHEDULE}-violations-check-discarded`, AlarmActions: [{ Ref: topic }] });
    // Lambda Developer Guide, "Capturing records of Lambda asynchronous invocations": a record Lambda cannot send to
    // the on-failure destination is counted in the function's DestinationDeliveryFailures metric, and is lost.
    const fn = resourceId('AWS::Lambda::Function', { Description: `Publishes whether each Model Monitor execution of ${SCHEDULE} found violations` });
    template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      AlarmName: `${SCHEDULE}-violations-check-record-lost`, Namespace: 'AWS/Lambda', MetricName: 'DestinationDeliveryFailures',
      Dimensions: [{ Name: 'FunctionName', Value: { Ref: fn } }], Statistic: 'Sum', Threshold: 1,
      ComparisonOperator: 'GreaterThanOrEqualToThreshold', TreatMissingData: 'notBreaching', AlarmActions: [{ Ref: topic }],
    });
    const publish = Object.values<any>(template.findResources('AWS::SNS::TopicPolicy'))
      .flatMap((p) => p.Properties.PolicyDocument.Statement).find((s) => s.Sid === 'CloudWatchAlarmsPublish');
    const sources = JSON.stringify(publish.Condition.ArnLike['aws:SourceArn']);
    for (const name of [
      `${SCHEDULE}-violations`, `${SCHEDULE}-no-results`, `${SCHEDULE}-violations-check-failed`, `${SCHEDULE}-violations-check-discarded`,
      `${SCHEDULE}-violations-check-record-lost`, `${SCHEDULE}-completed-undelivered`, `${SCHEDULE}-failed-undelivered`,
    ]) {
      expect(sources).toContain(`:alarm:${name}`);
    }
  });

  // CloudWatch API Reference, PutMetricAlarm (EvaluationPeriods): periods of an hour or more may add up to 7 days
  // (604,800 s). The no-results alarm's period is the schedule's longest gap: a daily schedule's is the longest there is.
  test.each([['cron(0 6 ? * * *)', 86_400], ['cron(0 5/10 ? * * *)', 50_400]])('the no-results alarm of %s: two periods of %d s, within what CloudWatch allows', (schedule, period) => {
    const daily = synthValidated(app({ endpoints: { prod: { type: 'realtime', modelMonitor: { schedule } } } }, MONITORED))['player-churn-prod-endpoint'];
    const [alarm] = Object.values<any>(daily.findResources('AWS::CloudWatch::Alarm', { Properties: { AlarmName: `${SCHEDULE}-no-results` } }));
    expect(alarm.Properties).toMatchObject({ Period: period, EvaluationPeriods: 2, Statistic: 'SampleCount' });
    expect(alarm.Properties.Period * alarm.Properties.EvaluationPeriods).toBeLessThanOrEqual(604_800);
    expect(alarm.Properties.Period % 60).toBe(0);
  });

  test('the function\'s role allows every request the scenarios above made', () => {
    const env: Environment = { account: '111111111111', region: 'us-east-1' };
    const role = resourceId('AWS::IAM::Role', { Description: `Publishes whether the Model Monitor executions of ${SCHEDULE} found violations` });
    const statements = roleStatements(template, role);
    const requests = everyCall.map(({ name }): [string, string] => {
      switch (name) {
        // Service Authorization Reference: ListMonitoringExecutions has no resource type.
        case 'ListMonitoringExecutions': return ['sagemaker:ListMonitoringExecutions', '*'];
        case 'PutMetricData': return ['cloudwatch:PutMetricData', '*'];
        default: throw new Error(`no IAM action known for ${name}: add its row (Service Authorization Reference) to this test`);
      }
    });
    expect(new Set(everyCall.map((c) => c.name))).toEqual(new Set(['ListMonitoringExecutions', 'PutMetricData']));
    expect(requests.filter(([action, resource]) => !allows(statements, action, resource, env))).toEqual([]);
    // CloudWatch API Reference, PutMetricData; Service Authorization Reference: the condition key cloudwatch:namespace.
    const metric = statements.find((s: any) => s.Sid === 'ViolationsMetric') as any;
    expect(metric.Condition).toEqual({ StringEquals: { 'cloudwatch:namespace': MODEL_MONITOR_VIOLATIONS_NAMESPACE } });
    expect(new Set(everyCall.filter((c) => c.name === 'PutMetricData').map((c) => c.input.Namespace))).toEqual(new Set([MODEL_MONITOR_VIOLATIONS_NAMESPACE]));
  });
});
