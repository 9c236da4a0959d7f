import { ConfigError } from './errors';
import { checkInstanceTypeFor } from './instance-types';

/** A serverless endpoint: no instances, no idle cost. SageMaker supports neither data capture nor deployment guardrails on it. */
export interface ServerlessEndpointOptions {
  readonly type: 'serverless';
  /**
   * Memory of each serverless worker, in MB: 1024, 2048, 3072, 4096, 5120 or 6144.
   * @default 2048
   */
  readonly memorySizeInMb?: number;
  /**
   * The most invocations served at once (1..200).
   * @default 5
   */
  readonly maxConcurrency?: number;
}

/** Target-tracking autoscaling of a real-time endpoint's instances. */
export interface AutoscalingOptions {
  /** @default 1 */
  readonly minInstances?: number;
  /** @default 4 */
  readonly maxInstances?: number;
  /**
   * The target of invocations per instance per minute (SageMakerVariantInvocationsPerInstance).
   * @default 1000
   */
  readonly invocationsPerInstance?: number;
}

/** Capture of the endpoint's requests and responses into the stage bucket (KMS-encrypted). */
export interface DataCaptureOptions {
  /**
   * The share of requests captured, in percent (0..100).
   * @default 100
   */
  readonly samplingPercentage?: number;
}

/** Traffic-shifting strategies of SageMaker deployment guardrails (blue/green). */
export const DEPLOYMENT_STRATEGIES = ['all-at-once', 'canary', 'linear'] as const;
export type DeploymentStrategy = (typeof DEPLOYMENT_STRATEGIES)[number];

/** Blue/green deployment guardrails: how traffic moves to a new model and when it rolls back. */
export interface DeploymentGuardrailOptions {
  /**
   * `all-at-once` shifts all traffic after a baking period; `canary` sends `canaryPercentage` of it
   * first; `linear` moves it in steps of `linearStepPercentage`.
   * @default "canary"
   */
  readonly strategy?: DeploymentStrategy;
  /**
   * Canary: the share of capacity that gets the new model first, in percent (1..99).
   * @default 10
   */
  readonly canaryPercentage?: number;
  /**
   * Linear: the share of capacity moved per step, in percent (1..99).
   * @default 25
   */
  readonly linearStepPercentage?: number;
  /**
   * Minutes between traffic shifts, watching the alarms (0..60).
   * @default 5
   */
  readonly waitMinutes?: number;
  /**
   * Minutes the old fleet is kept after the shift, for a quick rollback (0..60).
   * @default 10
   */
  readonly terminationWaitMinutes?: number;
  /**
   * Rollback when this many invocations answer 5XX in a minute (>= 1).
   * @default 1
   */
  readonly max5xxErrorsPerMinute?: number;
  /**
   * Rollback when the average model latency over a minute exceeds this, in milliseconds (> 0).
   * @default 1000
   */
  readonly maxModelLatencyMs?: number;
}

/** The scheduled drift check of the captured inputs against the training baseline. */
export interface DriftMonitoringOptions {
  /**
   * When it runs: an EventBridge Scheduler `rate(...)` or `cron(...)` expression.
   * @default "rate(1 day)"
   */
  readonly schedule?: string;
  /**
   * Hours of captured requests each run compares (1..720).
   * @default 24
   */
  readonly lookbackHours?: number;
  /**
   * A feature drifts when its population stability index exceeds this (> 0).
   * @default 0.2
   */
  readonly psiThreshold?: number;
  /**
   * A feature drifts when its Kolmogorov-Smirnov statistic exceeds this (0..1).
   * @default 0.1
   */
  readonly ksThreshold?: number;
  /**
   * Instance type of the drift check's processing job.
   * @default "ml.t3.medium"
   */
  readonly instanceType?: string;
}

/** SageMaker Model Monitor's data-quality schedule: only for accounts that can still use Model Monitor. */
export interface ModelMonitorOptions {
  /**
   * A Model Monitor schedule: `cron(...)` in UTC.
   * @default "cron(0 * ? * * *)" (hourly)
   */
  readonly schedule?: string;
  /**
   * The instance type of the monitoring jobs.
   * @default "ml.m5.xlarge"
   */
  readonly instanceType?: string;
}

/** A real-time endpoint on instances. */
export interface RealtimeEndpointOptions {
  readonly type: 'realtime';
  /**
   * @default "ml.m5.large"
   */
  readonly instanceType?: string;
  /**
   * The instance count without autoscaling (with it, the count starts at `minInstances`, and
   * this may only repeat that number).
   * @default 1
   */
  readonly instanceCount?: number;
  /**
   * Target-tracking autoscaling; `false` keeps `instanceCount` instances.
   * @default - on in production (1..4 instances, 1000 invocations per instance per minute), off in staging
   */
  readonly autoscaling?: AutoscalingOptions | false;
  /**
   * @default - on in production (100 %), off in staging
   */
  readonly dataCapture?: DataCaptureOptions | false;
  /**
   * @default - on in production (canary 10 %), off in staging
   */
  readonly deploymentGuardrails?: DeploymentGuardrailOptions | false;
  /**
   * Needs data capture.
   * @default - on in production (daily), off in staging
   */
  readonly driftMonitoring?: DriftMonitoringOptions | false;
  /**
   * Opt-in: a Model Monitor data-quality schedule (needs data capture and an account that may use Model Monitor).
   * @default false
   */
  readonly modelMonitor?: ModelMonitorOptions | false;
}

export type EndpointOptions = ServerlessEndpointOptions | RealtimeEndpointOptions;

/** The endpoints of the two stages. */
export interface EndpointsOptions {
  /** @default - serverless, 2048 MB, 5 concurrent invocations */
  readonly staging?: EndpointOptions;
  /** @default - real-time ml.m5.large, autoscaling 1..4, data capture, canary guardrails, daily drift check */
  readonly prod?: EndpointOptions;
}

/** The release between staging and production. */
export interface ReleaseOptions {
  /**
   * Email addresses notified of pending production approvals and of drift.
   * @default - none (the topic exists; subscribe to it later)
   */
  readonly reviewerEmails?: readonly string[];
  /**
   * The live staging test fails when the 95th percentile latency exceeds this, in milliseconds.
   * @default 1000
   */
  readonly maxP95LatencyMs?: number;
}

export interface ResolvedServerlessEndpoint {
  readonly type: 'serverless';
  readonly memorySizeInMb: number;
  readonly maxConcurrency: number;
}

export interface ResolvedRealtimeEndpoint {
  readonly type: 'realtime';
  readonly instanceType: string;
  readonly instanceCount: number;
  readonly autoscaling: Required<AutoscalingOptions> | false;
  readonly dataCapture: Required<DataCaptureOptions> | false;
  readonly deploymentGuardrails: Required<DeploymentGuardrailOptions> | false;
  readonly driftMonitoring: Required<DriftMonitoringOptions> | false;
  readonly modelMonitor: Required<ModelMonitorOptions> | false;
}

export type ResolvedEndpoint = ResolvedServerlessEndpoint | ResolvedRealtimeEndpoint;

export interface ResolvedRelease {
  readonly reviewerEmails: readonly string[];
  readonly maxP95LatencyMs: number;
}

export const SERVERLESS_MEMORY_SIZES = [1024, 2048, 3072, 4096, 5120, 6144] as const;
export const DEFAULT_AUTOSCALING: Required<AutoscalingOptions> = { minInstances: 1, maxInstances: 4, invocationsPerInstance: 1000 };
export const DEFAULT_DATA_CAPTURE: Required<DataCaptureOptions> = { samplingPercentage: 100 };
export const DEFAULT_GUARDRAILS: Required<DeploymentGuardrailOptions> = {
  strategy: 'canary', canaryPercentage: 10, linearStepPercentage: 25, waitMinutes: 5, terminationWaitMinutes: 10, max5xxErrorsPerMinute: 1, maxModelLatencyMs: 1000,
};
export const DEFAULT_DRIFT_MONITORING: Required<DriftMonitoringOptions> = {
  schedule: 'rate(1 day)', lookbackHours: 24, psiThreshold: 0.2, ksThreshold: 0.1, instanceType: 'ml.t3.medium',
};
export const DEFAULT_MODEL_MONITOR: Required<ModelMonitorOptions> = { schedule: 'cron(0 * ? * * *)', instanceType: 'ml.m5.xlarge' };

/**
 * The schedules Model Monitor accepts: hourly `cron(0 * ? * * *)`, daily at an hour `cron(0 H ? * * *)`,
 * or every N hours from an hour `cron(0 H/N ? * * *)` (H in 0..23, N in 1..24).
 */
const MODEL_MONITOR_SCHEDULE = /^cron\(0 (\*|(?:[01]?\d|2[0-3])(?:\/(?:[1-9]|1\d|2[0-4]))?) \? \* \* \*\)$/;

export const DEFAULT_ENDPOINTS: { readonly staging: EndpointOptions; readonly prod: EndpointOptions } = {
  staging: { type: 'serverless' },
  prod: { type: 'realtime' },
};

const SERVERLESS_KEYS = ['type', 'memorySizeInMb', 'maxConcurrency'];
const REALTIME_KEYS = ['type', 'instanceType', 'instanceCount', 'autoscaling', 'dataCapture', 'deploymentGuardrails', 'driftMonitoring', 'modelMonitor'];
/** What a serverless endpoint cannot have, and why. */
const NOT_ON_SERVERLESS: Record<string, string> = {
  dataCapture: 'SageMaker does not capture data on serverless endpoints',
  driftMonitoring: 'the drift check reads captured data, and SageMaker does not capture data on serverless endpoints',
  modelMonitor: 'Model Monitor needs captured data, and SageMaker does not capture data on serverless endpoints',
  deploymentGuardrails: 'SageMaker deployment guardrails (blue/green traffic shifting) need production variants on instances',
  autoscaling: 'a serverless endpoint scales by itself up to maxConcurrency',
  instanceType: 'a serverless endpoint has no instances; set memorySizeInMb and maxConcurrency',
  instanceCount: 'a serverless endpoint has no instances; set memorySizeInMb and maxConcurrency',
};

/** Resolves one stage's endpoint; `stage` decides the defaults of the real-time features. */
export function resolveEndpoint(option: string, given: EndpointOptions | undefined, stage: 'staging' | 'prod'): ResolvedEndpoint {
  const options = given ?? DEFAULT_ENDPOINTS[stage];
  checkPlainObject(option, options);
  if (options.type === 'serverless') {
    for (const [key, why] of Object.entries(NOT_ON_SERVERLESS)) {
      if (key in options && (options as unknown as Record<string, unknown>)[key] !== false) {
        throw new ConfigError(`${option}.${key} is set on a serverless endpoint: ${why}. Use type 'realtime' for ${key}, or remove it`);
      }
    }
    checkKeys(option, options, [...SERVERLESS_KEYS, ...Object.keys(NOT_ON_SERVERLESS)]);
    const memorySizeInMb = options.memorySizeInMb ?? 2048;
    if (!(SERVERLESS_MEMORY_SIZES as readonly number[]).includes(memorySizeInMb)) {
      throw new ConfigError(`${option}.memorySizeInMb must be one of ${SERVERLESS_MEMORY_SIZES.join(', ')} (1024..6144 in steps of 1024), got ${JSON.stringify(memorySizeInMb)}`);
    }
    const maxConcurrency = options.maxConcurrency ?? 5;
    checkInteger(`${option}.maxConcurrency`, maxConcurrency, 1, 200);
    return { type: 'serverless', memorySizeInMb, maxConcurrency };
  }
  if (options.type !== 'realtime') {
    throw new ConfigError(`${option}.type must be 'serverless' or 'realtime', got ${JSON.stringify((options as { type?: unknown }).type)}`);
  }
  checkKeys(option, options, REALTIME_KEYS);
  const isProd = stage === 'prod';
  const instanceType = options.instanceType ?? 'ml.m5.large';
  checkInstanceTypeFor(`${option}.instanceType`, 'inference', instanceType);

  const autoscaling = feature(options.autoscaling, isProd, DEFAULT_AUTOSCALING, `${option}.autoscaling`);
  if (autoscaling) {
    checkInteger(`${option}.autoscaling.minInstances`, autoscaling.minInstances, 1, 100);
    checkInteger(`${option}.autoscaling.maxInstances`, autoscaling.maxInstances, 1, 100);
    if (autoscaling.minInstances > autoscaling.maxInstances) {
      throw new ConfigError(`${option}.autoscaling.minInstances (${autoscaling.minInstances}) is greater than maxInstances (${autoscaling.maxInstances})`);
    }
    checkInteger(`${option}.autoscaling.invocationsPerInstance`, autoscaling.invocationsPerInstance, 1, 1_000_000);
    if (options.instanceCount !== undefined && options.instanceCount !== autoscaling.minInstances) {
      throw new ConfigError(`${option}.instanceCount (${options.instanceCount}) differs from autoscaling.minInstances (${autoscaling.minInstances}): with autoscaling the count starts at minInstances; remove instanceCount or set autoscaling: false`);
    }
  }
  const instanceCount = autoscaling ? autoscaling.minInstances : options.instanceCount ?? 1;
  checkInteger(`${option}.instanceCount`, instanceCount, 1, 100);

  const dataCapture = feature(options.dataCapture, isProd, DEFAULT_DATA_CAPTURE, `${option}.dataCapture`);
  if (dataCapture) {
    checkNumber(`${option}.dataCapture.samplingPercentage`, dataCapture.samplingPercentage, 0, 100, 'a percentage 0..100');
  }

  const deploymentGuardrails = feature(options.deploymentGuardrails, isProd, DEFAULT_GUARDRAILS, `${option}.deploymentGuardrails`);
  if (deploymentGuardrails) {
    checkGuardrails(`${option}.deploymentGuardrails`, deploymentGuardrails);
  }

  const driftMonitoring = feature(options.driftMonitoring, isProd && dataCapture !== false, DEFAULT_DRIFT_MONITORING, `${option}.driftMonitoring`);
  const modelMonitor = feature(options.modelMonitor, false, DEFAULT_MODEL_MONITOR, `${option}.modelMonitor`);
  for (const [name, on] of [['driftMonitoring', driftMonitoring], ['modelMonitor', modelMonitor]] as const) {
    if (on && !dataCapture) {
      throw new ConfigError(`${option}.${name} needs captured requests, but ${option}.dataCapture is off: turn data capture on or set ${name}: false`);
    }
  }
  if (driftMonitoring) {
    checkScheduleExpression(`${option}.driftMonitoring.schedule`, driftMonitoring.schedule);
    checkInteger(`${option}.driftMonitoring.lookbackHours`, driftMonitoring.lookbackHours, 1, 720);
    checkNumber(`${option}.driftMonitoring.psiThreshold`, driftMonitoring.psiThreshold, Number.MIN_VALUE, 100, 'a number > 0');
    checkNumber(`${option}.driftMonitoring.ksThreshold`, driftMonitoring.ksThreshold, 0, 1, 'a number in 0..1');
    checkInstanceTypeFor(`${option}.driftMonitoring.instanceType`, 'processing', driftMonitoring.instanceType);
  }
  if (modelMonitor) {
    if (!MODEL_MONITOR_SCHEDULE.test(modelMonitor.schedule)) {
      throw new ConfigError(
        `${option}.modelMonitor.schedule must be a Model Monitor cron expression: hourly cron(0 * ? * * *), daily cron(0 H ? * * *) ` +
        `or every N hours cron(0 H/N ? * * *) (H 0..23, N 1..24), got ${JSON.stringify(modelMonitor.schedule)}`,
      );
    }
    checkInstanceTypeFor(`${option}.modelMonitor.instanceType`, 'processing', modelMonitor.instanceType);
  }
  return { type: 'realtime', instanceType, instanceCount, autoscaling, dataCapture, deploymentGuardrails, driftMonitoring, modelMonitor };
}

const RELEASE_KEYS = ['reviewerEmails', 'maxP95LatencyMs'];
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function resolveRelease(option: string, given: ReleaseOptions | undefined): ResolvedRelease {
  const options = given ?? {};
  checkPlainObject(option, options);
  checkKeys(option, options, RELEASE_KEYS);
  const reviewerEmails = options.reviewerEmails ?? [];
  if (!Array.isArray(reviewerEmails)) {
    throw new ConfigError(`${option}.reviewerEmails must be a list of email addresses, got ${JSON.stringify(reviewerEmails)}`);
  }
  for (const email of reviewerEmails) {
    if (typeof email !== 'string' || !EMAIL.test(email)) {
      throw new ConfigError(`${option}.reviewerEmails has ${JSON.stringify(email)}, which is not an email address`);
    }
  }
  const maxP95LatencyMs = options.maxP95LatencyMs ?? 1000;
  checkNumber(`${option}.maxP95LatencyMs`, maxP95LatencyMs, Number.MIN_VALUE, 600_000, 'a latency budget in milliseconds > 0');
  return { reviewerEmails: [...new Set(reviewerEmails)], maxP95LatencyMs };
}

function checkGuardrails(option: string, g: Required<DeploymentGuardrailOptions>): void {
  if (!(DEPLOYMENT_STRATEGIES as readonly string[]).includes(g.strategy)) {
    throw new ConfigError(`${option}.strategy must be one of ${DEPLOYMENT_STRATEGIES.join(', ')}, got ${JSON.stringify(g.strategy)}`);
  }
  checkInteger(`${option}.canaryPercentage`, g.canaryPercentage, 1, 99);
  checkInteger(`${option}.linearStepPercentage`, g.linearStepPercentage, 1, 99);
  checkInteger(`${option}.waitMinutes`, g.waitMinutes, 0, 60);
  checkInteger(`${option}.terminationWaitMinutes`, g.terminationWaitMinutes, 0, 60);
  checkInteger(`${option}.max5xxErrorsPerMinute`, g.max5xxErrorsPerMinute, 1, 1_000_000);
  checkNumber(`${option}.maxModelLatencyMs`, g.maxModelLatencyMs, Number.MIN_VALUE, 3_600_000, 'a latency in milliseconds > 0');
}

/**
 * A feature that may be `false` (off), an object (on, with defaults filled in) or absent (the
 * stage's default). Unknown fields are errors.
 */
function feature<T extends object>(given: Partial<T> | false | undefined, onByDefault: boolean, defaults: Required<T>, option: string): Required<T> | false {
  if (given === false) {
    return false;
  }
  if (given === undefined) {
    return onByDefault ? { ...defaults } : false;
  }
  checkPlainObject(option, given);
  checkKeys(option, given, Object.keys(defaults));
  return { ...defaults, ...given } as Required<T>;
}

const RATE = /^rate\((\d+) (minute|minutes|hour|hours|day|days)\)$/;

/** Checks an EventBridge Scheduler recurring expression: `rate(value unit)` or `cron(6 fields)`. */
export function checkScheduleExpression(option: string, value: string): void {
  const allowed = 'an EventBridge Scheduler expression such as rate(1 day), rate(12 hours) or cron(0 3 * * ? *)';
  if (typeof value !== 'string') {
    throw new ConfigError(`${option} must be ${allowed}, got ${JSON.stringify(value)}`);
  }
  const rate = RATE.exec(value);
  if (rate) {
    const amount = Number(rate[1]);
    const singular = !rate[2].endsWith('s');
    if (amount < 1 || (amount === 1) !== singular) {
      throw new ConfigError(`${option} ${JSON.stringify(value)} is not a valid rate: the value must be >= 1, with a singular unit for 1 (rate(1 day)) and a plural one otherwise (rate(2 days))`);
    }
    return;
  }
  if (value.startsWith('cron(') && value.endsWith(')')) {
    checkCron(option, value);
    return;
  }
  throw new ConfigError(`${option} must be ${allowed}, got ${JSON.stringify(value)}`);
}

/** cron(minutes hours day-of-month month day-of-week year), one of the two day fields `?`. */
function checkCron(option: string, value: string): void {
  const fields = value.slice(5, -1).trim().split(/\s+/);
  const field = /^[0-9A-Za-z*?,\-/#L]+$/;
  if (fields.length !== 6 || !fields.every((f) => field.test(f))) {
    throw new ConfigError(`${option} ${JSON.stringify(value)} is not a valid cron expression: it needs 6 fields (minutes hours day-of-month month day-of-week year), such as cron(0 3 * * ? *)`);
  }
  if ((fields[2] === '?') === (fields[4] === '?')) {
    throw new ConfigError(`${option} ${JSON.stringify(value)} is not a valid cron expression: exactly one of day-of-month (3rd field) and day-of-week (5th field) must be '?'`);
  }
}

function checkInteger(option: string, value: unknown, min: number, max: number): void {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    throw new ConfigError(`${option} must be a whole number in ${min}..${max}, got ${JSON.stringify(value)}`);
  }
}

function checkNumber(option: string, value: unknown, min: number, max: number, allowed: string): void {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < min || value > max) {
    throw new ConfigError(`${option} must be ${allowed}, got ${JSON.stringify(value)}`);
  }
}

function checkPlainObject(option: string, value: unknown): void {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new ConfigError(`${option} must be an object, got ${JSON.stringify(value)}`);
  }
}

function checkKeys(option: string, value: object, allowed: readonly string[]): void {
  const unknown = Object.keys(value).filter((key) => !allowed.includes(key));
  if (unknown.length > 0) {
    throw new ConfigError(`${option} has an unknown field ${JSON.stringify(unknown[0])}; allowed: ${allowed.join(', ')}`);
  }
}

/** Whether a stage runs a SageMaker Model Monitor data-quality schedule (then model-build suggests its baseline). */
export function usesModelMonitor(config: { readonly endpoints: Readonly<Record<string, ResolvedEndpoint>> }): boolean {
  return Object.values(config.endpoints).some((endpoint) => endpoint.type === 'realtime' && endpoint.modelMonitor !== false);
}
