import * as fs from 'node:fs';
import * as path from 'node:path';
import { SageMakerRuntimeClient } from '@aws-sdk/client-sagemaker-runtime';
import { Command, InvalidArgumentError } from 'commander';
import {
  AwsClientOptions,
  CliError,
  DEFAULT_BATCH_SIZE,
  DEFAULT_WARMUP_TIMEOUT_MS,
  EndpointTestReport,
  INVOKED_ENDPOINT_TYPES,
  InvokedEndpointType,
  MAX_INVOKE_BODY_BYTES,
  MAX_MEASURED_REQUESTS,
  MAX_WARMUP_TIMEOUT_MS,
  MIN_MEASURED_REQUESTS,
  PAYLOAD_LABEL_COLUMNS,
  Payload,
  PayloadLabelColumn,
  batchBodyProblem,
  createEndpointTestClient,
  describeQuality,
  readLabelledPayload,
  testEndpoint,
} from '../aws';
import { MAX_P95_LATENCY_MS } from '../config/release-config';
import { describeRange, endpointNameOption, numberOption, outputFileOption } from './option-parsers';
import { awsClientOptions } from './base-program';
import { GlobalOptions, Output } from './output';

/** What `test-endpoint` needs from outside; tests inject a client. */
export interface TestEndpointDeps {
  /**
   * Builds the SageMaker Runtime client from the global `--region` and `--profile`.
   * @default - `createEndpointTestClient(options)` (standard retry mode)
   */
  readonly runtimeClient?: (options: AwsClientOptions) => Promise<SageMakerRuntimeClient>;
  /**
   * The clock latency is measured with, in milliseconds since the epoch.
   * @default - the process's monotonic clock
   */
  readonly now?: () => number;
  /**
   * Waits between warm-up tries.
   * @default - a timer
   */
  readonly sleep?: (ms: number) => Promise<void>;
}

/**
 * How far from `--expected-auc`, either side, the endpoint's AUC over the same rows may be: the endpoint prints
 * each probability as text, evaluate.py scored the model's float32 output in memory, and the
 * option's value is rounded (the synth step passes six decimals).
 */
export const EXPECTED_AUC_TOLERANCE = 0.0001;

interface TestEndpointOptions {
  readonly endpoint: string;
  readonly payload: string;
  readonly maxP95Ms?: number;
  readonly report?: string;
  readonly batchSize?: number;
  readonly endpointType: InvokedEndpointType;
  readonly limit?: number;
  readonly labelColumn: PayloadLabelColumn;
  readonly modelFeatures?: number;
  readonly minAuc?: number;
  readonly expectedAuc?: number;
  readonly requests?: number;
  readonly warmupTimeout?: number;
}

/**
 * `test-endpoint --endpoint <name> --payload <file.csv> [--label-column first (--min-auc <x> | --expected-auc <x>)] [--model-features <n>]
 * [--max-p95-ms <n>] [--requests <n>] [--warmup-timeout <s>] [--report <file>] [--batch-size <n>] [--endpoint-type <type>] [--limit <n>]`:
 * warms the endpoint up (retrying while it is cold), then sends the payload and exits 1 unless every
 * answer is a valid probability per row, the p95 latency is within the budget and the AUC over the
 * payload's labels reaches the minimum: `--min-auc`, or `--expected-auc` (the AUC the model scored
 * on the same rows in the Evaluate step, evaluation.json's `payload.auc`), within EXPECTED_AUC_TOLERANCE.
 * Payload problems are usage errors, found before any request.
 */
export function testEndpointCommand(output: Output, deps: TestEndpointDeps = {}): Command {
  const runtimeClient = deps.runtimeClient ?? createEndpointTestClient;
  return new Command('test-endpoint')
    .description('send a CSV payload to a SageMaker endpoint and fail unless every row gets a probability in [0, 1] within the latency budget')
    .requiredOption('--endpoint <name>', 'the SageMaker endpoint name', endpointNameOption('--endpoint'))
    .requiredOption('--payload <file.csv>', 'header-less CSV rows of numeric features')
    .option('--max-p95-ms <n>', `fail when the p95 latency exceeds this many milliseconds (above 0, at most ${MAX_P95_LATENCY_MS})`, parseMaxP95)
    .option('--report <file>', 'write the report as JSON to this file (parent folders are created; checked before any request)', outputFileOption('--report'))
    .option('--batch-size <n>', `rows per request (default: ${DEFAULT_BATCH_SIZE})`, parseBatchSize)
    .option('--endpoint-type <type>', `${INVOKED_ENDPOINT_TYPES.join(' or ')}: bounds each request's body (${INVOKED_ENDPOINT_TYPES.map((t) => `${t} ${MAX_INVOKE_BODY_BYTES[t] / 1_000_000} MB`).join(', ')})`, parseEndpointType, 'realtime')
    .option('--limit <n>', 'send only the first <n> rows of the payload (a smoke test, e.g. of production)', parseRowLimit)
    .option('--label-column <where>', `${PAYLOAD_LABEL_COLUMNS.join(' or ')}: \`first\` when the first field of each row is its known 0/1 label (the pipeline's test split), not sent`, parseLabelColumn, 'none')
    .option('--model-features <n>', 'the number of features the model takes: fail before any request when the payload\'s rows have another number', parseModelFeatures)
    .option('--min-auc <x>', 'fail when the AUC over the payload\'s labels is below this (0..1; needs --label-column first)', parseMinAuc)
    .option('--expected-auc <x>', `fail when the AUC over the payload's labels is more than ${EXPECTED_AUC_TOLERANCE} from this, the AUC the model scored on the same rows in the Evaluate step (0..1; needs --label-column first; not with --min-auc or --limit)`, parseExpectedAuc)
    .option('--requests <n>', `measured requests, the batches in turn, ${describeRange({ min: MIN_MEASURED_REQUESTS, max: MAX_MEASURED_REQUESTS })} (default: ${MIN_MEASURED_REQUESTS})`, parseRequests)
    .option('--warmup-timeout <seconds>', `how long the warm-up retries a cold endpoint, 0 to ${MAX_WARMUP_TIMEOUT_MS / 1000} (default: ${DEFAULT_WARMUP_TIMEOUT_MS / 1000})`, parseWarmupTimeout)
    .action(async function (this: Command, opts: TestEndpointOptions) {
      for (const [flag, value] of [['--min-auc', opts.minAuc], ['--expected-auc', opts.expectedAuc]] as const) {
        if (value !== undefined && opts.labelColumn !== 'first') {
          this.error(`error: ${flag} needs the rows' known labels: pass --label-column first with a payload whose first column is the label`, { exitCode: 2 });
        }
      }
      if (opts.expectedAuc !== undefined && opts.minAuc !== undefined) {
        this.error('error: --expected-auc and --min-auc both set the lowest AUC allowed: pass one', { exitCode: 2 });
      }
      if (opts.expectedAuc !== undefined && opts.limit !== undefined) {
        this.error(`error: --expected-auc ${opts.expectedAuc} is the AUC over the whole payload, not over its first ${opts.limit} rows (--limit): pass one`, { exitCode: 2 });
      }
      const payload = loadPayload(this, opts);
      const rows = payload.rows.slice(0, opts.limit);
      const labels = payload.labels?.slice(0, opts.limit);
      const tooLarge = batchBodyProblem(rows, opts.batchSize ?? DEFAULT_BATCH_SIZE, opts.endpointType);
      if (tooLarge) {
        this.error(`error: payload ${opts.payload}: ${tooLarge}`, { exitCode: 2, code: 'sagemaker-gitops.invalidPayload' });
      }
      const { json } = this.optsWithGlobals<GlobalOptions>();
      const clientOptions = awsClientOptions(this);
      const client = await runtimeClient(clientOptions);
      try {
        const tested = await testEndpoint(client, {
          endpointName: opts.endpoint,
          rows,
          labels,
          ...qualityMinimum(opts),
          batchSize: opts.batchSize ?? DEFAULT_BATCH_SIZE,
          endpointType: opts.endpointType,
          requests: opts.requests,
          maxP95Ms: opts.maxP95Ms,
          warmupTimeoutMs: opts.warmupTimeout === undefined ? undefined : opts.warmupTimeout * 1000,
          now: deps.now,
          sleep: deps.sleep,
        });
        const report = opts.expectedAuc === undefined ? tested : withExpectedAuc(tested, opts.expectedAuc);
        if (opts.report) {
          writeReport(opts.report, report);
        }
        output.result(json ? report : formatReport(report), json);
        if (!report.passed) {
          throw new CliError(`endpoint ${report.endpointName} failed the test with ${plural(report.failures.length, 'failure')}`);
        }
      } finally {
        client.destroy();
      }
    });
}

/** The lowest AUC allowed, and where it comes from: `--min-auc`, or `--expected-auc` less its tolerance. */
function qualityMinimum(opts: TestEndpointOptions): { minAuc?: number; minAucSource?: string } {
  if (opts.expectedAuc === undefined) {
    return { minAuc: opts.minAuc };
  }
  return {
    minAuc: Math.max(0, opts.expectedAuc - EXPECTED_AUC_TOLERANCE),
    minAucSource: `--expected-auc ${opts.expectedAuc} less ${EXPECTED_AUC_TOLERANCE}: the endpoint must reproduce the AUC the model scored on the same rows in the Evaluate step`,
  };
}

/**
 * The test's report with `--expected-auc`'s other side: the endpoint's AUC may not be more than the
 * tolerance above the evaluated one either (different predictions, so another model answers), and a
 * payload whose labels hold one class has no AUC to compare (the quality is an accuracy).
 */
function withExpectedAuc(report: EndpointTestReport, expected: number): EndpointTestReport {
  const quality = report.quality;
  const reason = quality === null ? undefined
    : quality.metric !== 'auc'
      ? `${describeQuality(quality)}: --expected-auc ${expected} is an AUC, and the payload's labels hold one class`
      : quality.value > expected + EXPECTED_AUC_TOLERANCE
        ? `AUC ${quality.value.toFixed(4)} over ${quality.rows} labelled rows is more than ${EXPECTED_AUC_TOLERANCE} above --expected-auc ${expected}, `
          + 'the AUC the model scored on the same rows in the Evaluate step: the endpoint answers differently, so another model answers'
        : undefined;
  if (reason === undefined) {
    return report;
  }
  const failures = [...report.failures, { batch: null, reason }];
  return { ...report, quality: { ...quality!, passed: false }, failures, passed: false };
}

/** The payload's rows and labels; a missing or malformed payload, or one of another width than the model's, is a usage error (exit 2). */
function loadPayload(command: Command, opts: TestEndpointOptions): Payload {
  try {
    return readLabelledPayload(opts.payload, { labelColumn: opts.labelColumn, modelFeatures: opts.modelFeatures });
  } catch (err) {
    if (err instanceof CliError) {
      command.error(`error: ${err.message}`, { exitCode: 2, code: 'sagemaker-gitops.invalidPayload' });
    }
    throw err;
  }
}


function parseEndpointType(value: string): InvokedEndpointType {
  if (!(INVOKED_ENDPOINT_TYPES as readonly string[]).includes(value)) {
    throw new InvalidArgumentError(`endpoint type must be ${INVOKED_ENDPOINT_TYPES.join(' or ')}, got ${value}`);
  }
  return value as InvokedEndpointType;
}

function parseLabelColumn(value: string): PayloadLabelColumn {
  if (!(PAYLOAD_LABEL_COLUMNS as readonly string[]).includes(value)) {
    throw new InvalidArgumentError(`label column must be ${PAYLOAD_LABEL_COLUMNS.join(' or ')}, got ${value}`);
  }
  return value as PayloadLabelColumn;
}

const parseMaxP95 = numberOption('--max-p95-ms', { min: 0, exclusiveMin: true, max: MAX_P95_LATENCY_MS, unit: 'milliseconds', note: 'a model answers InvokeEndpoint within 60 seconds' });
const parseBatchSize = numberOption('--batch-size', { min: 1, whole: true, unit: 'rows' });
const parseRowLimit = numberOption('--limit', { min: 1, whole: true, unit: 'rows' });
const parseModelFeatures = numberOption('--model-features', { min: 1, whole: true, unit: 'features' });
const parseMinAuc = numberOption('--min-auc', { min: 0, max: 1 });
const parseExpectedAuc = numberOption('--expected-auc', { min: 0, max: 1 });
const parseRequests = numberOption('--requests', {
  min: MIN_MEASURED_REQUESTS, max: MAX_MEASURED_REQUESTS, whole: true, note: 'fewer make the p95 the maximum of a handful; they are sent one after another',
});
const parseWarmupTimeout = numberOption('--warmup-timeout', { min: 0, max: MAX_WARMUP_TIMEOUT_MS / 1000, unit: 'seconds' });

function writeReport(file: string, report: EndpointTestReport): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
}

/** The human summary: counts, latency, then each failure. */
export function formatReport(report: EndpointTestReport): string {
  const { latencyMs } = report;
  const retries = report.warmupTries > report.warmupRequests ? `, ${plural(report.warmupTries, 'try')} while the endpoint was cold` : '';
  const warmup = report.warmupRequests > 0 ? ` (after ${plural(report.warmupRequests, 'warm-up request')}${retries})` : '';
  const budget = report.maxP95Ms === null ? '' : ` (budget p95 <= ${report.maxP95Ms} ms)`;
  const latency = latencyMs.p95 === null
    ? 'latency: no request was answered'
    : `latency: p50 ${latencyMs.p50} ms, p95 ${latencyMs.p95} ms, max ${latencyMs.max} ms${budget}`;
  return [
    `endpoint ${report.endpointName}: ${plural(report.rows, 'row')} in ${plural(report.requests, 'request')}${warmup}, ${plural(report.predictions, 'valid prediction')}`,
    latency,
    ...(report.quality ? [`quality: ${describeQuality(report.quality)}`] : []),
    ...report.failures.map((failure) => `  ${failure.batch === null ? 'endpoint' : `batch ${failure.batch}`}: ${failure.reason}`),
    report.passed ? 'passed' : `failed: ${plural(report.failures.length, 'failure')}`,
  ].join('\n');
}

function plural(count: number, noun: string): string {
  return `${count} ${count === 1 ? noun : noun === 'try' ? 'tries' : `${noun}s`}`;
}
