import { checkInteger, checkKeys, checkNumber, checkPlainObject } from './config-checks';
import { ConfigError } from './errors';

/** Traffic-shifting strategies of SageMaker deployment guardrails (blue/green). */
export const DEPLOYMENT_STRATEGIES = ['all-at-once', 'canary', 'linear'] as const;
export type DeploymentStrategy = (typeof DEPLOYMENT_STRATEGIES)[number];

/**
 * Blue/green deployment guardrails: how traffic moves to a new model and when it rolls back.
 * The limits are SageMaker's (API reference "TrafficRoutingConfig", "CapacitySize",
 * "BlueGreenUpdatePolicy"); canary and linear need a fleet of at least 2 instances.
 */
export interface DeploymentGuardrailOptions {
  /**
   * `all-at-once` shifts all traffic, then watches the alarms for `waitMinutes` (the baking
   * period) before the old fleet goes; `canary` sends a canary first; `linear` moves traffic in
   * steps of `linearStepPercentage`. Canary and linear need at least 2 instances (the smallest
   * fleet: `autoscaling.minInstances`, else `instanceCount`).
   * @default "all-at-once"
   */
  readonly strategy?: DeploymentStrategy;
  /**
   * Canary: how many instances of the new fleet get traffic first (CapacitySize INSTANCE_COUNT);
   * at most half of the smallest fleet.
   * @default 1 (unless canaryPercentage is set)
   */
  readonly canaryInstances?: number;
  /**
   * Canary, instead of `canaryInstances`: the share of the new fleet that gets traffic first, in
   * percent (CapacitySize CAPACITY_PERCENT, 1..50).
   * @default - canaryInstances
   */
  readonly canaryPercentage?: number;
  /**
   * Linear: the share of the new fleet turned on per step, in percent (10..50).
   * @default 25
   */
  readonly linearStepPercentage?: number;
  /**
   * Minutes of each baking period (between traffic shifts, and after the last), watching the
   * alarms (WaitIntervalInSeconds up to 3600): at least ROLLBACK_ALARM_MINUTES, the longest
   * window of the rollback alarms, or an alarm could not trip before the old fleet goes; at most 60.
   * The default leaves a few minutes beyond that window for CloudWatch to receive the metrics.
   * @default 5
   */
  readonly waitMinutes?: number;
  /**
   * Minutes the old fleet is kept after the deployment completed, before SageMaker terminates
   * it (0..60: TerminationWaitInSeconds 0..3600). The rollback alarms are watched during the
   * baking periods (`waitMinutes`), and only then does SageMaker roll back by itself ("Use all
   * at once traffic shifting", "Auto-Rollback Configuration and Monitoring"); the termination
   * wait comes after the deployment completed ("BlueGreenUpdatePolicy": "additional waiting
   * time ... after the completion of an endpoint deployment", SageMaker's default 0), so it adds
   * no automatic protection, keeps paying for a second fleet, and holds the release (the
   * endpoint, and so the pipeline's deploy action, wait for it). Set it when your team wants a
   * window of its own after every release.
   * @default 0
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

/** The guardrails with every default filled in; exactly one of the canary sizes is present. */
export interface ResolvedDeploymentGuardrails {
  readonly strategy: DeploymentStrategy;
  readonly canaryInstances?: number;
  readonly canaryPercentage?: number;
  readonly linearStepPercentage: number;
  readonly waitMinutes: number;
  readonly terminationWaitMinutes: number;
  readonly max5xxErrorsPerMinute: number;
  readonly maxModelLatencyMs: number;
}

export const DEFAULT_GUARDRAILS: ResolvedDeploymentGuardrails = {
  strategy: 'all-at-once', canaryInstances: 1, linearStepPercentage: 25, waitMinutes: 5, terminationWaitMinutes: 0, max5xxErrorsPerMinute: 1, maxModelLatencyMs: 1000,
};

/**
 * The longest window of the rollback alarms (src/model-deploy/rollback-alarms.ts: model latency
 * over 2 datapoints of 1 minute). SageMaker watches the alarms only during the baking periods and
 * rolls back when one trips there ("Auto-Rollback Configuration and Monitoring", "Use all at once
 * traffic shifting"): a shorter baking period leaves an alarm no time to trip.
 */
export const ROLLBACK_ALARM_MINUTES = 2;

/** BlueGreenUpdatePolicy.MaximumExecutionTimeoutInSeconds: 600..28800. */
export const MAX_EXECUTION_TIMEOUT_SECONDS = { min: 600, max: 28_800 } as const;

const GUARDRAIL_KEYS = Object.keys({ ...DEFAULT_GUARDRAILS, canaryPercentage: 0 });

/** The fleet the guardrails shift: its smallest size (the autoscaling minimum included) and where that comes from. */
export interface GuardrailFleet {
  readonly minInstances: number;
  readonly minInstancesOption: string;
}

/**
 * Fills in the defaults of `given` and checks it against SageMaker's rules for the fleet; `false`
 * is off, `undefined` the stage's default (`onByDefault`).
 */
export function resolveGuardrails(
  option: string, given: DeploymentGuardrailOptions | false | undefined, onByDefault: boolean, fleet: GuardrailFleet,
): ResolvedDeploymentGuardrails | false {
  if (given === false || (given === undefined && !onByDefault)) {
    return false;
  }
  const options = given ?? {};
  checkPlainObject(option, options);
  checkKeys(option, options, GUARDRAIL_KEYS);
  if (options.canaryInstances !== undefined && options.canaryPercentage !== undefined) {
    throw new ConfigError(`${option}.canaryInstances (${options.canaryInstances}) and canaryPercentage (${options.canaryPercentage}) are both set: give the canary size one way`);
  }
  const { canaryInstances, ...rest } = DEFAULT_GUARDRAILS;
  const g: ResolvedDeploymentGuardrails = options.canaryPercentage !== undefined ? { ...rest, ...options } : { ...DEFAULT_GUARDRAILS, ...options };
  checkGuardrails(option, g, fleet);
  return g;
}

/** The traffic shifts of a deployment, each followed by a baking period of `waitMinutes`. */
export function trafficShifts(g: ResolvedDeploymentGuardrails): number {
  return g.strategy === 'linear' ? Math.ceil(100 / g.linearStepPercentage) : g.strategy === 'canary' ? 2 : 1;
}

/** Seconds a deployment waits in all: every baking period and the old fleet's termination wait. */
export function totalWaitSeconds(g: ResolvedDeploymentGuardrails): number {
  return (trafficShifts(g) * g.waitMinutes + g.terminationWaitMinutes) * 60;
}

/** What a deployment keeps, beside its waits, for the new fleet to start (instances, image, model, health checks). */
export const FLEET_START_SECONDS = 3600;

/**
 * MaximumExecutionTimeoutInSeconds: every wait plus an hour for the new fleet to start, within
 * SageMaker's 600..28800 (the config check keeps the waits and that hour within the maximum).
 */
export function maximumExecutionSeconds(g: ResolvedDeploymentGuardrails): number {
  return Math.min(MAX_EXECUTION_TIMEOUT_SECONDS.max, Math.max(MAX_EXECUTION_TIMEOUT_SECONDS.min, FLEET_START_SECONDS + totalWaitSeconds(g)));
}

function checkGuardrails(option: string, g: ResolvedDeploymentGuardrails, fleet: GuardrailFleet): void {
  if (!(DEPLOYMENT_STRATEGIES as readonly string[]).includes(g.strategy)) {
    throw new ConfigError(`${option}.strategy must be one of ${DEPLOYMENT_STRATEGIES.join(', ')}, got ${JSON.stringify(g.strategy)}`);
  }
  // CapacitySize.Value >= 1; TrafficRoutingConfig.CanarySize <= 50 % of the fleet, LinearStepSize 10..50 %.
  if (g.canaryPercentage !== undefined) {
    checkInteger(`${option}.canaryPercentage`, g.canaryPercentage, 1, 50, ' (SageMaker allows a canary of at most 50 % of the fleet)');
  } else {
    checkInteger(`${option}.canaryInstances`, g.canaryInstances, 1, 100);
  }
  checkInteger(`${option}.linearStepPercentage`, g.linearStepPercentage, 10, 50, ' (SageMaker allows linear steps of 10..50 % of the fleet)');
  checkInteger(`${option}.waitMinutes`, g.waitMinutes, 0, 60, ' (WaitIntervalInSeconds 0..3600)');
  if (g.waitMinutes < ROLLBACK_ALARM_MINUTES) {
    throw new ConfigError(
      `${option}.waitMinutes must be at least ${ROLLBACK_ALARM_MINUTES} with deployment guardrails on (SageMaker rolls back only when an alarm trips during a baking period, ` +
      `and the model latency alarm needs ${ROLLBACK_ALARM_MINUTES} one-minute datapoints); got ${g.waitMinutes}. Set deploymentGuardrails to false for no automatic rollback`,
    );
  }
  checkInteger(`${option}.terminationWaitMinutes`, g.terminationWaitMinutes, 0, 60, ' (TerminationWaitInSeconds 0..3600)');
  checkInteger(`${option}.max5xxErrorsPerMinute`, g.max5xxErrorsPerMinute, 1, 1_000_000);
  checkNumber(`${option}.maxModelLatencyMs`, g.maxModelLatencyMs, Number.MIN_VALUE, 3_600_000, 'a latency in milliseconds > 0');

  if (g.strategy !== 'all-at-once' && fleet.minInstances < 2) {
    // A canary or a linear step is at most half the fleet and at least one instance: a 1-instance fleet has neither.
    throw new ConfigError(
      `${option}.strategy ${JSON.stringify(g.strategy)} needs a fleet of at least 2 instances, but ${fleet.minInstancesOption} is ${fleet.minInstances}: ` +
      `SageMaker shifts at most 50 % of the fleet per ${g.strategy === 'canary' ? 'canary' : 'step'}, which is less than one instance; ` +
      `set ${fleet.minInstancesOption} to 2 or more, or use strategy 'all-at-once' (a baking period with auto-rollback)`,
    );
  }
  if (g.strategy === 'canary' && g.canaryInstances !== undefined && g.canaryInstances * 2 > fleet.minInstances) {
    throw new ConfigError(
      `${option}.canaryInstances must be at most 50 % of the smallest fleet (${fleet.minInstancesOption} ${fleet.minInstances}), ` +
      `i.e. at most ${Math.floor(fleet.minInstances / 2)}; got ${g.canaryInstances}`,
    );
  }
  // The whole deployment, the new fleet's start included, must end within the maximum: waits that leave it
  // a minute would be accepted by SageMaker and then time out and roll back.
  const waits = totalWaitSeconds(g);
  if (waits + FLEET_START_SECONDS > MAX_EXECUTION_TIMEOUT_SECONDS.max) {
    throw new ConfigError(
      `${option}: the deployment waits ${waits / 60} minutes (${trafficShifts(g)} baking periods of waitMinutes ${g.waitMinutes} plus terminationWaitMinutes ` +
      `${g.terminationWaitMinutes}), but SageMaker's MaximumExecutionTimeoutInSeconds, which must exceed the waits, is at most ${MAX_EXECUTION_TIMEOUT_SECONDS.max / 60} minutes, ` +
      `and the new fleet needs ${FLEET_START_SECONDS / 60} of them to start: keep the waits within ${(MAX_EXECUTION_TIMEOUT_SECONDS.max - FLEET_START_SECONDS) / 60} minutes ` +
      '(shorten waitMinutes or terminationWaitMinutes, or use larger linear steps)',
    );
  }
}
