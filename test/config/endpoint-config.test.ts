import { ConfigError, checkScheduleExpression, resolveEndpoint, resolveProjectConfig, resolveRelease } from '../../src/config';
import { testConfig } from '../helpers/validated-synth';

const withEndpoints = (endpoints: unknown) => () => testConfig({ endpoints });

describe('endpoint defaults', () => {
  const { endpoints, release } = testConfig();

  test('staging is serverless: 2048 MB, 5 concurrent invocations, no idle cost', () => {
    expect(endpoints.staging).toEqual({ type: 'serverless', memorySizeInMb: 2048, maxConcurrency: 5 });
  });

  // The default guardrails are valid on the default 1-instance fleet: all at once with a baking period
  // (developer guide "Use all at once traffic shifting"); a canary needs 2 instances or more.
  test('production is real-time ml.m5.large with autoscaling, capture kept 90 days, all-at-once guardrails with a baking period and a daily drift check; Model Monitor off', () => {
    expect(endpoints.prod).toEqual({
      type: 'realtime',
      instanceType: 'ml.m5.large',
      instanceCount: 1,
      autoscaling: { minInstances: 1, maxInstances: 4, invocationsPerInstance: 1000 },
      dataCapture: { samplingPercentage: 100, retentionDays: 90 },
      deploymentGuardrails: {
        strategy: 'all-at-once', canaryInstances: 1, linearStepPercentage: 25, waitMinutes: 5, terminationWaitMinutes: 0, max5xxErrorsPerMinute: 1, maxModelLatencyMs: 1000,
      },
      driftMonitoring: { schedule: 'rate(1 day)', lookbackHours: 24, psiThreshold: 0.2, ksThreshold: 0.1, instanceType: 'ml.t3.medium' },
      modelMonitor: false,
      shadow: false,
    });
  });

  test('a real-time staging stage gets none of production\'s extras unless asked', () => {
    expect(resolveEndpoint('e', { type: 'realtime' }, 'staging')).toEqual({
      type: 'realtime', instanceType: 'ml.m5.large', instanceCount: 1,
      autoscaling: false, dataCapture: false, deploymentGuardrails: false, driftMonitoring: false, modelMonitor: false, shadow: false,
    });
  });

  test('release: a 1000 ms budget and no reviewers; emails are de-duplicated; alerts go to the reviewers unless told otherwise', () => {
    expect(release).toEqual({ reviewerEmails: [], maxP95LatencyMs: 1000, alertEmails: [] });
    expect(resolveRelease('release', { reviewerEmails: ['a@example.com'] }).alertEmails).toEqual(['a@example.com']);
    expect(resolveRelease('release', { reviewerEmails: ['a@example.com'], alertEmails: ['ops@example.com'] }).alertEmails).toEqual(['ops@example.com']);
    const topic = 'arn:aws:sns:us-east-1:111111111111:ops-alerts';
    expect(testConfig({ release: { alertTopicArn: topic } }).release).toEqual({ reviewerEmails: [], maxP95LatencyMs: 1000, alertEmails: [], alertTopicArn: topic });
    expect(resolveRelease('release', { reviewerEmails: ['a@example.com', 'a@example.com', 'b@example.com'] }).reviewerEmails).toEqual(['a@example.com', 'b@example.com']);
  });

  test('each feature can be switched off or tuned', () => {
    const prod = resolveEndpoint('e', {
      type: 'realtime', autoscaling: false, instanceCount: 2, dataCapture: { samplingPercentage: 20, retentionDays: 30 },
      deploymentGuardrails: { strategy: 'linear', linearStepPercentage: 50 }, driftMonitoring: false, modelMonitor: {},
    }, 'prod');
    expect(prod).toMatchObject({
      instanceCount: 2, autoscaling: false, dataCapture: { samplingPercentage: 20, retentionDays: 30 },
      deploymentGuardrails: { strategy: 'linear', linearStepPercentage: 50, canaryInstances: 1 },
      driftMonitoring: false, modelMonitor: { schedule: 'cron(0 * ? * * *)', instanceType: 'ml.m5.xlarge' },
    });
  });

  test('a drift check may look back exactly as far as the captures are kept', () => {
    const { prod } = testConfig({ endpoints: { prod: { type: 'realtime', dataCapture: { retentionDays: 1 }, driftMonitoring: { lookbackHours: 24 } } } }).endpoints;
    expect(prod).toMatchObject({ dataCapture: { retentionDays: 1 }, driftMonitoring: { lookbackHours: 24 } });
  });

  test('without data capture, production has no drift check by default', () => {
    expect(resolveEndpoint('e', { type: 'realtime', dataCapture: false }, 'prod')).toMatchObject({ dataCapture: false, driftMonitoring: false });
  });

  test('a burstable ml.t2 endpoint without autoscaling is accepted (its autoscaling is refused below)', () => {
    expect(resolveEndpoint('e', { type: 'realtime', instanceType: 'ml.t2.medium', autoscaling: false }, 'prod')).toMatchObject({ instanceType: 'ml.t2.medium', autoscaling: false });
    expect(resolveEndpoint('e', { type: 'realtime', instanceType: 'ml.t2.medium' }, 'staging')).toMatchObject({ autoscaling: false });
  });

  test('resolving a resolved config gives the same config', () => {
    const config = testConfig({ endpoints: { staging: { type: 'realtime', instanceType: 'ml.c5.xlarge' }, prod: { type: 'serverless', memorySizeInMb: 6144 } } });
    expect(resolveProjectConfig(config as any)).toEqual(config);
    const defaults = testConfig();
    expect(resolveProjectConfig(defaults as any)).toEqual(defaults);
  });
});

describe('bad endpoint options', () => {
  test.each([
    [{ staging: { type: 'serverless', memorySizeInMb: 1000 } }, /endpoints.staging.memorySizeInMb must be one of 1024, 2048, 3072, 4096, 5120, 6144 \(1024..6144 in steps of 1024\), got 1000/],
    [{ staging: { type: 'serverless', memorySizeInMb: 8192 } }, /memorySizeInMb must be one of .* got 8192/],
    [{ staging: { type: 'serverless', maxConcurrency: 0 } }, /endpoints.staging.maxConcurrency must be a whole number in 1..200, got 0/],
    [{ staging: { type: 'serverless', maxConcurrency: 201 } }, /maxConcurrency must be a whole number in 1..200, got 201/],
    [{ staging: { type: 'serverless', dataCapture: { samplingPercentage: 10 } } }, /endpoints.staging.dataCapture is set on a serverless endpoint: SageMaker does not capture data on serverless endpoints/],
    [{ prod: { type: 'serverless', driftMonitoring: {} } }, /endpoints.prod.driftMonitoring is set on a serverless endpoint: the drift check reads captured data, and SageMaker does not capture data/],
    [{ prod: { type: 'serverless', deploymentGuardrails: {} } }, /deploymentGuardrails is set on a serverless endpoint: SageMaker deployment guardrails .* need production variants on instances/],
    [{ staging: { type: 'serverless', instanceType: 'ml.m5.large' } }, /instanceType is set on a serverless endpoint: a serverless endpoint has no instances/],
    [{ prod: { type: 'realtime', instanceCount: 3 } }, /instanceCount \(3\) differs from autoscaling.minInstances \(1\)/],
    // SageMaker Developer Guide, "Register a model" (automatic scaling): burstable instances such as T2 are not
    // autoscaled; RegisterScalableTarget refuses the variant. Production autoscales by default, so ml.t2 alone fails.
    [{ prod: { type: 'realtime', instanceType: 'ml.t2.medium' } }, /endpoints.prod.autoscaling is on for the burstable instance type ml.t2.medium: SageMaker does not autoscale burstable \(ml.t\*\) instances.*set autoscaling: false/],
    [{ staging: { type: 'realtime', instanceType: 'ml.t2.large', autoscaling: { maxInstances: 2 } } }, /endpoints.staging.autoscaling is on for the burstable instance type ml.t2.large/],
    [{ prod: { type: 'realtime', deploymentGuardrails: { strategy: 'rolling' } } }, /deploymentGuardrails.strategy must be one of all-at-once, canary, linear, got "rolling"/],
    [{ prod: { type: 'realtime', deploymentGuardrails: { maxModelLatencyMs: 0 } } }, /maxModelLatencyMs must be a latency in milliseconds > 0, got 0/],
    [{ prod: { type: 'realtime', dataCapture: { samplingPercentage: 101 } } }, /endpoints.prod.dataCapture.samplingPercentage must be a whole number in 0..100 \(DataCaptureConfig InitialSamplingPercentage is a whole percentage\), got 101/],
    [{ prod: { type: 'realtime', dataCapture: { samplingPercentage: -1 } } }, /samplingPercentage must be a whole number in 0..100 .*, got -1/],
    // SageMaker API Reference, DataCaptureConfig (and the CloudFormation AWS::SageMaker::EndpointConfig
    // DataCaptureConfig page): InitialSamplingPercentage is an Integer, 0..100; 12.5 is rejected.
    [{ prod: { type: 'realtime', dataCapture: { samplingPercentage: 12.5 } } }, /endpoints.prod.dataCapture.samplingPercentage must be a whole number in 0..100 .*, got 12.5/],
    [{ prod: { type: 'realtime', dataCapture: false, driftMonitoring: {} } }, /endpoints.prod.driftMonitoring needs captured requests, but endpoints.prod.dataCapture is off/],
    [{ prod: { type: 'realtime', driftMonitoring: { schedule: 'daily' } } }, /endpoints.prod.driftMonitoring.schedule must be an EventBridge Scheduler expression such as rate\(1 day\).*got "daily"/],
    [{ prod: { type: 'realtime', driftMonitoring: { schedule: 'rate(1 days)' } } }, /"rate\(1 days\)" is not a valid rate/],
    [{ prod: { type: 'realtime', driftMonitoring: { schedule: 'cron(0 3 * * *)' } } }, /"cron\(0 3 \* \* \*\)" is not a valid cron expression: it needs 6 fields/],
    [{ prod: { type: 'realtime', driftMonitoring: { schedule: 'cron(0 3 * * * *)' } } }, /exactly one of day-of-month \(3rd field\) and day-of-week \(5th field\) must be '\?'/],
    [{ prod: { type: 'realtime', driftMonitoring: { psiThreshold: 0 } } }, /driftMonitoring.psiThreshold must be a number > 0, got 0/],
    [{ prod: { type: 'realtime', driftMonitoring: { ksThreshold: 2 } } }, /driftMonitoring.ksThreshold must be a number in 0..1, got 2/],
    // S3 User Guide, "Expiring objects" (a lifecycle Expiration of N days removes a captured file N days after it was
    // written): a drift check looking further back than the captures are kept reads less than it says.
    [{ prod: { type: 'realtime', dataCapture: { retentionDays: 7 }, driftMonitoring: { lookbackHours: 720 } } },
      /endpoints.prod.driftMonitoring.lookbackHours \(720\) reaches further back than endpoints.prod.dataCapture.retentionDays keeps the captured requests \(7 days, 168 hours\): the check would read only the last 168 hours. Set lookbackHours to at most 168, or keep the captures longer/],
    [{ prod: { type: 'realtime', modelMonitor: { schedule: 'rate(1 hour)' } } }, /modelMonitor.schedule must be a Model Monitor cron expression/],
    [{ prod: { type: 'realtime', modelMonitor: { schedule: 'cron(30 * ? * * *)' } } }, /modelMonitor.schedule must be a Model Monitor cron expression: hourly.*got "cron\(30 \* \? \* \* \*\)"/],
    [{ prod: { type: 'realtime', modelMonitor: { schedule: 'cron(0 24 ? * * *)' } } }, /modelMonitor.schedule must be a Model Monitor cron expression/],
    [{ prod: { type: 'realtime', modelMonitor: { schedule: 'cron(0 2/25 ? * * *)' } } }, /modelMonitor.schedule must be a Model Monitor cron expression/],
    [{ prod: { type: 'realtime', modelMonitor: { schedule: 'cron(0 * ? * MON *)' } } }, /modelMonitor.schedule must be a Model Monitor cron expression/],
    [{ prod: { type: 'realtime', modelMonitor: { instanceType: 'ml.t2.nano' } } }, /endpoints.prod.modelMonitor.instanceType must be/],
    [{ prod: { type: 'realtime', modelMonitor: { scheduel: 'cron(0 * ? * * *)' } } }, /endpoints.prod.modelMonitor has an unknown field "scheduel"/],
    [{ prod: { type: 'realtime', instanceType: 'ml.x9.huge' } }, /endpoints.prod.instanceType must be a SageMaker inference instance type/],
    [{ prod: { type: 'gpu' } }, /endpoints.prod.type must be 'serverless' or 'realtime', got "gpu"/],
    [{ prod: { type: 'realtime', autoscale: {} } }, /endpoints.prod has an unknown field "autoscale"/],
    [{ canary: {} }, /endpoints has an unknown field "canary"/],
  ])('%j', (endpoints, message) => {
    expect(withEndpoints(endpoints)).toThrow(ConfigError);
    expect(withEndpoints(endpoints)).toThrow(message);
  });

  test.each([
    [{ maxP95LatencyMs: 0 }, /release.maxP95LatencyMs must be a latency budget in milliseconds > 0, at most 60000 \(a model answers within 60 s\), got 0/],
    [{ maxP95LatencyMs: -10 }, /got -10/],
    // SageMaker Runtime API Reference, InvokeEndpoint: a model container answers within 60 seconds, so a larger
    // budget never fails, and the release's test-endpoint --max-p95-ms refuses it (after staging was deployed).
    [{ maxP95LatencyMs: 60_001 }, /release.maxP95LatencyMs must be a latency budget in milliseconds > 0, at most 60000 \(a model answers within 60 s\), got 60001/],
    [{ reviewerEmails: ['not-an-email'] }, /release.reviewerEmails has "not-an-email", which is not an email address/],
    [{ reviewerEmails: 'a@example.com' }, /release.reviewerEmails must be a list of email addresses/],
    [{ alertEmails: ['ops@example'] }, /release.alertEmails has "ops@example", which is not an email address \(name@domain.tld\)/],
    [{ alertEmails: ['ops team@example.com'] }, /release.alertEmails has "ops team@example.com", which is not an email address/],
    [{ alertTopicArn: 'arn:aws:sqs:us-east-1:111111111111:ops' }, /release.alertTopicArn must be an SNS topic ARN \(arn:aws:sns:<region>:<12-digit account>:<topic name>\), got "arn:aws:sqs:us-east-1:111111111111:ops"/],
    [{ alertTopicArn: 'arn:aws:sns:us-east-1:1111:ops' }, /release.alertTopicArn must be an SNS topic ARN/],
    // SNS API Reference, Publish (MessageGroupId: required for FIFO topics) and CloudWatch API Reference, PutMetricAlarm
    // (AlarmActions are ARNs, with no message attributes): an alarm cannot publish to a FIFO topic.
    [{ alertTopicArn: 'arn:aws:sns:us-east-1:111111111111:ops.fifo' }, /release.alertTopicArn is a FIFO topic, got "arn:aws:sns:us-east-1:111111111111:ops.fifo": CloudWatch alarm actions publish without the MessageGroupId every publish to a FIFO topic needs, and FIFO topics deliver to no email address; use a standard topic/],
    [{ alertTopicArn: 'arn:aws:sns:us-east-1:111111111111:ops', alertEmails: ['a@example.com'] }, /release.alertEmails and release.alertTopicArn are both set/],
    // Region rule: the stored CloudWatch docs do not state it in one sentence; CloudWatch alarm actions name an SNS topic of the alarm's region.
    [{ alertTopicArn: 'arn:aws:sns:eu-west-1:111111111111:ops' }, /release.alertTopicArn is in eu-west-1, but endpoints.prod has alarms in us-east-1: a CloudWatch alarm notifies only topics of its own region/],
  ])('release %j', (release, message) => {
    expect(() => testConfig({ release })).toThrow(message);
  });
});

// EventBridge user guide, "Amazon EventBridge rules" (a rule's targets are in the rule's Region) and the CloudWatch
// alarm actions of the rule's undelivered-events alarm: a stage whose only alert is its Model Monitor jobs' failure
// rule still needs the existing topic in its region.
test('a stage whose only alert is the Model Monitor jobs\' failure rule needs release.alertTopicArn in its region too', () => {
  const monitoredOnly = { endpoints: {
    staging: { type: 'realtime', dataCapture: {}, deploymentGuardrails: false, driftMonitoring: false, modelMonitor: { schedule: 'cron(0 6 ? * * *)' } },
    prod: { type: 'realtime', deploymentGuardrails: false, driftMonitoring: false },
  } };
  expect(() => testConfig({ ...monitoredOnly, release: { alertTopicArn: 'arn:aws:sns:eu-west-1:111111111111:ops' } }))
    .toThrow(/release.alertTopicArn is in eu-west-1, but endpoints.staging has alarms in us-east-1/);
  expect(() => testConfig({ ...monitoredOnly, release: { alertTopicArn: 'arn:aws:sns:us-east-1:111111111111:ops' } })).not.toThrow();
});

describe('schedule expressions', () => {
  test.each(['rate(1 day)', 'rate(12 hours)', 'rate(30 minutes)', 'rate(1 minute)', 'cron(0 3 * * ? *)', 'cron(15 10 ? * MON-FRI *)'])('%s is accepted', (expression) => {
    expect(() => checkScheduleExpression('s', expression)).not.toThrow();
  });
  test.each(['rate(0 days)', 'rate(2 day)', 'rate(1 week)', 'at(2026-01-01T00:00:00)', 'cron()', ''])('%j is rejected', (expression) => {
    expect(() => checkScheduleExpression('s', expression)).toThrow(ConfigError);
  });
  // EventBridge Scheduler User Guide, "Schedule types on EventBridge Scheduler" (cron-based schedules): each field's
  // values and wildcards, ? only in a day field, W only in day-of-month, L and # only in the day fields, and # in
  // a single expression ("3#1,6#3" is invalid).
  test.each([
    'cron(0/15 * * * ? *)', 'cron(0 8 1 * ? *)', 'cron(0 18 ? * 6L 2027)', 'cron(0 9 ? * 3#2 *)', 'cron(0 9 L * ? *)',
    'cron(0 9 3W * ? *)', 'cron(0 9 LW * ? *)', 'cron(0 0 1 JAN,JUL ? 2026-2030)', 'cron(5,35 8-17/2 ? * mon-fri *)', 'cron(*/10 * ? * * *)',
  ])('cron %s, within every field\'s values and wildcards, is accepted', (expression) => {
    expect(() => checkScheduleExpression('s', expression)).not.toThrow();
  });
  test.each([
    ['cron(61 4 * * ? *)', 'minutes field "61"', 'values 0-59, wildcards , - * /'],
    ['cron(0 25 * * ? *)', 'hours field "25"', 'values 0-23'],
    ['cron(0 4 32 * ? *)', 'day-of-month field "32"', 'values 1-31, wildcards , - * ? / L W'],
    ['cron(0 4 0 * ? *)', 'day-of-month field "0"', 'values 1-31'],
    ['cron(0 4 * 13 ? *)', 'month field "13"', 'values 1-12 or JAN-DEC'],
    ['cron(0 4 * FOO ? *)', 'month field "FOO"', 'values 1-12 or JAN-DEC'],
    ['cron(0 4 ? * 8 *)', 'day-of-week field "8"', 'values 1-7 or SUN-SAT, wildcards , - * ? L #'],
    ['cron(0 4 ? * 1/2 *)', 'day-of-week field "1/2"', 'wildcards , - * ? L #'],
    ['cron(0 4 ? * 3#1,6#3 *)', 'day-of-week field "3#1,6#3"', '# only in a single expression such as 3#2'],
    ['cron(0 4 ? * 3#6 *)', 'day-of-week field "3#6"', 'values 1-7'],
    ['cron(0 4 * * ? 1900)', 'year field "1900"', 'values 1970-2199'],
    ['cron(? 4 * * ? *)', 'minutes field "?"', 'wildcards , - * /'],
    ['cron(L 4 * * ? *)', 'minutes field "L"', 'wildcards , - * /'],
    ['cron(0/0 4 * * ? *)', 'minutes field "0/0"', 'values 0-59'],
    ['cron(0 4 1-2-3 * ? *)', 'day-of-month field "1-2-3"', 'values 1-31'],
  ])('cron %s is refused, naming the field and what it takes', (expression, field, allowed) => {
    expect(() => checkScheduleExpression('batchScoring.schedule', expression)).toThrow(`batchScoring.schedule ${JSON.stringify(expression)} is not a valid cron expression: its ${field} is not one EventBridge Scheduler takes (`);
    expect(() => checkScheduleExpression('batchScoring.schedule', expression)).toThrow(allowed);
  });
});

describe('Model Monitor schedules', () => {
  test.each(['cron(0 * ? * * *)', 'cron(0 0 ? * * *)', 'cron(0 23 ? * * *)', 'cron(0 2/6 ? * * *)', 'cron(0 0/24 ? * * *)'])('%s is accepted', (schedule) => {
    const config = testConfig({ endpoints: { prod: { type: 'realtime', modelMonitor: { schedule } } } });
    expect(config.endpoints.prod).toMatchObject({ modelMonitor: { schedule } });
  });
});
