import * as fs from 'node:fs';
import * as path from 'node:path';
import { SageMakerRuntimeClient } from '@aws-sdk/client-sagemaker-runtime';
import { Command, InvalidArgumentError } from 'commander';
import { AwsClientOptions, CliError, DEFAULT_BATCH_SIZE, EndpointTestReport, createAwsClient, readPayload, testEndpoint } from '../aws';
import { GlobalOptions, Output } from './output';

/** What `test-endpoint` needs from outside; tests inject a client. */
export interface TestEndpointDeps {
  /**
   * Builds the SageMaker Runtime client from the global `--region` and `--profile`.
   * @default - `createAwsClient(SageMakerRuntimeClient, options)`
   */
  readonly runtimeClient?: (options: AwsClientOptions) => Promise<SageMakerRuntimeClient>;
  /**
   * The clock latency is measured with, in milliseconds since the epoch.
   * @default - the process's monotonic clock
   */
  readonly now?: () => number;
}

/** SageMaker's pattern for endpoint names. */
export const ENDPOINT_NAME_PATTERN = /^[a-zA-Z0-9](-*[a-zA-Z0-9]){0,62}$/;

interface TestEndpointOptions {
  readonly endpoint: string;
  readonly payload: string;
  readonly maxP95Ms?: number;
  readonly report?: string;
  readonly batchSize?: number;
  readonly limit?: number;
}

/**
 * `test-endpoint --endpoint <name> --payload <file.csv> [--max-p95-ms <n>] [--report <file>] [--batch-size <n>] [--limit <n>]`:
 * sends the payload to a live endpoint and exits 1 unless every answer is a valid probability per
 * row and the p95 latency is within the budget. Payload problems are usage errors, found before any request.
 */
export function testEndpointCommand(output: Output, deps: TestEndpointDeps = {}): Command {
  const runtimeClient = deps.runtimeClient ?? ((options: AwsClientOptions) => createAwsClient(SageMakerRuntimeClient, options));
  return new Command('test-endpoint')
    .description('send a CSV payload to a SageMaker endpoint and fail unless every row gets a probability in [0, 1] within the latency budget')
    .requiredOption('--endpoint <name>', 'the SageMaker endpoint name', parseEndpointName)
    .requiredOption('--payload <file.csv>', 'header-less CSV rows of numeric features')
    .option('--max-p95-ms <n>', 'fail when the p95 latency exceeds this many milliseconds', positiveNumber)
    .option('--report <file>', 'write the report as JSON to this file (parent folders are created)')
    .option('--batch-size <n>', `rows per request (default: ${DEFAULT_BATCH_SIZE})`, positiveInteger)
    .option('--limit <n>', 'send only the first <n> rows of the payload (a smoke test, e.g. of production)', positiveRowCount)
    .action(async function (this: Command, opts: TestEndpointOptions) {
      const rows = loadPayload(this, opts.payload).slice(0, opts.limit);
      const { json, region, profile } = this.optsWithGlobals<GlobalOptions & AwsClientOptions>();
      const client = await runtimeClient({ region, profile });
      try {
        const report = await testEndpoint(client, {
          endpointName: opts.endpoint,
          rows,
          batchSize: opts.batchSize ?? DEFAULT_BATCH_SIZE,
          maxP95Ms: opts.maxP95Ms,
          now: deps.now,
        });
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

/** The payload's rows; a missing or malformed payload is a usage error (exit 2). */
function loadPayload(command: Command, file: string): string[] {
  try {
    return readPayload(file);
  } catch (err) {
    if (err instanceof CliError) {
      command.error(`error: ${err.message}`, { exitCode: 2, code: 'sagemaker-gitops.invalidPayload' });
    }
    throw err;
  }
}

function parseEndpointName(value: string): string {
  if (!ENDPOINT_NAME_PATTERN.test(value)) {
    throw new InvalidArgumentError(`endpoint name must be 1 to 63 letters, digits and hyphens, starting and ending with a letter or digit (${ENDPOINT_NAME_PATTERN.source}), got ${value}`);
  }
  return value;
}

function positiveNumber(value: string): number {
  const number = Number(value);
  if (value.trim() === '' || !Number.isFinite(number) || number <= 0) {
    throw new InvalidArgumentError(`max p95 latency must be a positive number of milliseconds, got ${value}`);
  }
  return number;
}

function positiveInteger(value: string): number {
  const number = Number(value);
  if (value.trim() === '' || !Number.isInteger(number) || number <= 0) {
    throw new InvalidArgumentError(`batch size must be a positive whole number of rows, got ${value}`);
  }
  return number;
}

function positiveRowCount(value: string): number {
  const number = Number(value);
  if (value.trim() === '' || !Number.isInteger(number) || number <= 0) {
    throw new InvalidArgumentError(`limit must be a positive whole number of rows, got ${value}`);
  }
  return number;
}

function writeReport(file: string, report: EndpointTestReport): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
}

/** The human summary: counts, latency, then each failure. */
export function formatReport(report: EndpointTestReport): string {
  const { latencyMs } = report;
  const warmup = report.warmupRequests > 0 ? ` (after ${plural(report.warmupRequests, 'warm-up request')})` : '';
  const budget = report.maxP95Ms === null ? '' : ` (budget p95 <= ${report.maxP95Ms} ms)`;
  const latency = latencyMs.p95 === null
    ? 'latency: no request was answered'
    : `latency: p50 ${latencyMs.p50} ms, p95 ${latencyMs.p95} ms, max ${latencyMs.max} ms${budget}`;
  return [
    `endpoint ${report.endpointName}: ${plural(report.rows, 'row')} in ${plural(report.requests, 'request')}${warmup}, ${plural(report.predictions, 'valid prediction')}`,
    latency,
    ...report.failures.map((failure) => `  ${failure.batch === null ? 'latency' : `batch ${failure.batch}`}: ${failure.reason}`),
    report.passed ? 'passed' : `failed: ${plural(report.failures.length, 'failure')}`,
  ].join('\n');
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
