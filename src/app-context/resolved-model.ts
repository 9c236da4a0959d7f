import * as fs from 'node:fs';
import { ConfigError, missingFile } from '../config/errors';

import { PLACEHOLDER_MODEL_CONTEXT, RESOLVED_MODEL_FILE } from './model-context';

export { PLACEHOLDER_MODEL_CONTEXT, RESOLVED_MODEL_FILE };

/** The model version a model-deploy run deploys: the newest `Approved` package of the group. */
/** The file under a version's `baselineDataUri`: preprocess.py's baseline, its header the model's inputs in order. */
export const BASELINE_FILE_NAME = 'baseline.csv';

export interface ResolvedModel {
  /** The model package group. */
  readonly modelPackageGroupName: string;
  /** ARN of the model package (version). */
  readonly modelPackageArn: string;
  /** The version number in the group (1, 2, ...). */
  readonly version: number;
  /** Always `Approved` for a resolved model. */
  readonly approvalStatus: 'Approved';
  /** When the version was registered (ISO 8601). */
  readonly creationTime: string;
  /** The approver's comment, if any. */
  readonly approvalDescription?: string;
  /** The test AUC the model-build pipeline recorded, if any. */
  readonly auc?: number;
  /** The inference image of the package's first container. */
  readonly imageUri?: string;
  /** The S3 URI of the model artifact (model.tar.gz). */
  readonly modelDataUrl?: string;
  /** The training baseline (CSV with header) that the drift check compares captured inputs with: a folder holding BASELINE_FILE_NAME. */
  readonly baselineDataUri?: string;
  /** Model Monitor's data-quality statistics of the training baseline (statistics.json), when model-build suggested them. */
  readonly dataQualityStatisticsUri?: string;
  /** Model Monitor's suggested data-quality constraints (constraints.json), when model-build suggested them. */
  readonly dataQualityConstraintsUri?: string;
  /** The KMS key that encrypts the model artifact and the baseline. */
  readonly artifactKmsKeyArn?: string;
  /** True only for the placeholder of a local synth: never deployable. */
  readonly placeholder?: boolean;
}

const MODEL_PACKAGE_ARN = /^arn:aws[a-z-]*:sagemaker:[a-z0-9-]+:\d{12}:model-package\/[a-zA-Z0-9-]{1,63}\/\d+$/;

/**
 * Reads and checks a resolved-model file. Every problem is a ConfigError naming the file and the
 * field, so a broken synth step says what to fix.
 */
export function readResolvedModel(file: string): ResolvedModel {
  const data = readJsonFile(file, () =>
    `no resolved model: ${file} does not exist. The model-deploy pipeline writes it with ` +
    '`npx sagemaker-gitops resolve-model --group <group> --out ' + RESOLVED_MODEL_FILE + '`; for a local synth without AWS, ' +
    `pass -c ${PLACEHOLDER_MODEL_CONTEXT}=true`);
  return checkResolvedModel(data, file);
}

/** The JSON in `file`: a missing file is a ConfigError with `missing()`'s message (marked as a missing file), bad JSON one naming the file. */
function readJsonFile(file: string, missing: () => string): unknown {
  if (!fs.existsSync(file)) {
    throw missingFile(new ConfigError(missing()), file);
  }
  try {
    return JSON.parse(fs.readFileSync(file, 'utf-8'));
  } catch (err) {
    throw new ConfigError(`${file} is not valid JSON: ${(err as Error).message}`);
  }
}

/** Checks the shape of a resolved model (from a file or from the registry). */
export function checkResolvedModel(data: unknown, origin: string): ResolvedModel {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    throw new ConfigError(`${origin} must hold a JSON object, got ${JSON.stringify(data)}`);
  }
  const model = data as Record<string, unknown>;
  const field = (name: string, ok: (v: unknown) => boolean, allowed: string, optional = false) => {
    const value = model[name];
    if (value === undefined && optional) {
      return;
    }
    if (!ok(value)) {
      throw new ConfigError(`${origin}: ${name} must be ${allowed}, got ${JSON.stringify(value)}`);
    }
  };
  const isString = (v: unknown) => typeof v === 'string' && v.length > 0;
  field('modelPackageGroupName', isString, 'the model package group name');
  field('modelPackageArn', (v) => typeof v === 'string' && MODEL_PACKAGE_ARN.test(v), 'a model package ARN (arn:aws:sagemaker:<region>:<account>:model-package/<group>/<version>)');
  field('version', (v) => Number.isInteger(v) && (v as number) >= 1, 'a version number >= 1');
  field('approvalStatus', (v) => v === 'Approved', '"Approved"');
  field('creationTime', (v) => typeof v === 'string' && !Number.isNaN(Date.parse(v)), 'an ISO 8601 time');
  field('approvalDescription', (v) => typeof v === 'string', 'a string', true);
  field('auc', (v) => typeof v === 'number' && v >= 0 && v <= 1, 'a number in 0..1', true);
  field('imageUri', isString, 'an image URI', true);
  field('modelDataUrl', (v) => typeof v === 'string' && v.startsWith('s3://'), 'an s3:// URI', true);
  field('baselineDataUri', (v) => typeof v === 'string' && v.startsWith('s3://'), 'an s3:// URI', true);
  field('dataQualityStatisticsUri', (v) => typeof v === 'string' && v.startsWith('s3://'), 'an s3:// URI', true);
  field('dataQualityConstraintsUri', (v) => typeof v === 'string' && v.startsWith('s3://'), 'an s3:// URI', true);
  field('artifactKmsKeyArn', (v) => typeof v === 'string' && /^arn:aws[a-z-]*:kms:/.test(v), 'a KMS key ARN', true);
  field('placeholder', (v) => typeof v === 'boolean', 'true or false', true);
  const arn = model.modelPackageArn as string;
  const [groupInArn, versionInArn] = arn.split('/').slice(1);
  if (groupInArn.toLowerCase() !== (model.modelPackageGroupName as string).toLowerCase() || Number(versionInArn) !== model.version) {
    throw new ConfigError(`${origin}: modelPackageArn ${arn} is not version ${model.version} of the group ${model.modelPackageGroupName}`);
  }
  return model as unknown as ResolvedModel;
}

/** The stand-in of a local synth: never deployable, and named so in every template it reaches. */
export function placeholderModel(groupName: string, region: string): ResolvedModel {
  return {
    modelPackageGroupName: groupName,
    modelPackageArn: `arn:aws:sagemaker:${region}:000000000000:model-package/${groupName.toLowerCase()}/1`,
    version: 1,
    approvalStatus: 'Approved',
    creationTime: '1970-01-01T00:00:00.000Z',
    approvalDescription: 'PLACEHOLDER for a local synth: resolve a model with `sagemaker-gitops resolve-model`',
    modelDataUrl: 's3://placeholder-model-artifacts/model/model.tar.gz',
    baselineDataUri: 's3://placeholder-model-artifacts/baseline',
    dataQualityStatisticsUri: 's3://placeholder-model-artifacts/monitoring_output/statistics.json',
    dataQualityConstraintsUri: 's3://placeholder-model-artifacts/monitoring_output/constraints.json',
    artifactKmsKeyArn: `arn:aws:kms:${region}:000000000000:key/00000000-0000-0000-0000-000000000000`,
    placeholder: true,
  };
}

/** Where resolve-model writes, with `--live-endpoint`, the version the production endpoint serves (a shadow release's synth reads it). */
export const LIVE_MODEL_FILE = 'live-model.json';

/**
 * What the production endpoint serves before a release: its live version (`model`, which stays the
 * production variant while the candidate runs in shadow), or, when it serves none yet, why (`none`:
 * the first release, which has no shadow phase).
 */
export interface LiveModel {
  readonly endpointName: string;
  readonly model?: ResolvedModel;
  /** The live package's approval status now, when it is no longer `Approved` (it stays live until the release replaces it). */
  readonly approvalStatusNow?: string;
  readonly none?: string;
}

/** Reads and checks a live-model file (a ConfigError naming the file and field on any problem). */
export function readLiveModel(file: string): LiveModel {
  const data = readJsonFile(file, () =>
    `no live model: ${file} does not exist. A shadow release's synth step writes it with ` +
    '`npx sagemaker-gitops resolve-model --group <group> --live-endpoint <production endpoint> --live-out ' + LIVE_MODEL_FILE + '`');
  return checkLiveModel(data, file);
}

/** Checks a live model: exactly one of `model` (a resolved model) and `none` (a reason). */
export function checkLiveModel(data: unknown, origin: string): LiveModel {
  const live = (typeof data === 'object' && data !== null && !Array.isArray(data) ? data : undefined) as Record<string, unknown> | undefined;
  if (!live || typeof live.endpointName !== 'string' || live.endpointName === '') {
    throw new ConfigError(`${origin} must hold an object with the production endpoint's name (endpointName), got ${JSON.stringify(data)}`);
  }
  if ((live.model === undefined) === (live.none === undefined) || (live.none !== undefined && (typeof live.none !== 'string' || live.none === ''))) {
    throw new ConfigError(`${origin} must name either the live model (model) or why there is none (none: a sentence), got ${JSON.stringify(data)}`);
  }
  if (live.model !== undefined) {
    checkResolvedModel(live.model, `${origin} (model)`);
  }
  return live as unknown as LiveModel;
}
