import * as fs from 'node:fs';
import { performance } from 'node:perf_hooks';
import { TextDecoder } from 'node:util';
import { InvokeEndpointCommand, InvokeEndpointCommandOutput, SageMakerRuntimeClient } from '@aws-sdk/client-sagemaker-runtime';
import { CliError } from './errors';

/** What to send to the endpoint and what to require of its answers. */
export interface EndpointTestOptions {
  readonly endpointName: string;
  /** Header-less CSV rows of features, one per line. */
  readonly rows: readonly string[];
  /**
   * Rows per request.
   * @default 10
   */
  readonly batchSize?: number;
  /**
   * The largest p95 latency allowed, in milliseconds.
   * @default - latency is reported, not checked
   */
  readonly maxP95Ms?: number;
  /**
   * Requests sent before measuring (the first batches again): their answers are checked, their latency is not counted.
   * @default 1
   */
  readonly warmupRequests?: number;
  /**
   * The current time in milliseconds since the epoch.
   * @default - the process's monotonic clock, offset to the epoch
   */
  readonly now?: () => number;
}

/** One thing that went wrong. */
export interface EndpointTestFailure {
  /** The 1-based batch the failed request sent; null for the latency budget. */
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
  /** Measured requests: one per batch. */
  readonly requests: number;
  /** Valid predictions received by the measured requests. */
  readonly predictions: number;
  readonly latencyMs: LatencySummary;
  readonly maxP95Ms: number | null;
  readonly failures: readonly EndpointTestFailure[];
  readonly passed: boolean;
}

/** The content type XGBoost takes and returns. */
export const CSV_CONTENT_TYPE = 'text/csv';

/** Rows per request by default. */
export const DEFAULT_BATCH_SIZE = 10;

const DEFAULT_WARMUP_REQUESTS = 1;

/** A decimal number as CSV writers print it: no hex, no `Infinity`, no blanks. */
const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

/** What some serving containers print for values that are not finite. */
const NON_FINITE: Readonly<Record<string, number>> = { 'nan': NaN, 'inf': Infinity, '+inf': Infinity, '-inf': -Infinity, 'infinity': Infinity, '-infinity': -Infinity };

/** How much of an unparseable answer a failure quotes. */
const QUOTE_CHARS = 80;

/** How many bad values one failure lists. */
const LISTED_VALUES = 3;

interface Answer {
  /** Undefined when the SDK threw: no answer to time. */
  readonly latencyMs?: number;
  readonly predictions: number;
  readonly failure?: string;
}

/**
 * Sends `rows` to a live endpoint in batches of CSV and checks every answer: it parses as CSV or
 * JSON numbers, has one prediction per row sent, and every prediction is a probability in [0, 1].
 * With `maxP95Ms`, the p95 latency (nearest rank) of the measured requests must not exceed it.
 * A request the SDK rejects (ModelError, ValidationError, ...) is a failure of its batch; the
 * other batches still run. Latency counts only requests the endpoint answered.
 */
export async function testEndpoint(client: SageMakerRuntimeClient, options: EndpointTestOptions): Promise<EndpointTestReport> {
  const batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
  const warmupRequests = options.warmupRequests ?? DEFAULT_WARMUP_REQUESTS;
  checkOptions(options, batchSize, warmupRequests);
  const now = options.now ?? monotonicNow;
  const startedAt = new Date(now()).toISOString();
  const batches = chunk(options.rows, batchSize);
  const failures: EndpointTestFailure[] = [];

  for (let i = 0; i < warmupRequests; i++) {
    const batch = i % batches.length;
    const answer = await invoke(client, options.endpointName, batches[batch], now);
    if (answer.failure) {
      failures.push({ batch: batch + 1, reason: `warm-up request ${i + 1}: ${answer.failure}` });
    }
  }

  const latencies: number[] = [];
  let predictions = 0;
  for (const [batch, rows] of batches.entries()) {
    const answer = await invoke(client, options.endpointName, rows, now);
    if (answer.latencyMs !== undefined) {
      latencies.push(answer.latencyMs);
    }
    predictions += answer.predictions;
    if (answer.failure) {
      failures.push({ batch: batch + 1, reason: answer.failure });
    }
  }

  const latencyMs = summarizeLatency(latencies);
  if (options.maxP95Ms !== undefined && latencies.length > 0 && nearestRank(latencies, 95) > options.maxP95Ms) {
    failures.push({ batch: null, reason: `p95 latency ${latencyMs.p95} ms exceeds the budget of ${options.maxP95Ms} ms (over ${latencies.length} ${latencies.length === 1 ? 'request' : 'requests'})` });
  }
  return {
    endpointName: options.endpointName,
    startedAt,
    rows: options.rows.length,
    batchSize,
    warmupRequests,
    requests: batches.length,
    predictions,
    latencyMs,
    maxP95Ms: options.maxP95Ms ?? null,
    failures,
    passed: failures.length === 0,
  };
}

function checkOptions(options: EndpointTestOptions, batchSize: number, warmupRequests: number): void {
  if (options.rows.length === 0) {
    throw new Error('rows must hold at least one CSV row, got none');
  }
  if (!Number.isInteger(batchSize) || batchSize < 1) {
    throw new Error(`batchSize must be a positive integer, got ${batchSize}`);
  }
  if (!Number.isInteger(warmupRequests) || warmupRequests < 0) {
    throw new Error(`warmupRequests must be a non-negative integer, got ${warmupRequests}`);
  }
  if (options.maxP95Ms !== undefined && !(options.maxP95Ms > 0)) {
    throw new Error(`maxP95Ms must be a positive number of milliseconds, got ${options.maxP95Ms}`);
  }
}

/** One request: its latency, its valid predictions, and what was wrong with it. */
async function invoke(client: SageMakerRuntimeClient, endpointName: string, rows: readonly string[], now: () => number): Promise<Answer> {
  const command = new InvokeEndpointCommand({
    EndpointName: endpointName,
    ContentType: CSV_CONTENT_TYPE,
    Accept: CSV_CONTENT_TYPE,
    Body: rows.join('\n'),
  });
  const start = now();
  let response: InvokeEndpointCommandOutput;
  try {
    response = await client.send(command);
  } catch (err) {
    return { predictions: 0, failure: describeError(err) };
  }
  const latencyMs = now() - start;
  const parsed = parsePredictions(response.Body, response.ContentType);
  if (typeof parsed === 'string') {
    return { latencyMs, predictions: 0, failure: parsed };
  }
  const failure = checkPredictions(parsed, rows.length);
  return { latencyMs, predictions: failure ? 0 : parsed.length, ...(failure ? { failure } : {}) };
}

/** The predictions in an answer, or why it could not be read. */
function parsePredictions(body: Uint8Array | undefined, contentType?: string): number[] | string {
  const text = body ? new TextDecoder('utf-8').decode(body).trim() : '';
  if (text === '') {
    return 'the endpoint answered with an empty body';
  }
  const json = /json/i.test(contentType ?? '') || text.startsWith('{') || text.startsWith('[');
  return json ? parseJsonPredictions(text) : parseCsvPredictions(text);
}

/** XGBoost's CSV: one value per line, or values separated by commas. */
function parseCsvPredictions(text: string): number[] | string {
  const values: number[] = [];
  for (const [i, raw] of text.split(/\r?\n|,/).entries()) {
    const token = raw.trim();
    const value = NUMBER.test(token) ? Number(token) : NON_FINITE[token.toLowerCase()];
    if (value === undefined) {
      return `prediction ${i + 1} is ${token === '' ? 'empty' : `"${quote(token)}"`}, not a number; the answer should be CSV numbers or JSON, got: ${quote(text)}`;
    }
    values.push(value);
  }
  return values;
}

/** `[0.1, ...]` or `{"predictions": [{"score": 0.1}, ...]}` (a bare number in `predictions` is also taken). */
function parseJsonPredictions(text: string): number[] | string {
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch {
    return `the answer is not valid JSON: ${quote(text)}`;
  }
  const list = Array.isArray(document) ? document : (document as { predictions?: unknown } | null)?.predictions;
  if (!Array.isArray(list)) {
    return `the JSON answer is neither an array of numbers nor {"predictions": [{"score": ...}]}: ${quote(text)}`;
  }
  const values: number[] = [];
  for (const [i, item] of list.entries()) {
    const value = typeof item === 'object' && item !== null ? (item as { score?: unknown }).score : item;
    if (typeof value !== 'number') {
      return `prediction ${i + 1} of the JSON answer is ${quote(JSON.stringify(item) ?? String(item))}, not a number or {"score": <number>}`;
    }
    values.push(value);
  }
  return values;
}

/** Why the predictions for `rowsSent` rows are wrong, or undefined when they are right. */
function checkPredictions(values: readonly number[], rowsSent: number): string | undefined {
  if (values.length !== rowsSent) {
    return `sent ${rowsSent} rows, got ${values.length} predictions`;
  }
  const bad = values
    .map((value, i) => ({ value, i }))
    .filter(({ value }) => !(Number.isFinite(value) && value >= 0 && value <= 1));
  if (bad.length === 0) {
    return undefined;
  }
  const listed = bad.slice(0, LISTED_VALUES).map(({ value, i }) => `prediction ${i + 1} is ${value}`).join(', ');
  const more = bad.length > LISTED_VALUES ? ` and ${bad.length - LISTED_VALUES} more` : '';
  return `${listed}${more}: a probability must be a finite number in [0, 1]`;
}

/** `ModelError (status 500): <message>`, with the model's log stream when SageMaker names it. */
function describeError(err: unknown): string {
  const { name, message, OriginalStatusCode, OriginalMessage, LogStreamArn, $metadata } = (typeof err === 'object' && err !== null ? err : {}) as {
    name?: string;
    message?: string;
    OriginalStatusCode?: number;
    OriginalMessage?: string;
    LogStreamArn?: string;
    $metadata?: { httpStatusCode?: number };
  };
  const status = OriginalStatusCode ?? $metadata?.httpStatusCode;
  const detail = message || OriginalMessage || String(err);
  const logs = LogStreamArn ? ` (logs: ${LogStreamArn})` : '';
  return `${name ?? 'Error'}${status !== undefined ? ` (status ${status})` : ''}: ${detail}${logs}`;
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

/**
 * Reads a CSV payload for `testEndpoint`: header-less rows of numeric features, every row with the
 * same number of fields. Blank lines are skipped.
 *
 * @returns the non-blank lines, trimmed
 * @throws CliError naming the file, and the line and what it found when a line is wrong
 */
export function readPayload(file: string): string[] {
  const text = readText(file);
  const lines = text.split(/\r?\n/).map((line, i) => ({ number: i + 1, line: line.trim() })).filter(({ line }) => line !== '');
  if (lines.length === 0) {
    throw new CliError(`payload ${file} is empty; it needs header-less CSV rows of numeric features`);
  }
  const fields = lines[0].line.split(',').length;
  for (const { number, line } of lines) {
    const values = line.split(',').map((value) => value.trim());
    const bad = values.findIndex((value) => !NUMBER.test(value));
    if (number === lines[0].number && !values.some((value) => NUMBER.test(value))) {
      throw new CliError(`payload ${file} line ${number} is not numeric (found "${quote(line)}"); if it is a header, remove it: the endpoint takes header-less CSV`);
    }
    if (values.length !== fields) {
      throw new CliError(`payload ${file} line ${number} has ${values.length} fields, line ${lines[0].number} has ${fields}; every row needs the same number of comma-separated fields`);
    }
    if (bad >= 0) {
      const found = values[bad] === '' ? 'an empty field' : `"${quote(values[bad])}"`;
      throw new CliError(`payload ${file} line ${number} field ${bad + 1} is not a number (found ${found}); every field must be numeric`);
    }
  }
  return lines.map(({ line }) => line);
}

function readText(file: string): string {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch {
    throw new CliError(`payload file ${file} does not exist`);
  }
  if (!stat.isFile()) {
    throw new CliError(`payload ${file} is not a file`);
  }
  return fs.readFileSync(file, 'utf-8').replace(/^\uFEFF/, '');
}

function chunk<T>(items: readonly T[], size: number): T[][] {
  const chunks: T[][] = [];
  for (let i = 0; i < items.length; i += size) {
    chunks.push(items.slice(i, i + size));
  }
  return chunks;
}

function quote(text: string): string {
  return text.length > QUOTE_CHARS ? `${text.slice(0, QUOTE_CHARS)}...` : text;
}

function round(ms: number): number {
  return Math.round(ms * 10) / 10;
}

function monotonicNow(): number {
  return performance.timeOrigin + performance.now();
}
