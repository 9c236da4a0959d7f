import { checkInteger, checkObject } from './config-checks';
import { ConfigError } from './errors';
import { checkInstanceTypeFor } from './instance-types';
import { checkScheduleExpression } from './schedule-expressions';

/**
 * Batch scoring: a scheduled SageMaker pipeline in the production environment whose Transform
 * step scores a dataset in S3 with the released model version, for teams that need scores in
 * bulk rather than (or besides) an endpoint.
 *
 * The input is what the built-in XGBoost algorithm reads for CSV inference: header-less CSV,
 * one record per line, the model's features in training order (the columns of the model
 * version's `baseline.csv`), no label column. A file with extra columns (an id, the label)
 * names the feature columns with `inputFilter` (such as `$[1:]`), and keeps the others next to
 * the prediction through `joinInputs` and `outputFilter`.
 */
export interface BatchScoringOptions {
  /**
   * The S3 key prefix (or object) of the CSV files to score: `s3://<bucket>/<prefix>`. The job reads every object whose
   * key starts with it (TransformS3DataSource S3Prefix is a key name prefix): end it with `/` to score one folder only.
   */
  readonly inputUri: string;
  /**
   * Where each run writes its results: `<outputUri>/<execution id>/<input file>.out`.
   * @default - the batch-scoring stack's own bucket, under `batch-scoring/`
   */
  readonly outputUri?: string;
  /**
   * When the scoring runs: an EventBridge Scheduler expression (UTC).
   * @default "cron(0 4 * * ? *)" - every day at 04:00 UTC
   */
  readonly schedule?: string;
  /**
   * The transform job's instance type.
   * @default - instanceTypes.transform
   */
  readonly instanceType?: string;
  /**
   * The transform job's instance count (1..100); SageMaker spreads the input files over the instances.
   * @default 1
   */
  readonly instanceCount?: number;
  /**
   * ARN of the KMS key that encrypts the results. The instances' storage volume (on EBS-backed
   * types) is encrypted with the batch-scoring stack's own key either way.
   * @default - the batch-scoring stack's own key
   */
  readonly kmsKeyArn?: string;
  /**
   * ARN of the KMS key the input objects are encrypted with (SSE-KMS with a customer managed key): the job's role may decrypt with it.
   * @default - the input is not encrypted with a customer managed key (SSE-S3, or an AWS managed key)
   */
  readonly inputKmsKeyArn?: string;
  /**
   * Write each input record with its prediction appended (DataProcessing JoinSource `Input`),
   * rather than the prediction alone.
   * @default true
   */
  readonly joinInputs?: boolean;
  /**
   * JSONPath of the columns the model reads, such as `$[1:]` to leave out a leading id or label column.
   * @default "$" - the whole record
   */
  readonly inputFilter?: string;
  /**
   * JSONPath of the columns written out, of the joined record when `joinInputs` (such as `$[0,-1]`: the first input column and the prediction).
   * @default "$" - the whole record
   */
  readonly outputFilter?: string;
  /**
   * The largest request the transform job sends the model, in MB (1..100). The job sets the XGBoost container's
   * `MAX_CONTENT_LENGTH` to as many MiB, since its model server refuses requests over 6 MiB otherwise.
   * @default 6
   */
  readonly maxPayloadInMB?: number;
  /**
   * `MultiRecord` sends as many records per request as fit in `maxPayloadInMB`; `SingleRecord` one each.
   * @default "MultiRecord"
   */
  readonly batchStrategy?: BatchStrategy;
}

export type BatchStrategy = 'MultiRecord' | 'SingleRecord';
export const BATCH_STRATEGIES: readonly BatchStrategy[] = ['MultiRecord', 'SingleRecord'];

/** Batch scoring with every default filled in (`outputUri` and `kmsKeyArn` stay absent for the stack's own bucket and key). */
export interface ResolvedBatchScoring {
  readonly inputUri: string;
  readonly outputUri?: string;
  readonly schedule: string;
  readonly instanceType: string;
  readonly instanceCount: number;
  readonly kmsKeyArn?: string;
  readonly inputKmsKeyArn?: string;
  readonly joinInputs: boolean;
  readonly inputFilter: string;
  readonly outputFilter: string;
  readonly maxPayloadInMB: number;
  readonly batchStrategy: BatchStrategy;
}

export const DEFAULT_BATCH_SCORING_SCHEDULE = 'cron(0 4 * * ? *)';
/** CreateTransformJob: TransformResources.InstanceCount is 1 or more, at most 100. */
export const MAX_TRANSFORM_INSTANCE_COUNT = 100;
/** CreateTransformJob: MaxPayloadInMB is at most 100 MB; 0 (chunked encoding) is not supported by built-in algorithms. */
export const MAX_TRANSFORM_PAYLOAD_MB = 100;
/** DataProcessing: InputFilter and OutputFilter are at most 63 characters. */
export const MAX_DATA_PROCESSING_FILTER_LENGTH = 63;

const KEYS = ['inputUri', 'outputUri', 'schedule', 'instanceType', 'instanceCount', 'kmsKeyArn', 'inputKmsKeyArn', 'joinInputs', 'inputFilter', 'outputFilter', 'maxPayloadInMB', 'batchStrategy'];

/** Where batch scoring runs and which instance type the project sets for transforms. */
export interface BatchScoringContext {
  /** The production environment's region, where the scoring runs. */
  readonly prodRegion: string;
  /** The model registry's region (the build environment's). */
  readonly registryRegion: string;
  /** instanceTypes.transform. */
  readonly transformInstanceType: string;
}

/**
 * Checks `batchScoring` and fills in its defaults; undefined when it is off.
 *
 * @throws ConfigError naming the option, its value and what is allowed
 */
export function resolveBatchScoring(option: string, given: BatchScoringOptions | undefined, context: BatchScoringContext): ResolvedBatchScoring | undefined {
  if (given === undefined) {
    return undefined;
  }
  checkObject(option, given, KEYS);
  if (context.prodRegion !== context.registryRegion) {
    throw new ConfigError(
      `${option} needs the production environment in the model registry's region (${context.registryRegion}): SageMaker creates a model from a model package ` +
      `only in the package's region, and the scoring model is one; environments.prod.region is ${context.prodRegion}`,
    );
  }
  const input = parseS3Uri(`${option}.inputUri`, given.inputUri);
  if (given.outputUri !== undefined) {
    const output = parseS3Uri(`${option}.outputUri`, given.outputUri);
    // Each run writes under <outputUri>/<execution id>, and TransformOutput.S3OutputPath takes at most 1024 characters.
    const longest = S3_URI_MAX_LENGTH - 1 - PIPELINE_EXECUTION_ID_LENGTH;
    if (String(given.outputUri).replace(/\/+$/, '').length > longest) {
      throw new ConfigError(
        `${option}.outputUri is ${String(given.outputUri).replace(/\/+$/, '').length} characters: each run writes under <outputUri>/<execution id> (${PIPELINE_EXECUTION_ID_LENGTH} characters), `
        + `and a transform job's output path takes at most ${S3_URI_MAX_LENGTH}, so outputUri may have at most ${longest}`,
      );
    }
    if (input.bucket === output.bucket && (startsWithPrefix(output.key, input.key) || startsWithPrefix(input.key, output.key))) {
      throw new ConfigError(
        `${option}.outputUri ${given.outputUri} must not be inside ${option}.inputUri ${given.inputUri} (nor contain it): ` +
        'the next run would score the previous results; choose another prefix',
      );
    }
    if (input.bucket === output.bucket && !given.inputUri.endsWith('/') && output.key.startsWith(input.key)) {
      throw new ConfigError(
        `${option}.outputUri ${given.outputUri} starts with the key prefix of ${option}.inputUri ${given.inputUri}: the transform job reads every object ` +
        `whose key starts with "${input.key}" (S3Prefix is a key name prefix, not a folder), so the next run would read the previous results; ` +
        `end inputUri with "/" (${given.inputUri}/) to score that folder only, or choose another output prefix`,
      );
    }
  }
  const schedule = given.schedule ?? DEFAULT_BATCH_SCORING_SCHEDULE;
  checkScheduleExpression(`${option}.schedule`, schedule);
  const instanceType = given.instanceType ?? context.transformInstanceType;
  checkInstanceTypeFor(`${option}.instanceType`, 'transform', instanceType);
  const instanceCount = given.instanceCount ?? 1;
  checkInteger(`${option}.instanceCount`, instanceCount, 1, MAX_TRANSFORM_INSTANCE_COUNT, ' (CreateTransformJob TransformResources.InstanceCount)');
  if (given.kmsKeyArn !== undefined) {
    checkKmsKeyArn(`${option}.kmsKeyArn`, given.kmsKeyArn, context.prodRegion);
  }
  if (given.inputKmsKeyArn !== undefined) {
    checkKmsKeyArn(`${option}.inputKmsKeyArn`, given.inputKmsKeyArn, context.prodRegion);
  }
  const joinInputs = given.joinInputs ?? true;
  if (typeof joinInputs !== 'boolean') {
    throw new ConfigError(`${option}.joinInputs must be true or false, got ${JSON.stringify(joinInputs)}`);
  }
  const inputFilter = given.inputFilter ?? '$';
  checkCsvFilter(`${option}.inputFilter`, inputFilter);
  const outputFilter = given.outputFilter ?? '$';
  checkCsvFilter(`${option}.outputFilter`, outputFilter);
  const outside = filterIndexes(outputFilter).find((index) => index !== 0 && index !== -1);
  if (!joinInputs && outside !== undefined) {
    throw new ConfigError(
      `${option}.outputFilter ${JSON.stringify(outputFilter)} selects column ${outside}, but without joinInputs the output record is the prediction alone ` +
      '(one column for the binary:logistic model); an index outside the record fails the job: use 0 or -1, or set joinInputs: true',
    );
  }
  const maxPayloadInMB = given.maxPayloadInMB ?? 6;
  checkInteger(`${option}.maxPayloadInMB`, maxPayloadInMB, 1, MAX_TRANSFORM_PAYLOAD_MB,
    ' (CreateTransformJob MaxPayloadInMB; 0, chunked encoding, is not supported by the built-in XGBoost algorithm)');
  const batchStrategy = given.batchStrategy ?? 'MultiRecord';
  if (!BATCH_STRATEGIES.includes(batchStrategy)) {
    throw new ConfigError(`${option}.batchStrategy must be one of ${BATCH_STRATEGIES.join(', ')}, got ${JSON.stringify(batchStrategy)}`);
  }
  return {
    inputUri: given.inputUri,
    ...(given.outputUri !== undefined ? { outputUri: given.outputUri } : {}),
    schedule,
    instanceType,
    instanceCount,
    ...(given.kmsKeyArn !== undefined ? { kmsKeyArn: given.kmsKeyArn } : {}),
    ...(given.inputKmsKeyArn !== undefined ? { inputKmsKeyArn: given.inputKmsKeyArn } : {}),
    joinInputs,
    inputFilter,
    outputFilter,
    maxPayloadInMB,
    batchStrategy,
  };
}

/** TransformS3DataSource.S3Uri and TransformOutput.S3OutputPath: at most 1024 characters (SageMaker API Reference). */
const S3_URI_MAX_LENGTH = 1024;
/** A pipeline execution's id, the last part of its ARN (`.../execution/<id>`): 12 lowercase letters and digits. */
const PIPELINE_EXECUTION_ID_LENGTH = 12;

/** An S3 bucket name (S3 user guide "General purpose bucket naming rules"): 3-63 lowercase letters, digits, dots and hyphens, a letter or digit at each end. */
const BUCKET_NAME = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;

/**
 * Splits `s3://<bucket>/<prefix>` (TransformS3DataSource.S3Uri, TransformOutput.S3OutputPath: at most 1024 characters).
 * A prefix is required: the scoring roles may read and write only under it.
 */
export function parseS3Uri(option: string, value: unknown): { bucket: string; key: string } {
  const match = typeof value === 'string' && value.length <= S3_URI_MAX_LENGTH ? /^s3:\/\/([^/]+)\/(.*[^/].*?)\/?$/.exec(value) : null;
  if (!match || !BUCKET_NAME.test(match[1]) || match[1].includes('..') || /^\d+\.\d+\.\d+\.\d+$/.test(match[1])) {
    throw new ConfigError(
      `${option} must be an S3 URI with a key prefix, s3://<bucket>/<prefix> (a bucket name of 3 to 63 lowercase letters, digits, dots or hyphens; ` +
      `at most 1024 characters; the roles get access to that prefix only), got ${JSON.stringify(value)}`,
    );
  }
  return { bucket: match[1], key: match[2] };
}

/** Whether `key` is `prefix` or under it as a folder (`a/b` is under `a`, `ab` is not). */
function startsWithPrefix(key: string, prefix: string): boolean {
  return key === prefix || key.startsWith(`${prefix}/`);
}

const KMS_KEY_ARN = /^arn:aws[a-z-]*:kms:([a-z0-9-]+):(\d{12}):key\/[a-zA-Z0-9-]+$/;

/** A KMS key ARN of the region (a key is regional; the scoring role is granted this key, so an alias cannot do). */
function checkKmsKeyArn(option: string, value: unknown, region: string): void {
  const match = typeof value === 'string' ? KMS_KEY_ARN.exec(value) : null;
  if (!match) {
    throw new ConfigError(`${option} must be a KMS key ARN, arn:aws:kms:<region>:<account>:key/<key id> (not an alias: the role is granted the key), got ${JSON.stringify(value)}`);
  }
  if (match[1] !== region) {
    throw new ConfigError(`${option} is a key of ${match[1]} but batch scoring runs in ${region} (environments.prod.region): KMS keys are regional, use a key of ${region}`);
  }
}

/**
 * The JSONPath forms of CSV columns that batch transform runs as the project (and its local run)
 * reads them ("Associate Prediction Results with Input Records", supported JSONPath operators): `$`,
 * or `$[...]` of column indexes (negative from the end) with at most one open slice `start:`, such
 * as `$[1:]`, `$[0,-1]` or `$[0,5:]`. Two forms are refused: a slice with an end, which that page
 * reads as inclusive ("`$[1:4]` ... the second through fifth columns") where JsonPath ends before
 * it, so the columns sent would be a guess; and several slices in one filter, which batch transform
 * refuses ("only single range filters ... are supported", aws/sagemaker-python-sdk#1112).
 */
const CSV_FILTER = /^\$(\[\s*(-?\d+|\d+\s*:)(\s*,\s*(-?\d+|\d+\s*:))*\s*\])?$/;

export function checkCsvFilter(option: string, value: unknown): void {
  const slices = typeof value === 'string' ? (value.match(/:/g) ?? []).length : 0;
  if (typeof value !== 'string' || value.length > MAX_DATA_PROCESSING_FILTER_LENGTH || !CSV_FILTER.test(value) || slices > 1) {
    throw new ConfigError(
      `${option} must be a JSONPath of CSV columns of at most ${MAX_DATA_PROCESSING_FILTER_LENGTH} characters: "$" (the whole record) or column indexes `
      + `with at most one open slice, such as "$[1:]", "$[0,-1]" or "$[0,5:]" (a CSV record is an array of columns; names like "$.features" select JSON fields only; `
      + 'list the columns of a closed range, "$[1,2,3,4]": SageMaker documents "$[1:4]" as columns 1 to 4 where JsonPath ends at 3), '
      + `got ${JSON.stringify(value)}`,
    );
  }
}

/** The first column each part of a column filter selects: its index, or where its open slice (`5:`) starts. */
function filterIndexes(filter: string): number[] {
  const body = /^\$\[(.*)\]$/.exec(filter.replace(/\s/g, ''))?.[1];
  return body === undefined ? [] : body.split(',').filter((part) => /^-?\d+:?$/.test(part)).map((part) => parseInt(part, 10));
}
