import * as fs from 'node:fs';
import * as path from 'node:path';
import { CloudWatchClient } from '@aws-sdk/client-cloudwatch';
import { S3Client } from '@aws-sdk/client-s3';
import { SageMakerClient } from '@aws-sdk/client-sagemaker';
import { Command, InvalidArgumentError } from 'commander';
import { AwsClientOptions, CliError, createAwsClient } from '../aws';
import { parseModelPackageVersionArn } from '../aws/model-approval';
import { ShadowReport, compareShadow } from '../aws/shadow-compare';
import { formatShadowEnv, formatShadowReport } from '../aws/shadow-report';
import { DEFAULT_MIN_INVOCATIONS } from '../aws/shadow-verdict';
import { awsClientOptions } from './base-program';
import {
  MAX_SHADOW_MINUTES, S3Location, SHADOW_OPTION_RANGES, parseCaptureUri, parseMaxErrorRate, parseMaxLatencyIncrease, parseMaxPredictionPsi, parseMinInvocations, parseMinutes, parseShadowInstances,
  parseVariantName,
} from './compare-shadow-options';
import { describeRange, endpointNameOption, outputFileOption } from './option-parsers';
import { GlobalOptions, Output } from './output';
import { SHADOW_SETTLE_MINUTES } from '../config/shadow-config';

/** What `compare-shadow` needs from outside; tests inject clients and the clock. */
export interface CompareShadowDeps {
  /**
   * Builds the CloudWatch client from the global `--region`, `--profile` and `--request-timeout`.
   * @default - `createAwsClient(CloudWatchClient, options)`
   */
  readonly cloudWatchClient?: (options: AwsClientOptions) => Promise<CloudWatchClient>;
  /**
   * Builds the S3 client from the global options.
   * @default - `createAwsClient(S3Client, options)`
   */
  readonly s3Client?: (options: AwsClientOptions) => Promise<S3Client>;
  /**
   * Builds the SageMaker client (DescribeEndpoint: does the endpoint serve both variants?) from the global options.
   * @default - `createAwsClient(SageMakerClient, options)`
   */
  readonly sageMakerClient?: (options: AwsClientOptions) => Promise<SageMakerClient>;
  /**
   * The current time in milliseconds (the window ends at its minute).
   * @default Date.now
   */
  readonly now?: () => number;
}

interface CompareShadowOptions {
  readonly endpoint: string;
  readonly productionVariant: string;
  readonly shadowVariant: string;
  readonly captureUri: S3Location;
  readonly minutes: number;
  readonly maxLatencyIncreasePercent: number;
  readonly maxErrorRate: number;
  readonly maxPredictionPsi: number;
  readonly minInvocations: number;
  readonly out: string;
  readonly variablesFile?: string;
  readonly shadowModelPackage?: string;
  readonly shadowInstances?: number;
}

/**
 * `compare-shadow --endpoint <name> --production-variant <name> --shadow-variant <name> --capture-uri <s3 uri>
 * --minutes <n> --max-latency-increase-percent <x> --max-error-rate <y> --max-prediction-psi <z> --out <report.json>
 * [--variables-file <path>] [--min-invocations <n>]`: compares the shadow variant with production over the
 * last minutes, writes the report (and the env file) whatever the verdict, and exits 1 unless it passed.
 */
export function compareShadowCommand(output: Output, deps: CompareShadowDeps = {}): Command {
  const cloudWatchClient = deps.cloudWatchClient ?? ((options: AwsClientOptions) => createAwsClient(CloudWatchClient, options));
  const s3Client = deps.s3Client ?? ((options: AwsClientOptions) => createAwsClient(S3Client, options));
  const sageMakerClient = deps.sageMakerClient ?? ((options: AwsClientOptions) => createAwsClient(SageMakerClient, options));
  return new Command('compare-shadow')
    .description('compare a shadow variant with production over the last minutes (latency, error rate, prediction PSI) and fail unless it stays within the thresholds')
    .requiredOption('--endpoint <name>', 'the SageMaker endpoint with the shadow variant', endpointNameOption('--endpoint'))
    .requiredOption('--production-variant <name>', 'the endpoint\'s production variant', parseVariantName('--production-variant'))
    .requiredOption('--shadow-variant <name>', 'the endpoint\'s shadow variant', parseVariantName('--shadow-variant'))
    .requiredOption('--capture-uri <s3-uri>', 'the endpoint\'s data capture location (DataCaptureConfig DestinationS3Uri); <uri>/<endpoint>/<variant>/yyyy/mm/dd/hh/*.jsonl are read', parseCaptureUri)
    .requiredOption('--minutes <n>', `the window: <n> minutes (1 to ${MAX_SHADOW_MINUTES}) that ended ${SHADOW_SETTLE_MINUTES} minutes ago, when their captured data has reached S3`, parseMinutes)
    .requiredOption('--max-latency-increase-percent <x>', `fail when the shadow's p50 or p95 ModelLatency exceeds production's by more than <x> percent (${describeRange(SHADOW_OPTION_RANGES.maxLatencyIncreasePercent)})`, parseMaxLatencyIncrease)
    .requiredOption('--max-error-rate <y>', `fail when the shadow's errors / invocations exceed production's by more than <y> (${describeRange(SHADOW_OPTION_RANGES.maxErrorRate)})`, parseMaxErrorRate)
    .requiredOption('--max-prediction-psi <z>', `fail when the population stability index of the shadow's predictions against production's exceeds <z> (${describeRange(SHADOW_OPTION_RANGES.maxPredictionPsi)})`, parseMaxPredictionPsi)
    .option('--shadow-model-package <arn>', 'fail unless the shadow variant\'s model was created from this model package version (the release\'s candidate)', parseShadowModelPackage)
    .option('--shadow-instances <n>', `fail unless the shadow variant runs this many instances (the configured endpoints.prod.shadow.instanceCount, ${describeRange(SHADOW_OPTION_RANGES.shadowInstances)})`, parseShadowInstances)
    .requiredOption('--out <report.json>', 'write the report (every number, the verdict, the reasons) to this file (parent folders are created)', outputFileOption('--out'))
    .option('--variables-file <path>', 'also write SHADOW_VERDICT=..., SHADOW_LATENCY_P95_MS=... lines for a CodeBuild step to export as pipeline variables', outputFileOption('--variables-file'))
    .option('--min-invocations <n>', `fail when either variant has fewer invocations or captured predictions in the window (${describeRange(SHADOW_OPTION_RANGES.minInvocations)})`, parseMinInvocations, DEFAULT_MIN_INVOCATIONS)
    .action(async function (this: Command, opts: CompareShadowOptions) {
      if (opts.variablesFile !== undefined && path.resolve(opts.variablesFile) === path.resolve(opts.out)) {
        this.error(`error: --out and --variables-file name the same file (${opts.out}): the variables would overwrite the report`, { exitCode: 2 });
      }
      if (opts.productionVariant === opts.shadowVariant) {
        this.error(`error: --shadow-variant must differ from --production-variant (both are ${opts.shadowVariant}): a shadow variant is compared with the endpoint's production variant`, { exitCode: 2 });
      }
      const { json } = this.optsWithGlobals<GlobalOptions>();
      const options = awsClientOptions(this);
      const cloudWatch = await cloudWatchClient(options);
      const s3 = await s3Client(options);
      const sageMaker = await sageMakerClient(options);
      try {
        const report = await compareShadow({ cloudWatch, s3, sageMaker }, {
          endpointName: opts.endpoint,
          productionVariant: opts.productionVariant,
          shadowVariant: opts.shadowVariant,
          capture: opts.captureUri,
          minutes: opts.minutes,
          ...(opts.shadowModelPackage ? { expectedShadowModelPackage: opts.shadowModelPackage } : {}),
          ...(opts.shadowInstances !== undefined ? { expectedShadowInstances: opts.shadowInstances } : {}),
          thresholds: {
            maxLatencyIncreasePercent: opts.maxLatencyIncreasePercent,
            maxErrorRate: opts.maxErrorRate,
            maxPredictionPsi: opts.maxPredictionPsi,
            minInvocations: opts.minInvocations,
          },
          now: deps.now,
        });
        writeFile(opts.out, `${JSON.stringify(report, null, 2)}\n`);
        if (opts.variablesFile) {
          writeFile(opts.variablesFile, formatShadowEnv(report));
        }
        output.result(json ? report : formatShadowReport(report), json);
        if (!report.passed) {
          throw new CliError(failureMessage(report));
        }
      } finally {
        cloudWatch.destroy();
        s3.destroy();
        sageMaker.destroy();
      }
    });
}

/** `shadow <variant> of <endpoint> failed the comparison: <reason>; <reason>` */
function failureMessage(report: ShadowReport): string {
  return `shadow ${report.shadowVariant} of ${report.endpointName} failed the comparison: ${report.reasons.join('; ')}`;
}


function writeFile(file: string, text: string): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
}

/** `--shadow-model-package`: a model package version ARN. */
function parseShadowModelPackage(value: string): string {
  if (!parseModelPackageVersionArn(value)) {
    throw new InvalidArgumentError(`--shadow-model-package must be a model package version ARN (arn:<partition>:sagemaker:<region>:<account>:model-package/<group>/<version>), got ${value}`);
  }
  return value;
}
