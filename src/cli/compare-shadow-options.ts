import { InvalidArgumentError } from 'commander';
import { MAX_MIN_INVOCATIONS } from '../config/shadow-config';
import { NumberRange, numberOption } from './option-parsers';

/**
 * Commander parsers of `compare-shadow`'s options: each names the option, the value and what is
 * allowed (a usage error, exit 2, before any AWS call).
 */

/** ProductionVariant.VariantName and ShadowModelVariantName (SageMaker API reference): at most 63 characters. */
export const VARIANT_NAME_PATTERN = /^[a-zA-Z0-9]([-a-zA-Z0-9]*[a-zA-Z0-9])?$/;

/** The longest window: 30 days, the longest shadow test SageMaker runs ("Create a shadow test"). */
export const MAX_SHADOW_MINUTES = 30 * 24 * 60;

/** An S3 bucket name (S3 user guide "General purpose bucket naming rules"). */
const BUCKET_NAME = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;

/** The capture location `s3://<bucket>[/<prefix>]`: DataCaptureConfig.DestinationS3Uri, at most 512 characters. */
export interface S3Location {
  readonly bucket: string;
  /** The key prefix without a trailing slash; may be empty. */
  readonly prefix: string;
}

export function parseVariantName(option: string): (value: string) => string {
  return (value) => {
    if (value.length > 63 || !VARIANT_NAME_PATTERN.test(value)) {
      throw new InvalidArgumentError(`${option} must be a variant name of 1 to 63 letters, digits and hyphens, starting and ending with a letter or digit (${VARIANT_NAME_PATTERN.source}), got ${value}`);
    }
    return value;
  };
}

export function parseCaptureUri(value: string): S3Location {
  const match = value.length <= 512 ? /^s3:\/\/([^/]+)(?:\/(.*))?$/.exec(value) : null;
  const bucket = match?.[1] ?? '';
  if (!match || !BUCKET_NAME.test(bucket) || bucket.includes('..') || /^\d+\.\d+\.\d+\.\d+$/.test(bucket)) {
    throw new InvalidArgumentError(
      `--capture-uri must be the endpoint's data capture location s3://<bucket>[/<prefix>] (DataCaptureConfig DestinationS3Uri, at most 512 characters; ` +
      `a bucket name of 3 to 63 lowercase letters, digits, dots or hyphens), got ${value}`,
    );
  }
  return { bucket, prefix: (match[2] ?? '').replace(/\/+$/, '') };
}

/** The ranges of compare-shadow's numeric options, shown in its help. */
export const SHADOW_OPTION_RANGES = {
  minutes: { min: 1, max: MAX_SHADOW_MINUTES, whole: true, unit: 'minutes' },
  maxLatencyIncreasePercent: { min: 0, max: 10_000, note: 'percent' },
  maxErrorRate: { min: 0, max: 1, note: 'errors / invocations' },
  maxPredictionPsi: { min: 0, exclusiveMin: true, max: 100, note: 'a population stability index' },
  minInvocations: { min: 1, max: MAX_MIN_INVOCATIONS, whole: true, unit: 'invocations' },
  /** The shadow variant's configured instance count: the limits of `endpoints.prod.shadow.instanceCount`. */
  shadowInstances: { min: 1, max: 100, whole: true, unit: 'instances' },
} as const satisfies Record<string, NumberRange>;

export const parseMinutes = numberOption('--minutes', SHADOW_OPTION_RANGES.minutes);
export const parseMaxLatencyIncrease = numberOption('--max-latency-increase-percent', SHADOW_OPTION_RANGES.maxLatencyIncreasePercent);
export const parseMaxErrorRate = numberOption('--max-error-rate', SHADOW_OPTION_RANGES.maxErrorRate);
export const parseMaxPredictionPsi = numberOption('--max-prediction-psi', SHADOW_OPTION_RANGES.maxPredictionPsi);
export const parseMinInvocations = numberOption('--min-invocations', SHADOW_OPTION_RANGES.minInvocations);
export const parseShadowInstances = numberOption('--shadow-instances', SHADOW_OPTION_RANGES.shadowInstances);
