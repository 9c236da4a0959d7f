import * as fs from 'node:fs';
import * as path from 'node:path';
import { captureHourFolders, endpointCapturePrefix, readVariantCapture } from '../../src/aws/shadow-capture';
import { VariantMetrics } from '../../src/aws/shadow-metrics';
import { binCounts, comparePredictions, pairAnswers, populationStabilityIndex } from '../../src/aws/shadow-stats';
import { shadowVerdict } from '../../src/aws/shadow-verdict';

/**
 * The fixtures are JSON Lines as SageMaker data capture writes them ("Capture data from real-time endpoint":
 * captureData.endpointInput / endpointOutput with observedContentType, mode, data, encoding; eventMetadata with
 * eventId, inferenceId when the caller passed InvokeEndpoint's InferenceId, inferenceTime; eventVersion "0").
 * "Create a shadow test": data capture logs both the production and the shadow variant's requests and responses.
 */
const FIXTURES = path.join(__dirname, '..', 'fixtures', 'shadow');
const lines = (file: string) => fs.readFileSync(path.join(FIXTURES, file), 'utf-8').split('\n');
const WINDOW = { start: new Date('2026-12-04T09:00:00Z'), end: new Date('2026-12-04T11:00:00Z') };
const THRESHOLDS = { maxLatencyIncreasePercent: 20, maxErrorRate: 0.01, maxPredictionPsi: 0.2, minInvocations: 100 };

describe('readVariantCapture', () => {
  test('reads each record\'s predictions and its pairing key (inferenceId before eventId)', () => {
    const capture = readVariantCapture(lines('production.jsonl'), WINDOW);
    expect(capture.answers).toHaveLength(120);
    expect(capture.answers[0]).toEqual({ key: 'req-0000', keyKind: 'inferenceId', predictions: [0.175222] });
    expect(capture.unreadable).toBe(0);
  });

  test('decodes BASE64 and JSON outputs and multi-row answers; counts records outside the window and unreadable ones', () => {
    const capture = readVariantCapture(lines('edge-cases.jsonl'), WINDOW);
    expect(capture.answers).toEqual([
      { key: 'edge-1', keyKind: 'inferenceId', predictions: [0.25] },
      { key: 'edge-2', keyKind: 'inferenceId', predictions: [0.1, 0.9] },
      { key: 'e5', keyKind: 'eventId', predictions: [0.75] },
    ]);
    // edge-3 was captured at 08:59:59, before the window (its hour folder is not even read, the check is the time).
    expect(capture.outsideWindow).toBe(1);
    // The input-only record (CaptureMode Input) and the line that is not JSON.
    expect(capture.unreadable).toBe(2);
    expect(capture.firstUnreadable).toMatch(/no captureData.endpointOutput.data/);
  });
});

describe('capture locations', () => {
  test('hour folders yyyy/mm/dd/hh/ in UTC overlapping the window', () => {
    expect(captureHourFolders({ start: new Date('2026-12-31T23:30:00Z'), end: new Date('2027-01-01T01:00:00Z') }))
      .toEqual(['2026/12/31/23/', '2027/01/01/00/']);
  });

  test('<DestinationS3Uri>/<endpoint-name>/, whether or not the URI already names the endpoint', () => {
    expect(endpointCapturePrefix('data-capture', 'player-churn-prod')).toBe('data-capture/player-churn-prod/');
    expect(endpointCapturePrefix('data-capture/player-churn-prod/', 'player-churn-prod')).toBe('data-capture/player-churn-prod/');
    expect(endpointCapturePrefix('', 'player-churn-prod')).toBe('player-churn-prod/');
  });
});

describe('population stability index', () => {
  test('is 0 for the same distribution and grows with a shift, over fixed bins of [0, 1]', () => {
    const values = Array.from({ length: 100 }, (_, i) => i / 100);
    expect(populationStabilityIndex(values, values)).toBe(0);
    expect(binCounts([0, 0.05, 0.1, 0.99, 1])).toEqual([2, 1, 0, 0, 0, 0, 0, 0, 0, 2]);
    const shifted = values.map((v) => Math.min(1, v + 0.3));
    expect(populationStabilityIndex(values, shifted)).toBeGreaterThan(1);
  });

  test('matches a hand computation: half the predictions move from the first bin to the last', () => {
    // expected shares [1, 0, ...] (floored at 1e-4), actual [0.5, 0, ..., 0.5]
    const psi = populationStabilityIndex([0.01, 0.02], [0.01, 0.99]);
    const byHand = (0.5 - 1) * Math.log(0.5 / 1) + (0.5 - 1e-4) * Math.log(0.5 / 1e-4);
    expect(psi).toBeCloseTo(byHand, 10);
  });
});

describe('comparePredictions', () => {
  const production = readVariantCapture(lines('production.jsonl'), WINDOW);

  test('pairs the same requests by inferenceId and finds a close shadow stable', () => {
    const result = comparePredictions(production, readVariantCapture(lines('shadow-close.jsonl'), WINDOW), 100);
    expect(result.pairedRequests).toBe(120);
    expect(result.pairedBy).toBe('inferenceId');
    expect(result.basis).toBe('paired');
    expect(result.psi).toBeLessThan(0.05);
    expect(Math.abs(result.meanDifference!)).toBeLessThan(0.01);
    expect(result.pairedMeanAbsDifference).toBeLessThanOrEqual(0.02);
    expect(result.production.bins.reduce((a, b) => a + b, 0)).toBe(120);
  });

  test('finds a shifted shadow unstable', () => {
    const result = comparePredictions(production, readVariantCapture(lines('shadow-drifted.jsonl'), WINDOW), 100);
    expect(result.psi).toBeGreaterThan(0.2);
    expect(result.meanDifference).toBeGreaterThan(0.3);
  });

  test('without a shared key (each variant\'s own eventId), compares all captured predictions unpaired and says so', () => {
    const withoutInferenceId = (file: string) => lines(file).map((line) => line.replace(/,"inferenceId":"[^"]+"/, ''));
    const result = comparePredictions(readVariantCapture(withoutInferenceId('production.jsonl')), readVariantCapture(withoutInferenceId('shadow-close.jsonl')), 100);
    expect(result.pairedRequests).toBe(0);
    expect(result.pairedBy).toBeNull();
    expect(result.basis).toBe('all-captured');
    expect(result.production.predictions).toBe(120);
    expect(result.psi).toBeLessThan(0.05);
  });

  test('pairAnswers takes a request of more predictions than a call may take arguments', () => {
    // InvokeEndpoint takes a payload of up to 6 MB (SageMaker API Reference): one CSV request can hold 300,000 rows.
    const many = Array.from({ length: 300_000 }, (_, i) => (i % 100) / 100);
    const paired = pairAnswers([{ key: 'a', keyKind: 'inferenceId', predictions: many }], [{ key: 'a', keyKind: 'inferenceId', predictions: many }]);
    expect([paired.requests, paired.production.length, paired.shadow.length, paired.shadow[299_999]]).toEqual([1, 300_000, 300_000, 0.99]);
  });

  test('pairAnswers skips requests answered with another number of predictions', () => {
    const paired = pairAnswers(
      [{ key: 'a', keyKind: 'inferenceId', predictions: [0.1] }, { key: 'b', keyKind: 'inferenceId', predictions: [0.2, 0.3] }],
      [{ key: 'a', keyKind: 'inferenceId', predictions: [0.15] }, { key: 'b', keyKind: 'inferenceId', predictions: [0.2] }],
    );
    expect(paired).toEqual({ requests: 1, production: [0.1], shadow: [0.15], pairedBy: 'inferenceId' });
  });
});

function metrics(overrides: Partial<VariantMetrics> = {}, latency: Partial<VariantMetrics['latencyMs']> = {}): VariantMetrics {
  return {
    invocations: 500, invocation4xxErrors: 0, invocation5xxErrors: 0, invocationModelErrors: 0, errors: 0, errorRate: 0,
    latencyMs: { p50: 10, p95: 20, average: 12, ...latency }, overheadLatencyMs: { p95: 3 }, ...overrides,
  };
}

describe('shadowVerdict', () => {
  const production = readVariantCapture(lines('production.jsonl'), WINDOW);
  const predictions = comparePredictions(production, readVariantCapture(lines('shadow-close.jsonl'), WINDOW), 100);
  const evidence = (m: { production: VariantMetrics; shadow: VariantMetrics }, p = predictions) => ({
    minutes: 60, variants: { production: 'AllTraffic', shadow: 'Shadow' }, metrics: m, predictions: p, shadowCaptureUri: 's3://b/dc/ep/Shadow/',
  });

  test('passes when every comparison is within its threshold', () => {
    const verdict = shadowVerdict(evidence({ production: metrics(), shadow: metrics({}, { p50: 11, p95: 23 }) }), THRESHOLDS);
    expect(verdict).toEqual({ latency: { compared: 'percentiles', increasePercent: { p50: 10, p95: 15, average: 0 } }, passed: true, reasons: [] });
  });

  test('fails with the numbers when the shadow is slower, errs more or predicts otherwise', () => {
    const drifted = comparePredictions(production, readVariantCapture(lines('shadow-drifted.jsonl'), WINDOW), 100);
    const verdict = shadowVerdict(evidence({ production: metrics(), shadow: metrics({ errors: 10, errorRate: 0.02 }, { p95: 30 }) }, drifted), THRESHOLDS);
    expect(verdict.passed).toBe(false);
    expect(verdict.reasons).toEqual([
      'p95 model latency of the shadow 30 ms is 50% above production\'s 20 ms (at most 20% allowed)',
      'error rate 0.02 of the shadow (10 errors in 500 invocations) is 0.02 above production\'s 0 on the same requests (at most 0.01 more allowed)',
      expect.stringMatching(/^prediction PSI \d+(\.\d+)? of the shadow against production is above 0.2 \(120 paired requests; mean difference 0\.\d+\)$/),
    ]);
  });

  // Both variants answer the same requests ("Shadow variants", SageMaker Developer Guide): errors production has
  // as well, such as a caller's malformed requests (Invocation4XXErrors), are not the candidate's.
  test('the error rate counts against production\'s: as many errors as production pass, more than the allowance fail', () => {
    const rates = (production: number, shadow: number) => shadowVerdict(evidence({
      production: metrics({ errors: production * 500, errorRate: production }), shadow: metrics({ errors: shadow * 500, errorRate: shadow }),
    }), THRESHOLDS).reasons.filter((reason) => reason.startsWith('error rate'));
    expect(rates(0.03, 0.03)).toEqual([]);
    expect(rates(0.03, 0.04)).toEqual([]);
    expect(rates(0.03, 0.05)).toEqual(['error rate 0.05 of the shadow (25 errors in 500 invocations) is 0.02 above production\'s 0.03 on the same requests (at most 0.01 more allowed)']);
  });

  test('a window with too few invocations fails rather than passing on no data', () => {
    const verdict = shadowVerdict(evidence({ production: metrics({ invocations: 40 }), shadow: metrics({ invocations: 0 }) }), THRESHOLDS);
    expect(verdict.reasons).toEqual([
      'too few invocations: the production variant AllTraffic had 40 in the last 60 minutes, at least 100 are needed (--min-invocations)',
      'too few invocations: the shadow variant Shadow had 0 in the last 60 minutes, at least 100 are needed (--min-invocations)',
    ]);
  });

  test('fails when capture holds no answer of the shadow, naming where it looked', () => {
    const noShadow = comparePredictions(production, readVariantCapture([]), 100);
    const verdict = shadowVerdict(evidence({ production: metrics(), shadow: metrics() }, noShadow), THRESHOLDS);
    expect(verdict.reasons).toEqual([expect.stringMatching(/^no captured answer of the shadow variant Shadow under s3:\/\/b\/dc\/ep\/Shadow\/ in the last 60 minutes \(production has 120\)/)]);
  });

  test('compares the averages when CloudWatch returned no ModelLatency percentile', () => {
    const none = { p50: null, p95: null };
    const verdict = shadowVerdict(evidence({ production: metrics({}, { ...none, average: 10 }), shadow: metrics({}, { ...none, average: 13 }) }), THRESHOLDS);
    expect(verdict.latency.compared).toBe('average');
    expect(verdict.reasons).toEqual(['average model latency of the shadow 13 ms is 30% above production\'s 10 ms (at most 20% allowed)']);
  });
});
