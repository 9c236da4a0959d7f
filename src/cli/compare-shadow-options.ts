import { InvalidArgumentError } from 'commander';

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

/** A whole number in min..max. */
export function wholeNumber(option: string, min: number, max: number, unit: string): (value: string) => number {
  return (value) => {
    const number = Number(value);
    if (!/^\s*\d+\s*$/.test(value) || !Number.isSafeInteger(number) || number < min || number > max) {
      throw new InvalidArgumentError(`${option} must be a whole number of ${unit} from ${min} to ${max}, got ${value}`);
    }
    return number;
  };
}

/** A finite number in min..max (`min` itself excluded when `exclusiveMin`). */
export function numberInRange(option: string, min: number, max: number, allowed: string, exclusiveMin = false): (value: string) => number {
  return (value) => {
    const number = Number(value);
    if (value.trim() === '' || !Number.isFinite(number) || number > max || (exclusiveMin ? number <= min : number < min)) {
      throw new InvalidArgumentError(`${option} must be ${allowed}, got ${value}`);
    }
    return number;
  };
}

export const parseMinutes = wholeNumber('--minutes', 1, MAX_SHADOW_MINUTES, 'minutes');
export const parseMaxLatencyIncrease = numberInRange('--max-latency-increase-percent', 0, 10_000, 'a percentage from 0 to 10000');
export const parseMaxErrorRate = numberInRange('--max-error-rate', 0, 1, 'a rate from 0 to 1 (errors / invocations)');
export const parseMaxPredictionPsi = numberInRange('--max-prediction-psi', 0, 100, 'a population stability index above 0 (at most 100)', true);
export const parseMinInvocations = wholeNumber('--min-invocations', 1, 10_000_000, 'invocations');
/** The shadow variant's configured instance count: the limits of `endpoints.prod.shadow.instanceCount`. */
export const parseShadowInstances = wholeNumber('--shadow-instances', 1, 100, 'instances');
