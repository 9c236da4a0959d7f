import { performance } from 'node:perf_hooks';
import { setTimeout as delay } from 'node:timers/promises';
import { SageMakerRuntimeClient } from '@aws-sdk/client-sagemaker-runtime';
import { CliError } from './errors';
import { InvokedEndpointType, batchBodyProblem } from './endpoint-test-body';
import { invoke } from './endpoint-test-invoke';
import { QualityResult, describeQuality, scorePredictions } from './endpoint-test-quality';
import { DEFAULT_WARMUP_RETRY_INTERVAL_MS, DEFAULT_WARMUP_TIMEOUT_MS, MAX_WARMUP_TIMEOUT_MS, warmUp } from './endpoint-test-warmup';

export { CSV_CONTENT_TYPE, retryableReason } from './endpoint-test-invoke';
export { PAYLOAD_LABEL_COLUMNS, readLabelledPayload, readPayload } from './endpoint-test-payload';
export type { Payload, PayloadLabelColumn, PayloadOptions } from './endpoint-test-payload';
export { PREDICTION_THRESHOLD, describeQuality, scorePredictions } from './endpoint-test-quality';
export type { QualityResult } from './endpoint-test-quality';
export { DEFAULT_WARMUP_RETRY_INTERVAL_MS, DEFAULT_WARMUP_TIMEOUT_MS, MAX_WARMUP_TIMEOUT_MS } from './endpoint-test-warmup';
export { INVOKE_ENDPOINT_TIMEOUT_MS, createEndpointTestClient } from './endpoint-test-client';

/** What to send to the endpoint and what to require of its answers. */
export interface EndpointTestOptions {
  readonly endpointName: string;
  /** Header-less CSV rows of features, one per line. */
  readonly rows: readonly string[];
  /**
   * The known 0/1 label of each row, for `minAuc`.
   * @default - no labels: the answers are checked for shape and range only
   */
  readonly labels?: readonly number[];
  /**
   * The lowest AUC over the labelled rows allowed (the accuracy at 0.5 when the labels hold one class only).
   * @default - not checked
   */
  readonly minAuc?: number;
  /** What `minAuc` is, as its failure names it. @default 'minAuc / --min-auc' */
  readonly minAucSource?: string;
  /**
   * Rows per request.
   * @default 10
   */
  readonly batchSize?: number;
  /** The kind of endpoint, which bounds each request's body (MAX_INVOKE_BODY_BYTES). Default: 'realtime'. */
  readonly endpointType?: InvokedEndpointType;
  /**
   * Measured requests: the batches in turn, again from the first, until this many were sent
   * (and every batch at least once). At least MIN_MEASURED_REQUESTS, so that a p95 means something.
   * @default 20
   */
  readonly requests?: number;
  /**
   * The largest p95 latency allowed, in milliseconds.
   * @default - latency is reported, not checked
   */
  readonly maxP95Ms?: number;
  /**
   * Answered requests needed before measuring (the first batches again): each is retried while
   * the endpoint is cold, for up to `warmupTimeoutMs`; their latency is not counted.
   * @default 1
   */
  readonly warmupRequests?: number;
  /**
   * How long one warm-up request is retried on not-ready, cold-start, 5xx, throttling and timeout errors.
   * @default 300_000 (5 minutes)
   */
  readonly warmupTimeoutMs?: number;
  /** The wait between warm-up tries, in milliseconds. @default 10_000 */
  readonly warmupRetryIntervalMs?: number;
  /**
   * The current time in milliseconds since the epoch.
   * @default - the process's monotonic clock, offset to the epoch
   */
  readonly now?: () => number;
  /**
   * Waits between warm-up tries.
   * @default - a timer
   */
  readonly sleep?: (ms: number) => Promise<void>;
}

/** One thing that went wrong. */
export interface EndpointTestFailure {
  /** The 1-based batch the failed request sent; null for the latency budget and the quality check. */
  readonly batch: number | null;
  readonly reason: string;
}

/** Latency of the measured requests that got an answer, in milliseconds; null when none did. */
export interface LatencySummary {
  readonly p50: number | null;
  readonly p95: number | null;
  readonly max: number | null;
}

/** The outcome of a test, as written to the report file (plain JSON). */
export interface EndpointTestReport {
  readonly endpointName: string;
  /** ISO 8601. */
  readonly startedAt: string;
  readonly rows: number;
  readonly batchSize: number;
  readonly warmupRequests: number;
  /** Warm-up tries, retries included. */
  readonly warmupTries: number;
  /** Measured requests sent. */
  readonly requests: number;
  /** Valid predictions received by the measured requests. */
  readonly predictions: number;
  readonly latencyMs: LatencySummary;
  readonly maxP95Ms: number | null;
  /** The score over the labelled rows, when the payload has labels. */
  readonly quality: QualityResult | null;
  readonly failures: readonly EndpointTestFailure[];
  readonly passed: boolean;
}

/** Rows per request by default. */
export const DEFAULT_BATCH_SIZE = 10;
/** The fewest measured requests: with fewer, the p95 is the maximum of a handful. */
export const MIN_MEASURED_REQUESTS = 20;
/** The most measured requests, sent one after another (a p95 needs a few hundred; 10,000 at a slow model's 60 s take a week). */
export const MAX_MEASURED_REQUESTS = 10_000;

const DEFAULT_WARMUP_REQUESTS = 1;

/**
 * Sends `rows` to a live endpoint in batches of CSV and checks every answer: it parses as CSV or
 * JSON numbers, has one prediction per row sent, and every prediction is a probability in [0, 1].
 * First the warm-up: `warmupRequests` requests, each retried while the endpoint is cold. Then the
 * measured requests (at least 20), whose final SDK attempts are timed; with `maxP95Ms`, the p95
 * latency (nearest rank) must not exceed it. With `labels` and `minAuc`, the AUC of the first
 * answer to each row over the labels must reach `minAuc`. A request the SDK rejects
 * (ModelError, ValidationError, ...) is a failure of its batch; the other batches still run.
 */
export async function testEndpoint(client: SageMakerRuntimeClient, options: EndpointTestOptions): Promise<EndpointTestReport> {
  const batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
  const warmupRequests = options.warmupRequests ?? DEFAULT_WARMUP_REQUESTS;
  const requested = options.requests ?? MIN_MEASURED_REQUESTS;
  checkOptions(options, batchSize, warmupRequests, requested);
  const now = options.now ?? monotonicNow;
  const schedule = {
    timeoutMs: options.warmupTimeoutMs ?? DEFAULT_WARMUP_TIMEOUT_MS,
    retryIntervalMs: options.warmupRetryIntervalMs ?? DEFAULT_WARMUP_RETRY_INTERVAL_MS,
    now,
    sleep: options.sleep ?? ((ms: number) => delay(ms)),
  };
  const startedAt = new Date(now()).toISOString();
  const batches = chunk(options.rows, batchSize);
  const failures: EndpointTestFailure[] = [];

  let warmupTries = 0;
  for (let i = 0; i < warmupRequests; i++) {
    const batch = i % batches.length;
    const result = await warmUp(client, options.endpointName, batches[batch], schedule);
    warmupTries += result.tries;
    if (result.failure) {
      failures.push({ batch: batch + 1, reason: `warm-up request ${i + 1}: ${result.failure}` });
    }
  }

  const latencies: number[] = [];
  const answered = new Map<number, number[]>();
  const failed = new Set<string>();
  let predictions = 0;
  const requests = Math.max(requested, batches.length);
  for (let i = 0; i < requests; i++) {
    const batch = i % batches.length;
    const answer = await invoke(client, options.endpointName, batches[batch], now);
    if (answer.latencyMs !== undefined) {
      latencies.push(answer.latencyMs);
    }
    if (answer.predictions) {
      predictions += answer.predictions.length;
      if (!answered.has(batch)) {
        answered.set(batch, answer.predictions);
      }
    }
    // A batch sent again that fails as before adds nothing: each batch lists each of its failures once.
    if (answer.failure && !failed.has(`${batch}\n${answer.failure}`)) {
      failed.add(`${batch}\n${answer.failure}`);
      failures.push({ batch: batch + 1, reason: i < batches.length ? answer.failure : `request ${i + 1}: ${answer.failure}` });
    }
  }

  failures.push(...latencyFailures(latencies, requests, options.maxP95Ms));
  const quality = options.labels && options.minAuc !== undefined ? score(batches, batchSize, answered, options.labels, options.minAuc) : undefined;
  if (typeof quality === 'string') {
    failures.push({ batch: null, reason: quality });
  } else if (quality && !quality.passed) {
    failures.push({ batch: null, reason: `${describeQuality(quality)} (${options.minAucSource ?? 'minAuc / --min-auc'}): the model answers, but not well enough` });
  }
  return {
    endpointName: options.endpointName,
    startedAt,
    rows: options.rows.length,
    batchSize,
    warmupRequests,
    warmupTries,
    requests,
    predictions,
    latencyMs: summarizeLatency(latencies),
    maxP95Ms: options.maxP95Ms ?? null,
    quality: quality && typeof quality !== 'string' ? quality : null,
    failures,
    passed: failures.length === 0,
  };
}

function checkOptions(options: EndpointTestOptions, batchSize: number, warmupRequests: number, requests: number): void {
  if (options.rows.length === 0) {
    throw new Error('rows must hold at least one CSV row, got none');
  }
  if (!Number.isInteger(batchSize) || batchSize < 1) {
    throw new Error(`batchSize must be a positive integer, got ${batchSize}`);
  }
  if (!Number.isInteger(warmupRequests) || warmupRequests < 0) {
    throw new Error(`warmupRequests must be a non-negative integer, got ${warmupRequests}`);
  }
  if (!Number.isInteger(requests) || requests < MIN_MEASURED_REQUESTS) {
    throw new Error(`requests must be a whole number of at least ${MIN_MEASURED_REQUESTS} (fewer measurements make the p95 the maximum of a handful), got ${requests}`);
  }
  if (options.maxP95Ms !== undefined && !(options.maxP95Ms > 0)) {
    throw new Error(`maxP95Ms must be a positive number of milliseconds, got ${options.maxP95Ms}`);
  }
  const timeout = options.warmupTimeoutMs;
  if (timeout !== undefined && !(Number.isFinite(timeout) && timeout >= 0 && timeout <= MAX_WARMUP_TIMEOUT_MS)) {
    throw new Error(`warmupTimeoutMs must be a number of milliseconds from 0 to ${MAX_WARMUP_TIMEOUT_MS}, got ${timeout}`);
  }
  const interval = options.warmupRetryIntervalMs;
  if (interval !== undefined && !(Number.isFinite(interval) && interval > 0)) {
    throw new Error(`warmupRetryIntervalMs must be a positive number of milliseconds, got ${interval}`);
  }
  if (options.minAuc !== undefined && !(options.minAuc >= 0 && options.minAuc <= 1)) {
    throw new Error(`minAuc must be a number from 0 to 1, got ${options.minAuc}`);
  }
  if (options.minAuc !== undefined && options.labels === undefined) {
    throw new Error('minAuc needs the rows\' known labels (labels, or a payload with a label column), got none');
  }
  if (options.labels !== undefined && options.labels.length !== options.rows.length) {
    throw new Error(`labels must hold one label per row: ${options.rows.length} rows, got ${options.labels.length} labels`);
  }
  const tooLarge = batchBodyProblem(options.rows, batchSize, options.endpointType);
  if (tooLarge) {
    throw new CliError(tooLarge);
  }
}

/** The p95 budget's failure, and the failure of a sample too small for a p95. */
function latencyFailures(latencies: readonly number[], requests: number, maxP95Ms: number | undefined): EndpointTestFailure[] {
  if (maxP95Ms === undefined || latencies.length === 0) {
    return [];
  }
  if (latencies.length < MIN_MEASURED_REQUESTS) {
    return [{ batch: null, reason: `only ${latencies.length} of ${requests} measured requests were answered: the p95 latency needs at least ${MIN_MEASURED_REQUESTS}` }];
  }
  const p95 = nearestRank(latencies, 95);
  return p95 > maxP95Ms ? [{ batch: null, reason: `p95 latency ${round(p95)} ms exceeds the budget of ${maxP95Ms} ms (over ${latencies.length} requests)` }] : [];
}

/** The score of the first valid answer to each batch, or why there is none. */
function score(batches: readonly string[][], batchSize: number, answered: ReadonlyMap<number, number[]>, labels: readonly number[], minAuc: number): QualityResult | string {
  const scores: number[] = [];
  const known: number[] = [];
  for (const [batch, predictions] of answered) {
    scores.push(...predictions);
    known.push(...labels.slice(batch * batchSize, batch * batchSize + batches[batch].length));
  }
  if (known.length === 0) {
    return 'no batch was answered with valid predictions, so the AUC over the labelled rows is unknown';
  }
  return scorePredictions(scores, known, minAuc);
}

/** p50, p95 and max by nearest rank, rounded to 0.1 ms. */
function summarizeLatency(latencies: readonly number[]): LatencySummary {
  if (latencies.length === 0) {
    return { p50: null, p95: null, max: null };
  }
  return { p50: round(nearestRank(latencies, 50)), p95: round(nearestRank(latencies, 95)), max: round(latencies.reduce((a, b) => Math.max(a, b))) };
}

/** The p-th percentile of non-empty `values` by nearest rank: the smallest value with at least p% of the values at or below it. */
export function nearestRank(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(1, Math.ceil((p / 100) * sorted.length)) - 1];
}

function chunk<T>(items: readonly T[], size: number): T[][] {
  const chunks: T[][] = [];
  for (let i = 0; i < items.length; i += size) {
    chunks.push(items.slice(i, i + size));
  }
  return chunks;
}

function round(ms: number): number {
  return Math.round(ms * 10) / 10;
}

function monotonicNow(): number {
  return performance.timeOrigin + performance.now();
}
