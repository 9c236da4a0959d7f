import { PipelineDefinitionError, describeValue } from '../errors';

/** Exceptions of the pipeline service itself; any step that calls a service may retry them. */
export const STEP_EXCEPTION_TYPES = ['Step.SERVICE_FAULT', 'Step.THROTTLING'] as const;
/** Failures of the SageMaker job a step runs (processing, training, transform). */
export const JOB_EXCEPTION_TYPES = ['SageMaker.JOB_INTERNAL_ERROR', 'SageMaker.CAPACITY_ERROR', 'SageMaker.RESOURCE_LIMIT'] as const;

export type RetryExceptionType = typeof STEP_EXCEPTION_TYPES[number] | typeof JOB_EXCEPTION_TYPES[number];

/**
 * The ranges SageMaker documents for a retry policy (SageMaker Developer Guide, "Retry Policy for Pipeline Steps",
 * its JSON schema): IntervalSeconds at most 43,200 (12 hours), MaxAttempts at most 20 and ExpireAfterMin at most
 * 14,400 (10 days), 0 meaning never retried; and a policy gives MaxAttempts or ExpireAfterMin, never both.
 */
export const RETRY_POLICY_LIMITS = {
  intervalSeconds: { min: 1, max: 43_200 },
  maxAttempts: { min: 0, max: 20 },
  expireAfterMinutes: { min: 0, max: 14_400 },
} as const;

/** When and how often SageMaker retries a step. */
export interface RetryPolicy {
  /** The exception types this policy retries. */
  readonly exceptionTypes: readonly RetryExceptionType[];
  /**
   * Seconds before the first retry, 1..43,200.
   * @default 1
   */
  readonly intervalSeconds?: number;
  /**
   * Factor by which the interval grows after each retry.
   * @default 2
   */
  readonly backoffRate?: number;
  /**
   * At most this many retries, 0..20 (0: never retried). Not with `expireAfterMinutes`.
   * @default - SageMaker's default (5) unless `expireAfterMinutes` is set
   */
  readonly maxAttempts?: number;
  /**
   * No retry once the exception recurs this many minutes after the step started, 0..14,400. Not with `maxAttempts`.
   * @default - no time limit
   */
  readonly expireAfterMinutes?: number;
}

/** Whether SageMaker reuses a previous run of a step whose arguments are the same. */
export interface CacheConfig {
  /**
   * @default true
   */
  readonly enabled?: boolean;
  /**
   * How long a cached run stays reusable, as an ISO 8601 duration such as `P30D` or `PT12H`.
   * @default - SageMaker's default: no expiry
   */
  readonly expireAfter?: string;
}

const ISO_DURATION = /^P(?!$)(\d+Y)?(\d+M)?(\d+W)?(\d+D)?(T(?=\d)(\d+H)?(\d+M)?(\d+S)?)?$/;

/** The JSON of a step's retry policies; `allowJobExceptions` is false for steps that run no job. */
export function renderRetryPolicies(stepName: string, policies: readonly RetryPolicy[] | undefined, allowJobExceptions: boolean): unknown[] | undefined {
  if (policies === undefined || policies.length === 0) {
    return undefined;
  }
  const allowed: readonly string[] = allowJobExceptions ? [...STEP_EXCEPTION_TYPES, ...JOB_EXCEPTION_TYPES] : STEP_EXCEPTION_TYPES;
  return policies.map((policy, i) => {
    const where = `step ${stepName}: retry policy ${i + 1}`;
    if (!Array.isArray(policy.exceptionTypes) || policy.exceptionTypes.length === 0) {
      throw new PipelineDefinitionError(`${where} needs at least one exception type; allowed: ${allowed.join(', ')}`);
    }
    for (const type of policy.exceptionTypes) {
      if (!allowed.includes(type)) {
        throw new PipelineDefinitionError(`${where}: exception type ${JSON.stringify(type)} is not allowed for this step; allowed: ${allowed.join(', ')}`);
      }
    }
    for (const field of ['intervalSeconds', 'maxAttempts', 'expireAfterMinutes'] as const) {
      checkIntegerIn(where, field, policy[field], RETRY_POLICY_LIMITS[field]);
    }
    if (policy.maxAttempts !== undefined && policy.expireAfterMinutes !== undefined) {
      throw new PipelineDefinitionError(
        `${where} sets both maxAttempts (${policy.maxAttempts}) and expireAfterMinutes (${policy.expireAfterMinutes}): SageMaker takes one of MaxAttempts and ExpireAfterMin in a policy, never both`,
      );
    }
    if (policy.backoffRate !== undefined && !(typeof policy.backoffRate === 'number' && policy.backoffRate >= 1)) {
      throw new PipelineDefinitionError(`${where}: backoffRate must be a number of at least 1, got ${describeValue(policy.backoffRate)}`);
    }
    return {
      ExceptionType: [...policy.exceptionTypes],
      IntervalSeconds: policy.intervalSeconds ?? 1,
      BackoffRate: policy.backoffRate ?? 2,
      ...(policy.maxAttempts !== undefined ? { MaxAttempts: policy.maxAttempts } : {}),
      ...(policy.expireAfterMinutes !== undefined ? { ExpireAfterMin: policy.expireAfterMinutes } : {}),
    };
  });
}

/** The JSON of a step's cache configuration. */
export function renderCacheConfig(stepName: string, cache: CacheConfig | undefined): unknown {
  if (cache === undefined) {
    return undefined;
  }
  if (cache.expireAfter !== undefined && !ISO_DURATION.test(cache.expireAfter)) {
    throw new PipelineDefinitionError(
      `step ${stepName}: cache expireAfter must be an ISO 8601 duration such as P30D or PT12H, got ${JSON.stringify(cache.expireAfter)}`,
    );
  }
  return { Enabled: cache.enabled ?? true, ...(cache.expireAfter !== undefined ? { ExpireAfter: cache.expireAfter } : {}) };
}

function checkIntegerIn(where: string, field: string, value: number | undefined, range: { readonly min: number; readonly max: number }): void {
  if (value !== undefined && !(Number.isSafeInteger(value) && value >= range.min && value <= range.max)) {
    throw new PipelineDefinitionError(`${where}: ${field} must be a whole number in ${range.min}..${range.max}, got ${describeValue(value)}`);
  }
}
