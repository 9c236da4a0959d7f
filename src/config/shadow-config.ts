import { checkInteger, checkNumber, feature } from './config-checks';
import { ConfigError } from './errors';

/**
 * A shadow release of production: before the guarded update, the candidate runs as the endpoint's
 * shadow variant (EndpointConfig `ShadowProductionVariants`) beside the live model, receiving a copy
 * of every production request for `minutes`; then `compare-shadow` compares the two variants'
 * latency and error rate (CloudWatch) and prediction distributions (captured data), and the release
 * goes on to the reviewer's approval only if the shadow stays within the thresholds.
 *
 * SageMaker replicates all of the production variant's requests to the shadow: the sampling
 * percentage of a shadow test belongs to the InferenceExperiment API (ShadowModelVariantConfig),
 * not to an endpoint configuration's shadow variant, so this template does not offer one.
 */
export interface ShadowReleaseOptions {
  /**
   * Minutes the shadow receives live traffic before the comparison: a whole number in
   * 5..SHADOW_MAX_MINUTES (the comparison's CodeBuild action waits them, within CodePipeline's
   * timeout of 8 hours for a CodeBuild action, keeping SHADOW_SETTLE_MINUTES for the last captures
   * to arrive and SHADOW_COMPARE_MINUTES for the comparison itself).
   * @default 60
   */
  readonly minutes?: number;
  /**
   * Instances of the shadow variant (of the production variant's instance type). It receives all
   * production requests: give it the fleet production has at peak, or its latency is not comparable.
   * @default - the production variant's instanceCount (autoscaling: minInstances)
   */
  readonly instanceCount?: number;
  /**
   * The release stops when the shadow's p50 or p95 model latency exceeds production's by more than
   * this percentage (>= 0).
   * @default 20
   */
  readonly maxLatencyIncreasePercent?: number;
  /**
   * The release stops when the shadow's error rate (errors / invocations) exceeds production's by
   * more than this (0..1): both answer the same requests, so a caller's malformed requests count for neither.
   * @default 0.01
   */
  readonly maxErrorRate?: number;
  /**
   * The release stops when the population stability index between the shadow's and production's
   * predictions on the same requests exceeds this (> 0).
   * @default 0.2
   */
  readonly maxPredictionPsi?: number;
  /**
   * The release stops when either variant served fewer requests (or has fewer captured predictions)
   * in the window than this: too few to compare. Lower it for a quiet endpoint, or lengthen `minutes`.
   * @default 100
   */
  readonly minInvocations?: number;
}

export type ResolvedShadowRelease = Required<ShadowReleaseOptions>;

/** Minutes the comparison step keeps after the wait, for compare-shadow itself. */
export const SHADOW_COMPARE_MINUTES = 30;
/**
 * Minutes the comparison leaves for the last requests' data to arrive: the window it reads ends this
 * long before it runs, and the comparison step waits this long beyond `minutes`. Captured data reaches
 * S3 "a couple of minutes" after the request (SageMaker Developer Guide, "Capture data from real-time
 * endpoint"), and CloudWatch publishes an endpoint's metrics at one-minute intervals, after the fact.
 */
export const SHADOW_SETTLE_MINUTES = 5;
/**
 * CodePipeline's timeout of a CodeBuild build or test action, 8 hours (CodePipeline User Guide, "Quotas
 * in AWS CodePipeline": it holds whatever the project's own build timeout, which may reach 2160
 * minutes), less the comparison's own minutes.
 */
export const CODEBUILD_ACTION_MAX_MINUTES = 480;
/**
 * Minutes of the action's time before the wait starts: CodePipeline's clock runs from the action's start, through the
 * build's queue, provisioning and source download, and the start of the CLI bundle (RunSageMakerPipeline keeps as much).
 */
export const SHADOW_START_MINUTES = 15;
export const SHADOW_MAX_MINUTES = CODEBUILD_ACTION_MAX_MINUTES - SHADOW_START_MINUTES - SHADOW_SETTLE_MINUTES - SHADOW_COMPARE_MINUTES;

export const DEFAULT_SHADOW_RELEASE: Omit<ResolvedShadowRelease, 'instanceCount'> = {
  minutes: 60, maxLatencyIncreasePercent: 20, maxErrorRate: 0.01, maxPredictionPsi: 0.2, minInvocations: 100,
};

/** The production variant a shadow runs beside, as the endpoint's options resolved it. */
export interface ShadowHost {
  readonly stage: 'staging' | 'prod';
  readonly instanceType: string;
  readonly instanceCount: number;
  /** The share of requests captured (dataCapture.samplingPercentage), or false without data capture. */
  readonly capturePercentage: number | false;
}

/**
 * "Create a shadow test" (SageMaker developer guide, prerequisites): an endpoint that uses any of
 * these cannot have a shadow variant; the request fails validation. Of them, this template's
 * endpoints can only choose the instance family.
 */
const NO_SHADOW_INSTANCE_FAMILIES: Record<string, string> = {
  inf1: 'SageMaker does not support shadow variants on endpoints that use Inf1 (Inferentia) instances ("Create a shadow test")',
};

/** Fills in the defaults of a real-time endpoint's `shadow` and checks it; off unless given. */
/** The largest shadow.minInvocations (compare-shadow --min-invocations takes the same). */
export const MAX_MIN_INVOCATIONS = 1_000_000_000;

export function resolveShadowRelease(option: string, given: ShadowReleaseOptions | false | undefined, host: ShadowHost): ResolvedShadowRelease | false {
  const shadow = feature(given, false, { ...DEFAULT_SHADOW_RELEASE, instanceCount: host.instanceCount }, option);
  if (!shadow) {
    return false;
  }
  if (host.stage !== 'prod') {
    throw new ConfigError(`${option} is set on the ${host.stage} endpoint: a shadow release copies live production traffic, so only endpoints.prod may have shadow; remove it`);
  }
  const family = /^ml\.([a-z0-9]+)\./.exec(host.instanceType)?.[1];
  if (family !== undefined && family in NO_SHADOW_INSTANCE_FAMILIES) {
    throw new ConfigError(`${option} needs an instance type with shadow variants, but the endpoint's instanceType is ${host.instanceType}: ${NO_SHADOW_INSTANCE_FAMILIES[family]}; choose another instance family`);
  }
  if (host.capturePercentage === false) {
    throw new ConfigError(
      `${option} needs data capture, but dataCapture is off: the comparison reads both variants' captured predictions (SageMaker captures the shadow variant's ` +
      'requests and responses beside production\'s, "Testing models with shadow variants"); turn dataCapture on or set shadow: false',
    );
  }
  if (host.capturePercentage === 0) {
    throw new ConfigError(`${option} needs captured requests, but dataCapture.samplingPercentage is 0: the comparison reads both variants' captured predictions; capture a share above 0 (100 compares every request)`);
  }
  checkInteger(`${option}.minutes`, shadow.minutes, 5, SHADOW_MAX_MINUTES,
    ` (the comparison step waits them in a CodeBuild action, which CodePipeline stops after ${CODEBUILD_ACTION_MAX_MINUTES} minutes, `
    + `keeping ${SHADOW_START_MINUTES} for the build's start, ${SHADOW_SETTLE_MINUTES} for the last captures to reach S3 and ${SHADOW_COMPARE_MINUTES} for the comparison)`);
  checkInteger(`${option}.instanceCount`, shadow.instanceCount, 1, 100);
  checkNumber(`${option}.maxLatencyIncreasePercent`, shadow.maxLatencyIncreasePercent, 0, 10_000, 'a percentage >= 0');
  checkNumber(`${option}.maxErrorRate`, shadow.maxErrorRate, 0, 1, 'a rate in 0..1');
  checkNumber(`${option}.maxPredictionPsi`, shadow.maxPredictionPsi, Number.MIN_VALUE, 100, 'a number > 0');
  checkInteger(`${option}.minInvocations`, shadow.minInvocations, 1, MAX_MIN_INVOCATIONS);
  return shadow;
}
