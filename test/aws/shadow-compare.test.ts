import { CloudWatchClient, GetMetricDataCommand, MetricDataResult } from '@aws-sdk/client-cloudwatch';
import { ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import { DescribeEndpointCommand, DescribeEndpointConfigCommand, DescribeModelCommand, SageMakerClient } from '@aws-sdk/client-sagemaker';
import { mockClient } from 'aws-sdk-client-mock';
import { compareShadow } from '../../src/aws/shadow-compare';
import { metricPeriodSeconds, metricQueries, variantMetrics } from '../../src/aws/shadow-metrics';
import { formatShadowEnv, formatShadowReport } from '../../src/aws/shadow-report';
import { CANDIDATE_PACKAGE, GOOD, SHADOW_ENDPOINT_CONFIG, captureWorld, endpointWorld, metricResults } from '../fixtures/shadow/world';

const cw = mockClient(CloudWatchClient);
const s3 = mockClient(S3Client);
const sm = mockClient(SageMakerClient);
const clients = { cloudWatch: new CloudWatchClient({ region: 'eu-west-1' }), s3: new S3Client({ region: 'eu-west-1' }), sageMaker: new SageMakerClient({ region: 'eu-west-1' }) };
// The comparison runs 5 minutes (SHADOW_SETTLE_MINUTES) after the window it reads ends, at 11:00.
const NOW = Date.parse('2026-12-04T11:05:30Z');

const options = {
  endpointName: 'player-churn-prod', productionVariant: 'AllTraffic', shadowVariant: 'Shadow',
  capture: { bucket: 'capture-bucket', prefix: 'data-capture' }, minutes: 120,
  thresholds: { maxLatencyIncreasePercent: 20, maxErrorRate: 0.01, maxPredictionPsi: 0.2, minInvocations: 100 }, now: () => NOW,
};

beforeEach(() => {
  cw.reset();
  s3.reset();
  sm.reset();
  endpointWorld(sm);
});

describe('CloudWatch queries', () => {
  // "Monitor Amazon SageMaker with Amazon CloudWatch": AWS/SageMaker, dimensions EndpointName + VariantName;
  // "Monitor a shadow test" charts Invocations, ModelLatency, Invocation4XXErrors, Invocation5XXErrors and
  // InvocationModelErrors of the shadow variant beside production's.
  test('ask AWS/SageMaker for both variants by EndpointName and VariantName, one period over the window', () => {
    const queries = metricQueries('player-churn-prod', { production: 'AllTraffic', shadow: 'Shadow' }, 3600);
    expect(queries.map((q) => `${q.Id} ${q.MetricStat!.Metric!.MetricName} ${q.MetricStat!.Stat}`)).toEqual([
      'production_inv Invocations Sum', 'production_e4 Invocation4XXErrors Sum', 'production_e5 Invocation5XXErrors Sum',
      'production_me InvocationModelErrors Sum', 'production_p50 ModelLatency p50', 'production_p95 ModelLatency p95',
      'production_avg ModelLatency Average', 'production_n ModelLatency SampleCount', 'production_oh95 OverheadLatency p95',
      'shadow_inv Invocations Sum', 'shadow_e4 Invocation4XXErrors Sum', 'shadow_e5 Invocation5XXErrors Sum',
      'shadow_me InvocationModelErrors Sum', 'shadow_p50 ModelLatency p50', 'shadow_p95 ModelLatency p95',
      'shadow_avg ModelLatency Average', 'shadow_n ModelLatency SampleCount', 'shadow_oh95 OverheadLatency p95',
    ]);
    expect(queries[9].MetricStat!.Metric).toEqual({
      Namespace: 'AWS/SageMaker', MetricName: 'Invocations', Dimensions: [{ Name: 'EndpointName', Value: 'player-churn-prod' }, { Name: 'VariantName', Value: 'Shadow' }],
    });
  });

  // CloudWatch API Reference, MetricStat and GetMetricData, Period: a start time between 15 and 63 days ago needs a multiple
  // of 300 seconds, older a multiple of 3600; the age counts from now, and the query starts one period before the end.
  test('the period is the window in whole minutes, in 5-minute steps when its start is over 15 days ago, in hours over 63', () => {
    const end = new Date('2026-12-04T11:00:00Z');
    const now = end.getTime() + 5 * 60_000;
    const minutesBefore = (minutes: number) => ({ start: new Date(end.getTime() - minutes * 60_000), end });
    expect(metricPeriodSeconds(minutesBefore(61), now)).toBe(3660);
    expect(metricPeriodSeconds(minutesBefore(16 * 24 * 60 + 1), now)).toBe(16 * 24 * 3600 + 300);
    // A window just under 15 days whose start, counted from now (5 minutes later), is over 15 days ago.
    expect(metricPeriodSeconds(minutesBefore(15 * 24 * 60 - 2), now)).toBe(15 * 24 * 3600);
    expect(metricPeriodSeconds(minutesBefore(15 * 24 * 60 - 10), now)).toBe((15 * 24 * 60 - 10) * 60);
    expect(metricPeriodSeconds(minutesBefore(64 * 24 * 60 + 1), now)).toBe(64 * 24 * 3600 + 3600);
  });

  test('counts add up over periods, percentiles take the largest, latencies turn from microseconds into ms', () => {
    const results: MetricDataResult[] = [
      { Id: 'shadow_inv', Values: [100, 50] }, { Id: 'shadow_e4', Values: [1] }, { Id: 'shadow_e5', Values: [2] }, { Id: 'shadow_me', Values: [2] },
      { Id: 'shadow_p95', Values: [12000, 15000] }, { Id: 'shadow_avg', Values: [10000, 4000] }, { Id: 'shadow_n', Values: [100, 50] },
    ];
    expect(variantMetrics(results, 'shadow')).toEqual({
      invocations: 150, invocation4xxErrors: 1, invocation5xxErrors: 2, invocationModelErrors: 2,
      // InvocationModelErrors counts the model's 4XX and 5XX answers too: the larger count, not the sum.
      errors: 3, errorRate: 0.02,
      latencyMs: { p50: null, p95: 15, average: 8 }, overheadLatencyMs: { p95: null },
    });
  });
});

describe('compareShadow', () => {
  test('passes a close shadow, with every number in the report', async () => {
    cw.on(GetMetricDataCommand).resolves({ MetricDataResults: metricResults(GOOD) });
    captureWorld(s3, { production: 'production.jsonl', shadow: 'shadow-close.jsonl' });
    const report = await compareShadow(clients, options);
    expect(report.reasons).toEqual([]);
    expect(report.verdict).toBe('PASS');
    expect(report.window).toEqual({ start: '2026-12-04T09:00:00.000Z', end: '2026-12-04T11:00:00.000Z', minutes: 120, metricPeriodSeconds: 7200 });
    expect(report.endpoint).toEqual({ status: 'InService', instances: { production: 2, shadow: 2 }, shadowDesiredInstances: 2, endpointConfigName: SHADOW_ENDPOINT_CONFIG });
    expect(sm.commandCalls(DescribeEndpointCommand).map((c) => c.args[0].input)).toEqual([{ EndpointName: 'player-churn-prod' }]);
    expect(report.metrics.shadow.latencyMs).toEqual({ p50: 8.4, p95: 22, average: 9.5 });
    expect(report.latency.increasePercent).toEqual({ p50: 5, p95: 10, average: 5.55556 });
    expect(report.predictions).toMatchObject({ pairedRequests: 120, basis: 'paired', captureUri: 's3://capture-bucket/data-capture/player-churn-prod/', files: { production: 1, shadow: 1 } });
    // One GetMetricData call over one period ending at the minute; capture read for the hours 09 and 10 of each variant.
    const input = cw.commandCalls(GetMetricDataCommand)[0].args[0].input;
    expect([input.StartTime, input.EndTime]).toEqual([new Date('2026-12-04T09:00:00Z'), new Date('2026-12-04T11:00:00Z')]);
    expect(s3.commandCalls(ListObjectsV2Command).map((c) => c.args[0].input.Prefix)).toEqual([
      'data-capture/player-churn-prod/AllTraffic/2026/12/04/09/', 'data-capture/player-churn-prod/AllTraffic/2026/12/04/10/',
      'data-capture/player-churn-prod/Shadow/2026/12/04/09/', 'data-capture/player-churn-prod/Shadow/2026/12/04/10/',
    ]);

    expect(formatShadowEnv(report)).toBe([
      'SHADOW_VERDICT=PASS', 'SHADOW_LATENCY_P50_MS=8.4', 'SHADOW_LATENCY_P95_MS=22', 'PROD_LATENCY_P95_MS=20',
      'SHADOW_ERROR_RATE=0.00333333', 'PROD_ERROR_RATE=0.00166667', `SHADOW_PREDICTION_PSI=${report.predictions.psi}`, 'SHADOW_REQUESTS=600', '',
    ].join('\n'));
    const table = formatShadowReport(report);
    expect(table).toMatch(/^model latency p95 ms +20 +22 +\+10%$/m);
    expect(table).toMatch(/^captured requests +120 +120 +120 paired$/m);
    expect(table).toMatch(/^instances now +2 +2 +InService$/m);
    expect(table.split('\n').pop()).toBe('PASS');
  });

  test('fails a drifted shadow and says why', async () => {
    cw.on(GetMetricDataCommand).resolves({ MetricDataResults: metricResults(GOOD) });
    captureWorld(s3, { production: 'production.jsonl', shadow: 'shadow-drifted.jsonl' });
    const report = await compareShadow(clients, options);
    expect(report.verdict).toBe('FAIL');
    expect(report.reasons).toEqual([expect.stringMatching(/^prediction PSI [\d.]+ of the shadow against production is above 0.2/)]);
    expect(formatShadowEnv(report)).toMatch(/^SHADOW_VERDICT=FAIL$/m);
  });

  // The same reason as verify-release's: CloudFormation may report an endpoint update complete after a deployment
  // guardrail rolled it back ("Auto-Rollback Configuration and Monitoring"), leaving an earlier release's shadow in place.
  test('with the candidate given, passes when the shadow serves it and fails when it serves another version', async () => {
    cw.on(GetMetricDataCommand).resolves({ MetricDataResults: metricResults(GOOD) });
    captureWorld(s3, { production: 'production.jsonl', shadow: 'shadow-close.jsonl' });
    const checked = await compareShadow(clients, { ...options, expectedShadowModelPackage: CANDIDATE_PACKAGE });
    expect(checked.passed).toBe(true);
    expect(checked.shadowModel).toEqual({ modelName: 'player-churn-prod-shadow-model', modelPackageArn: CANDIDATE_PACKAGE, expected: CANDIDATE_PACKAGE });
    expect(sm.commandCalls(DescribeEndpointConfigCommand).map((c) => c.args[0].input)).toEqual([{ EndpointConfigName: SHADOW_ENDPOINT_CONFIG }]);
    expect(sm.commandCalls(DescribeModelCommand).map((c) => c.args[0].input)).toEqual([{ ModelName: 'player-churn-prod-shadow-model' }]);

    const stale = CANDIDATE_PACKAGE.replace(/\/8$/, '/6');
    endpointWorld(sm, {}, stale);
    const report = await compareShadow(clients, { ...options, expectedShadowModelPackage: CANDIDATE_PACKAGE });
    expect(report.verdict).toBe('FAIL');
    expect(report.reasons).toEqual([
      `the shadow variant Shadow of player-churn-prod serves the model player-churn-prod-shadow-model of ${stale}, not the candidate ${CANDIDATE_PACKAGE}: `
      + 'the shadow phase\'s deploy did not take effect (SageMaker kept or restored the previous endpoint configuration, as after a deployment guardrail\'s rollback), '
      + 'so its numbers are not the candidate\'s',
    ]);
    // Without the candidate, the shadow's model is not read.
    sm.resetHistory();
    await compareShadow(clients, options);
    expect(sm.commandCalls(DescribeModelCommand)).toHaveLength(0);
  });

  // UpdateEndpoint API Reference (RetainAllVariantProperties) and "Update endpoints that use auto scaling": an update that
  // retains variant properties keeps the instance count of a variant the endpoint already has under that name, so a
  // shadow left in place by an earlier release keeps its count; the comparison would be of another fleet. The count an
  // update keeps is the variant's DesiredInstanceCount (CurrentInstanceCount may lag while an instance is replaced).
  test('with the configured count given, passes when the shadow is set to run it and fails, saying how to end it, when it is not', async () => {
    cw.on(GetMetricDataCommand).resolves({ MetricDataResults: metricResults(GOOD) });
    captureWorld(s3, { production: 'production.jsonl', shadow: 'shadow-close.jsonl' });
    expect((await compareShadow(clients, { ...options, expectedShadowInstances: 2 })).passed).toBe(true);
    // One instance being replaced: the desired count is still the configured one.
    endpointWorld(sm, { ShadowProductionVariants: [{ VariantName: 'Shadow', CurrentInstanceCount: 1, DesiredInstanceCount: 2 }] });
    expect((await compareShadow(clients, { ...options, expectedShadowInstances: 2 })).passed).toBe(true);
    endpointWorld(sm);
    const report = await compareShadow(clients, { ...options, expectedShadowInstances: 4 });
    expect(report.verdict).toBe('FAIL');
    expect(report.endpoint).toMatchObject({ instances: { production: 2, shadow: 2 }, shadowDesiredInstances: 2 });
    expect(report.reasons).toEqual([
      'the shadow variant Shadow of player-churn-prod runs 2 instance(s), not the 4 configured (endpoints.prod.shadow.instanceCount). '
      + 'When production autoscales, its endpoint is updated with RetainAllVariantProperties, which keeps the instance count of a variant the endpoint '
      + 'already has, such as a shadow left in place by an earlier release whose comparison failed or whose approval was rejected; every shadow phase '
      + 'fails so until that shadow is gone. Release once with endpoints.prod.shadow off (the production deploy removes the shadow variant), '
      + 'or set endpoints.prod.shadow.instanceCount back to 2',
    ]);
    // Without the configured count, the count is only reported.
    expect((await compareShadow(clients, options)).passed).toBe(true);
  });

  test('fails when the shadow variant has no captured answers', async () => {
    cw.on(GetMetricDataCommand).resolves({ MetricDataResults: metricResults(GOOD) });
    captureWorld(s3, { production: 'production.jsonl' });
    const report = await compareShadow(clients, options);
    expect(report.reasons).toEqual([expect.stringMatching(/^no captured answer of the shadow variant Shadow under s3:\/\/capture-bucket\/data-capture\/player-churn-prod\/Shadow\//)]);
  });

  test('a missing capture bucket names --capture-uri', async () => {
    cw.on(GetMetricDataCommand).resolves({ MetricDataResults: metricResults(GOOD) });
    s3.on(ListObjectsV2Command).rejects(Object.assign(new Error('The specified bucket does not exist'), { name: 'NoSuchBucket' }));
    await expect(compareShadow(clients, options)).rejects.toThrow(/^the capture bucket capture-bucket does not exist \(--capture-uri\)/);
  });
});

/**
 * DescribeEndpoint API reference: ProductionVariants and ShadowProductionVariants ("the shadow variants hosted
 * on the endpoint", each a ProductionVariantSummary). The comparison reads neither CloudWatch nor S3 for an
 * endpoint that does not serve both variants: a shadow missing from the endpoint is an error that says so,
 * not a window with no invocations.
 */
describe('the endpoint must serve both variants', () => {
  test.each([
    [{ ShadowProductionVariants: undefined, EndpointStatus: 'InService' as const },
      /^the endpoint player-churn-prod \(InService\) serves no shadow variant Shadow \(--shadow-variant\); its shadow variants: none\. The shadow phase's deploy must add it/],
    [{ ShadowProductionVariants: [{ VariantName: 'Candidate' }], EndpointStatus: 'Updating' as const },
      /^the endpoint player-churn-prod \(Updating\) serves no shadow variant Shadow \(--shadow-variant\); its shadow variants: Candidate\./],
    [{ ProductionVariants: [{ VariantName: 'Blue' }, { VariantName: 'Green' }] },
      /^the endpoint player-churn-prod has no production variant AllTraffic \(--production-variant\); its production variants: Blue, Green$/],
  ])('%#: %j', async (endpoint, message) => {
    endpointWorld(sm, endpoint);
    await expect(compareShadow(clients, options)).rejects.toThrow(message);
    expect(cw.commandCalls(GetMetricDataCommand)).toHaveLength(0);
    expect(s3.commandCalls(ListObjectsV2Command)).toHaveLength(0);
  });

  test('an endpoint that does not exist names --endpoint and the region', async () => {
    sm.on(DescribeEndpointCommand).rejects(Object.assign(new Error('Could not find endpoint "player-churn-prod".'), { name: 'ValidationException' }));
    await expect(compareShadow(clients, options)).rejects.toThrow(/^the endpoint player-churn-prod does not exist in eu-west-1 \(--endpoint, --region\): nothing to compare$/);
  });

  test('other DescribeEndpoint errors are not hidden', async () => {
    sm.on(DescribeEndpointCommand).rejects(Object.assign(new Error('User is not authorized to perform: sagemaker:DescribeEndpoint'), { name: 'AccessDeniedException' }));
    await expect(compareShadow(clients, options)).rejects.toThrow(/not authorized to perform: sagemaker:DescribeEndpoint/);
  });
});
