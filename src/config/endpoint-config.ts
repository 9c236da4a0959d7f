import { AutoscalingOptions, resolveAutoscaling } from './autoscaling-config';
import { checkInteger, checkKeys, checkNumber, checkPlainObject, feature } from './config-checks';
import { ConfigError } from './errors';
import { DeploymentGuardrailOptions, ResolvedDeploymentGuardrails, resolveGuardrails } from './guardrail-config';
import { checkInstanceTypeFor } from './instance-types';
import { checkScheduleExpression } from './schedule-expressions';
import { ResolvedShadowRelease, ShadowReleaseOptions, resolveShadowRelease } from './shadow-config';

export * from './guardrail-config';
export * from './release-config';
export * from './schedule-expressions';
export * from './autoscaling-config';
export * from './shadow-config';

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

/**
 * Capture of the endpoint's requests and responses into the stage bucket (KMS-encrypted).
 * Captured production traffic often holds personal data: it is kept `retentionDays`, then S3
 * deletes it (a lifecycle rule on the capture prefix).
 */
export interface DataCaptureOptions {
  /**
   * The share of requests captured, in percent (0..100).
   * @default 100
   */
  readonly samplingPercentage?: number;
  /**
   * Days a captured file is kept before S3 deletes it: a data-retention choice, long enough for
   * the drift checks and an investigation, short enough not to keep traffic forever. A whole
   * number >= 1 (S3 lifecycle Expiration Days is a non-zero positive integer).
   * @default 90
   */
  readonly retentionDays?: number;
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
   * @default - on in production (100 %, kept 90 days), off in staging
   */
  readonly dataCapture?: DataCaptureOptions | false;
  /**
   * Blue/green deployment guardrails with auto-rollback alarms.
   * @default - on in production (all at once, then a 5-minute baking period the rollback alarms watch), off in staging
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
  /** Opt-in, production only: release through a shadow variant first (ShadowReleaseOptions); needs data capture. @default false */
  readonly shadow?: ShadowReleaseOptions | false;
}

export type EndpointOptions = ServerlessEndpointOptions | RealtimeEndpointOptions;

/** The endpoints of the two stages. */
export interface EndpointsOptions {
  /** @default - serverless, 2048 MB, 5 concurrent invocations */
  readonly staging?: EndpointOptions;
  /** @default - real-time ml.m5.large, autoscaling 1..4, data capture (90 days), all-at-once guardrails with a baking period, daily drift check */
  readonly prod?: EndpointOptions;
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
  readonly deploymentGuardrails: ResolvedDeploymentGuardrails | false;
  readonly driftMonitoring: Required<DriftMonitoringOptions> | false;
  readonly modelMonitor: Required<ModelMonitorOptions> | false;
  readonly shadow: ResolvedShadowRelease | false;
}

export type ResolvedEndpoint = ResolvedServerlessEndpoint | ResolvedRealtimeEndpoint;

export const SERVERLESS_MEMORY_SIZES = [1024, 2048, 3072, 4096, 5120, 6144] as const;
export const DEFAULT_DATA_CAPTURE: Required<DataCaptureOptions> = { samplingPercentage: 100, retentionDays: 90 };
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
const REALTIME_KEYS = ['type', 'instanceType', 'instanceCount', 'autoscaling', 'dataCapture', 'deploymentGuardrails', 'driftMonitoring', 'modelMonitor', 'shadow'];
/** What a serverless endpoint cannot have, and why. */
const NOT_ON_SERVERLESS: Record<string, string> = {
  dataCapture: 'SageMaker does not capture data on serverless endpoints',
  driftMonitoring: 'the drift check reads captured data, and SageMaker does not capture data on serverless endpoints',
  modelMonitor: 'Model Monitor needs captured data, and SageMaker does not capture data on serverless endpoints',
  deploymentGuardrails: 'SageMaker deployment guardrails (blue/green traffic shifting) need production variants on instances',
  autoscaling: 'a serverless endpoint scales by itself up to maxConcurrency',
  instanceType: 'a serverless endpoint has no instances; set memorySizeInMb and maxConcurrency',
  instanceCount: 'a serverless endpoint has no instances; set memorySizeInMb and maxConcurrency',
  shadow: 'SageMaker does not support shadow variants on serverless endpoints ("Create a shadow test")',
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

  const autoscaling = resolveAutoscaling(`${option}.autoscaling`, options.autoscaling, isProd, instanceType);
  if (autoscaling && options.instanceCount !== undefined && options.instanceCount !== autoscaling.minInstances) {
    throw new ConfigError(`${option}.instanceCount (${options.instanceCount}) differs from autoscaling.minInstances (${autoscaling.minInstances}): with autoscaling the count starts at minInstances; remove instanceCount or set autoscaling: false`);
  }
  const instanceCount = autoscaling ? autoscaling.minInstances : options.instanceCount ?? 1;
  checkInteger(`${option}.instanceCount`, instanceCount, 1, 100);

  const dataCapture = feature(options.dataCapture, isProd, DEFAULT_DATA_CAPTURE, `${option}.dataCapture`);
  if (dataCapture) {
    checkInteger(`${option}.dataCapture.samplingPercentage`, dataCapture.samplingPercentage, 0, 100, ' (DataCaptureConfig InitialSamplingPercentage is a whole percentage)');
    checkInteger(`${option}.dataCapture.retentionDays`, dataCapture.retentionDays, 1, 36_500, ' (days before S3 deletes a captured file)');
  }

  const deploymentGuardrails = resolveGuardrails(`${option}.deploymentGuardrails`, options.deploymentGuardrails, isProd, {
    minInstances: instanceCount,
    minInstancesOption: autoscaling ? `${option}.autoscaling.minInstances` : `${option}.instanceCount`,
  });

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
    const keptHours = dataCapture ? dataCapture.retentionDays * 24 : Infinity;
    if (driftMonitoring.lookbackHours > keptHours) {
      throw new ConfigError(`${option}.driftMonitoring.lookbackHours (${driftMonitoring.lookbackHours}) reaches further back than ${option}.dataCapture.retentionDays keeps the captured requests ` +
        `(${keptHours / 24} days, ${keptHours} hours): the check would read only the last ${keptHours} hours. Set lookbackHours to at most ${keptHours}, or keep the captures longer`);
    }
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
  const shadow = resolveShadowRelease(`${option}.shadow`, options.shadow, { stage, instanceType, instanceCount, capturePercentage: dataCapture && dataCapture.samplingPercentage });
  return { type: 'realtime', instanceType, instanceCount, autoscaling, dataCapture, deploymentGuardrails, driftMonitoring, modelMonitor, shadow };
}

/** Whether a stage runs a SageMaker Model Monitor data-quality schedule (then model-build suggests its baseline). */
export function usesModelMonitor(config: { readonly endpoints: Readonly<Record<string, ResolvedEndpoint>> }): boolean {
  return Object.values(config.endpoints).some((endpoint) => endpoint.type === 'realtime' && endpoint.modelMonitor !== false);
}

/** Whether an endpoint has CloudWatch alarms (rollback, drift, Model Monitor), which notify the alert topic. */
export function hasAlarms(endpoint: ResolvedEndpoint): boolean {
  return endpoint.type === 'realtime' && (endpoint.deploymentGuardrails !== false || endpoint.driftMonitoring !== false || endpoint.modelMonitor !== false);
}
