import { PipelineDefinitionError, describeValue } from '../errors';

/** Exceptions of the pipeline service itself; any step that calls a service may retry them. */
export const STEP_EXCEPTION_TYPES = ['Step.SERVICE_FAULT', 'Step.THROTTLING'] as const;
/** Failures of the SageMaker job a step runs (processing, training, transform). */
export const JOB_EXCEPTION_TYPES = ['SageMaker.JOB_INTERNAL_ERROR', 'SageMaker.CAPACITY_ERROR', 'SageMaker.RESOURCE_LIMIT'] as const;

export type RetryExceptionType = typeof STEP_EXCEPTION_TYPES[number] | typeof JOB_EXCEPTION_TYPES[number];

/** When and how often SageMaker retries a step. */
export interface RetryPolicy {
  /** The exception types this policy retries. */
  readonly exceptionTypes: readonly RetryExceptionType[];
  /**
   * Seconds before the first retry.
   * @default 1
   */
  readonly intervalSeconds?: number;
  /**
   * Factor by which the interval grows after each retry.
   * @default 2
   */
  readonly backoffRate?: number;
  /**
   * At most this many attempts.
   * @default - SageMaker's default (5) unless `expireAfterMinutes` is set
   */
  readonly maxAttempts?: number;
  /**
   * Stop retrying this many minutes after the first failure.
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
    checkPositiveInteger(where, 'intervalSeconds', policy.intervalSeconds);
    checkPositiveInteger(where, 'maxAttempts', policy.maxAttempts);
    checkPositiveInteger(where, 'expireAfterMinutes', policy.expireAfterMinutes);
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

function checkPositiveInteger(where: string, field: string, value: number | undefined): void {
  if (value !== undefined && !(Number.isSafeInteger(value) && value > 0)) {
    throw new PipelineDefinitionError(`${where}: ${field} must be a positive integer, got ${describeValue(value)}`);
  }
}
