import { ConfigError, checkScheduleExpression, resolveEndpoint, resolveProjectConfig, resolveRelease } from '../../src/config';
import { testConfig } from '../helpers/validated-synth';

const withEndpoints = (endpoints: unknown) => () => testConfig({ endpoints });

describe('endpoint defaults', () => {
  const { endpoints, release } = testConfig();

  test('staging is serverless: 2048 MB, 5 concurrent invocations, no idle cost', () => {
    expect(endpoints.staging).toEqual({ type: 'serverless', memorySizeInMb: 2048, maxConcurrency: 5 });
  });

  test('production is real-time ml.m5.large with autoscaling, capture, canary guardrails and a daily drift check; Model Monitor off', () => {
    expect(endpoints.prod).toEqual({
      type: 'realtime',
      instanceType: 'ml.m5.large',
      instanceCount: 1,
      autoscaling: { minInstances: 1, maxInstances: 4, invocationsPerInstance: 1000 },
      dataCapture: { samplingPercentage: 100 },
      deploymentGuardrails: {
        strategy: 'canary', canaryPercentage: 10, linearStepPercentage: 25, waitMinutes: 5, terminationWaitMinutes: 10, max5xxErrorsPerMinute: 1, maxModelLatencyMs: 1000,
      },
      driftMonitoring: { schedule: 'rate(1 day)', lookbackHours: 24, psiThreshold: 0.2, ksThreshold: 0.1, instanceType: 'ml.t3.medium' },
      modelMonitor: false,
    });
  });

  test('a real-time staging stage gets none of production\'s extras unless asked', () => {
    expect(resolveEndpoint('e', { type: 'realtime' }, 'staging')).toEqual({
      type: 'realtime', instanceType: 'ml.m5.large', instanceCount: 1,
      autoscaling: false, dataCapture: false, deploymentGuardrails: false, driftMonitoring: false, modelMonitor: false,
    });
  });

  test('release: a 1000 ms budget and no reviewers; emails are de-duplicated', () => {
    expect(release).toEqual({ reviewerEmails: [], maxP95LatencyMs: 1000 });
    expect(resolveRelease('release', { reviewerEmails: ['a@example.com', 'a@example.com', 'b@example.com'] }).reviewerEmails).toEqual(['a@example.com', 'b@example.com']);
  });

  test('each feature can be switched off or tuned', () => {
    const prod = resolveEndpoint('e', {
      type: 'realtime', autoscaling: false, instanceCount: 2, dataCapture: { samplingPercentage: 20 },
      deploymentGuardrails: { strategy: 'linear', linearStepPercentage: 50 }, driftMonitoring: false, modelMonitor: {},
    }, 'prod');
    expect(prod).toMatchObject({
      instanceCount: 2, autoscaling: false, dataCapture: { samplingPercentage: 20 },
      deploymentGuardrails: { strategy: 'linear', linearStepPercentage: 50, canaryPercentage: 10 },
      driftMonitoring: false, modelMonitor: { schedule: 'cron(0 * ? * * *)', instanceType: 'ml.m5.xlarge' },
    });
  });

  test('without data capture, production has no drift check by default', () => {
    expect(resolveEndpoint('e', { type: 'realtime', dataCapture: false }, 'prod')).toMatchObject({ dataCapture: false, driftMonitoring: false });
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
    [{ prod: { type: 'realtime', autoscaling: { minInstances: 3, maxInstances: 2 } } }, /endpoints.prod.autoscaling.minInstances \(3\) is greater than maxInstances \(2\)/],
    [{ prod: { type: 'realtime', autoscaling: { minInstances: 0 } } }, /autoscaling.minInstances must be a whole number in 1..100, got 0/],
    [{ prod: { type: 'realtime', instanceCount: 3 } }, /instanceCount \(3\) differs from autoscaling.minInstances \(1\)/],
    [{ prod: { type: 'realtime', deploymentGuardrails: { canaryPercentage: 0 } } }, /deploymentGuardrails.canaryPercentage must be a whole number in 1..99, got 0/],
    [{ prod: { type: 'realtime', deploymentGuardrails: { canaryPercentage: 100 } } }, /canaryPercentage must be a whole number in 1..99, got 100/],
    [{ prod: { type: 'realtime', deploymentGuardrails: { strategy: 'rolling' } } }, /deploymentGuardrails.strategy must be one of all-at-once, canary, linear, got "rolling"/],
    [{ prod: { type: 'realtime', deploymentGuardrails: { maxModelLatencyMs: 0 } } }, /maxModelLatencyMs must be a latency in milliseconds > 0, got 0/],
    [{ prod: { type: 'realtime', dataCapture: { samplingPercentage: 101 } } }, /endpoints.prod.dataCapture.samplingPercentage must be a percentage 0..100, got 101/],
    [{ prod: { type: 'realtime', dataCapture: { samplingPercentage: -1 } } }, /samplingPercentage must be a percentage 0..100, got -1/],
    [{ prod: { type: 'realtime', dataCapture: false, driftMonitoring: {} } }, /endpoints.prod.driftMonitoring needs captured requests, but endpoints.prod.dataCapture is off/],
    [{ prod: { type: 'realtime', driftMonitoring: { schedule: 'daily' } } }, /endpoints.prod.driftMonitoring.schedule must be an EventBridge Scheduler expression such as rate\(1 day\).*got "daily"/],
    [{ prod: { type: 'realtime', driftMonitoring: { schedule: 'rate(1 days)' } } }, /"rate\(1 days\)" is not a valid rate/],
    [{ prod: { type: 'realtime', driftMonitoring: { schedule: 'cron(0 3 * * *)' } } }, /"cron\(0 3 \* \* \*\)" is not a valid cron expression: it needs 6 fields/],
    [{ prod: { type: 'realtime', driftMonitoring: { schedule: 'cron(0 3 * * * *)' } } }, /exactly one of day-of-month \(3rd field\) and day-of-week \(5th field\) must be '\?'/],
    [{ prod: { type: 'realtime', driftMonitoring: { psiThreshold: 0 } } }, /driftMonitoring.psiThreshold must be a number > 0, got 0/],
    [{ prod: { type: 'realtime', driftMonitoring: { ksThreshold: 2 } } }, /driftMonitoring.ksThreshold must be a number in 0..1, got 2/],
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
    [{ maxP95LatencyMs: 0 }, /release.maxP95LatencyMs must be a latency budget in milliseconds > 0, got 0/],
    [{ maxP95LatencyMs: -10 }, /got -10/],
    [{ reviewerEmails: ['not-an-email'] }, /release.reviewerEmails has "not-an-email", which is not an email address/],
    [{ reviewerEmails: 'a@example.com' }, /release.reviewerEmails must be a list of email addresses/],
  ])('release %j', (release, message) => {
    expect(() => testConfig({ release })).toThrow(message);
  });
});

describe('schedule expressions', () => {
  test.each(['rate(1 day)', 'rate(12 hours)', 'rate(30 minutes)', 'rate(1 minute)', 'cron(0 3 * * ? *)', 'cron(15 10 ? * MON-FRI *)'])('%s is accepted', (expression) => {
    expect(() => checkScheduleExpression('s', expression)).not.toThrow();
  });
  test.each(['rate(0 days)', 'rate(2 day)', 'rate(1 week)', 'at(2026-01-01T00:00:00)', 'cron()', ''])('%j is rejected', (expression) => {
    expect(() => checkScheduleExpression('s', expression)).toThrow(ConfigError);
  });
});

describe('Model Monitor schedules', () => {
  test.each(['cron(0 * ? * * *)', 'cron(0 0 ? * * *)', 'cron(0 23 ? * * *)', 'cron(0 2/6 ? * * *)', 'cron(0 0/24 ? * * *)'])('%s is accepted', (schedule) => {
    const config = testConfig({ endpoints: { prod: { type: 'realtime', modelMonitor: { schedule } } } });
    expect(config.endpoints.prod).toMatchObject({ modelMonitor: { schedule } });
  });
});
