import { checkInteger, feature } from './config-checks';
import { ConfigError } from './errors';

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

export const DEFAULT_AUTOSCALING: Required<AutoscalingOptions> = { minInstances: 1, maxInstances: 4, invocationsPerInstance: 1000 };

/**
 * Resolves a real-time endpoint's autoscaling (`option`: `endpoints.<stage>.autoscaling`), on by
 * default in production, for a variant on `instanceType`.
 */
export function resolveAutoscaling(option: string, given: AutoscalingOptions | false | undefined, isProd: boolean, instanceType: string): Required<AutoscalingOptions> | false {
  const autoscaling = feature(given, isProd, DEFAULT_AUTOSCALING, option);
  if (!autoscaling) {
    return false;
  }
  // SageMaker Developer Guide, "Register a model" (automatic scaling): SageMaker does not scale burstable
  // instances such as T2, which already take more load by bursting; RegisterScalableTarget refuses the variant.
  if (/^ml\.t\d/.test(instanceType)) {
    throw new ConfigError(`${option} is on for the burstable instance type ${instanceType}: SageMaker does not autoscale burstable (ml.t*) instances, and registering the variant as a scalable target fails the deploy. Choose a non-burstable instanceType (ml.m5.large, say) or set autoscaling: false`);
  }
  // Only endpoints with inference components (or asynchronous ones) scale to zero: a real-time variant keeps >= 1 instance.
  checkInteger(`${option}.minInstances`, autoscaling.minInstances, 1, 100, autoscaling.minInstances === 0
    ? ' (a real-time endpoint cannot scale to zero instances: SageMaker scales to zero only endpoints with inference components)' : '');
  checkInteger(`${option}.maxInstances`, autoscaling.maxInstances, 1, 100);
  if (autoscaling.minInstances > autoscaling.maxInstances) {
    throw new ConfigError(`${option}.minInstances (${autoscaling.minInstances}) is greater than maxInstances (${autoscaling.maxInstances}): Application Auto Scaling needs MinCapacity <= MaxCapacity`);
  }
  checkInteger(`${option}.invocationsPerInstance`, autoscaling.invocationsPerInstance, 1, 1_000_000);
  return autoscaling;
}
