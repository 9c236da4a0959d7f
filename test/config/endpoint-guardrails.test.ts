import { ConfigError, maximumExecutionSeconds, resolveEndpoint } from '../../src/config';
import { testConfig } from '../helpers/validated-synth';

const prod = (options: Record<string, unknown>) => () => testConfig({ endpoints: { prod: { type: 'realtime', ...options } } });
const guardrails = (g: Record<string, unknown>, fleet: Record<string, unknown> = {}) => prod({ deploymentGuardrails: g, ...fleet });
const fleetOf = (min: number) => ({ autoscaling: { minInstances: min, maxInstances: Math.max(min, 4) } });

function expectRejected(run: () => unknown, message: RegExp): void {
  expect(run).toThrow(ConfigError);
  expect(run).toThrow(message);
}

describe('deployment guardrails within SageMaker\'s ranges', () => {
  // API reference "CapacitySize" (Value: minimum 1) and "TrafficRoutingConfig" (CanarySize: "Value must be
  // less than or equal to 50% of the variant's total instance count"); developer guide "Use canary traffic shifting".
  test('a canary of 0 % is rejected', () => {
    expectRejected(guardrails({ strategy: 'canary', canaryPercentage: 0 }, fleetOf(2)), /endpoints.prod.deploymentGuardrails.canaryPercentage must be a whole number in 1..50 \(SageMaker allows a canary of at most 50 % of the fleet\), got 0/);
  });

  test('a canary of 51 % of the fleet is rejected, in percent and in instances', () => {
    expectRejected(guardrails({ strategy: 'canary', canaryPercentage: 51 }, fleetOf(4)), /canaryPercentage must be a whole number in 1..50 .*got 51/);
    // 2 of 3 instances is 67 %: the smallest fleet decides (the autoscaling minimum).
    expectRejected(guardrails({ strategy: 'canary', canaryInstances: 2 }, fleetOf(3)),
      /endpoints.prod.deploymentGuardrails.canaryInstances must be at most 50 % of the smallest fleet \(endpoints.prod.autoscaling.minInstances 3\), i.e. at most 1; got 2/);
    expect(guardrails({ strategy: 'canary', canaryInstances: 2 }, fleetOf(4))).not.toThrow();
    expect(guardrails({ strategy: 'canary', canaryPercentage: 50 }, fleetOf(2))).not.toThrow();
  });

  test('a canary on a 1-instance fleet is rejected, whether the fleet is fixed or autoscaled from 1', () => {
    expectRejected(guardrails({ strategy: 'canary' }), /deploymentGuardrails.strategy "canary" needs a fleet of at least 2 instances, but endpoints.prod.autoscaling.minInstances is 1/);
    expectRejected(guardrails({ strategy: 'canary', canaryPercentage: 10 }, { autoscaling: false }), /strategy "canary" needs a fleet of at least 2 instances, but endpoints.prod.instanceCount is 1/);
    expect(guardrails({ strategy: 'canary' }, fleetOf(2))().endpoints.prod).toMatchObject({ deploymentGuardrails: { strategy: 'canary', canaryInstances: 1 } });
  });

  test('both canary sizes at once are rejected', () => {
    expectRejected(guardrails({ strategy: 'canary', canaryInstances: 1, canaryPercentage: 25 }, fleetOf(2)), /canaryInstances \(1\) and canaryPercentage \(25\) are both set/);
  });

  // API reference "TrafficRoutingConfig": LinearStepSize "Value must be 10-50% of the variant's total instance count";
  // developer guide "Use linear traffic shifting": "Each linear step should only be between 10-50%".
  test('linear steps of 5 % and 60 % are rejected; 10 % and 50 % pass', () => {
    expectRejected(guardrails({ strategy: 'linear', linearStepPercentage: 5 }, fleetOf(2)), /endpoints.prod.deploymentGuardrails.linearStepPercentage must be a whole number in 10..50 \(SageMaker allows linear steps of 10..50 % of the fleet\), got 5/);
    expectRejected(guardrails({ strategy: 'linear', linearStepPercentage: 60 }, fleetOf(2)), /linearStepPercentage must be a whole number in 10..50 .*got 60/);
    expect(guardrails({ strategy: 'linear', linearStepPercentage: 10 }, fleetOf(2))).not.toThrow();
    expect(guardrails({ strategy: 'linear', linearStepPercentage: 50 }, fleetOf(2))).not.toThrow();
    expectRejected(guardrails({ strategy: 'linear' }), /strategy "linear" needs a fleet of at least 2 instances/);
  });

  // API reference "TrafficRoutingConfig" (WaitIntervalInSeconds 0..3600) and "BlueGreenUpdatePolicy"
  // (TerminationWaitInSeconds 0..3600; MaximumExecutionTimeoutInSeconds 600..28800, "larger than the total waiting time").
  test('waits beyond SageMaker\'s ranges are rejected', () => {
    expectRejected(guardrails({ waitMinutes: 61 }), /deploymentGuardrails.waitMinutes must be a whole number in 0..60 \(WaitIntervalInSeconds 0..3600\), got 61/);
    expectRejected(guardrails({ terminationWaitMinutes: -1 }), /terminationWaitMinutes must be a whole number in 0..60 \(TerminationWaitInSeconds 0..3600\), got -1/);
    // 10 linear steps of 50 minutes: 500 minutes of baking, more than the 480-minute execution timeout allows.
    expectRejected(guardrails({ strategy: 'linear', linearStepPercentage: 10, waitMinutes: 50 }, fleetOf(2)),
      /the deployment waits 500 minutes \(10 baking periods of waitMinutes 50 plus terminationWaitMinutes 0\), but SageMaker's MaximumExecutionTimeoutInSeconds, which must exceed the waits, is at most 480 minutes/);
    // Steps of 11 % (ceil(100 / 11) = 10 baking periods) of 47 minutes plus a 20-minute termination wait: 490 minutes.
    expectRejected(guardrails({ strategy: 'linear', linearStepPercentage: 11, waitMinutes: 47, terminationWaitMinutes: 20 }, fleetOf(2)),
      /the deployment waits 490 minutes \(10 baking periods of waitMinutes 47 plus terminationWaitMinutes 20\)/);
    // 479 minutes of waits fit under the maximum but leave the new fleet one minute to start: the deployment would time out.
    expectRejected(guardrails({ strategy: 'linear', linearStepPercentage: 10, waitMinutes: 45, terminationWaitMinutes: 29 }, fleetOf(2)),
      /the deployment waits 479 minutes .* and the new fleet needs 60 of them to start: keep the waits within 420 minutes/);
    // 420 minutes of waits and the hour to start fill the 480 minutes exactly.
    expect(guardrails({ strategy: 'linear', linearStepPercentage: 10, waitMinutes: 42 }, fleetOf(2))).not.toThrow();
  });

  // Developer guide "Use all at once traffic shifting": the CloudWatch alarms watch the new fleet during the baking
  // period and trip the auto-rollback; API reference "BlueGreenUpdatePolicy": TerminationWaitInSeconds is "additional
  // waiting time ... after the completion of an endpoint deployment", default 0. The default bakes (the protection)
  // and adds no termination wait (no alarm watches it, and it holds every release).
  test('by default production bakes for 5 minutes under its rollback alarms and keeps no old fleet afterwards', () => {
    const resolved = resolveEndpoint('e', { type: 'realtime' }, 'prod');
    const guard = resolved.type === 'realtime' && resolved.deploymentGuardrails;
    if (!guard) throw new Error('guardrails expected');
    expect(guard).toMatchObject({ strategy: 'all-at-once', waitMinutes: 5, terminationWaitMinutes: 0 });
    // A team that wants a window of its own still gets one, within SageMaker's range.
    const kept = resolveEndpoint('e', { type: 'realtime', deploymentGuardrails: { terminationWaitMinutes: 60 } }, 'prod');
    expect(kept.type === 'realtime' && kept.deploymentGuardrails && kept.deploymentGuardrails.terminationWaitMinutes).toBe(60);
    expectRejected(guardrails({ terminationWaitMinutes: 61 }), /endpoints.prod.deploymentGuardrails.terminationWaitMinutes must be a whole number in 0..60 \(TerminationWaitInSeconds 0..3600\), got 61/);
  });

  // Developer guide "Auto-Rollback Configuration and Monitoring": SageMaker rolls back when an alarm trips during the
  // baking period; "Use all at once traffic shifting": the alarms watch the green fleet during the baking period. The
  // latency rollback alarm breaches on 2 of 2 one-minute periods (CloudWatch user guide "Alarm evaluation": Period,
  // Evaluation Periods, Datapoints to Alarm), so it cannot trip in a shorter baking period.
  test('a baking period too short for the rollback alarms to trip is rejected', () => {
    expectRejected(guardrails({ waitMinutes: 0 }),
      /endpoints.prod.deploymentGuardrails.waitMinutes must be at least 2 with deployment guardrails on \(SageMaker rolls back only when an alarm trips during a baking period, and the model latency alarm needs 2 one-minute datapoints\); got 0/);
    expectRejected(guardrails({ strategy: 'linear', waitMinutes: 1 }, fleetOf(2)), /waitMinutes must be at least 2 .*got 1/);
    expect(guardrails({ waitMinutes: 2 })).not.toThrow();
    // No guardrails, no automatic rollback, and no baking period to check.
    expect(prod({ deploymentGuardrails: false })).not.toThrow();
  });

  test('the execution timeout exceeds every wait by the hour the fleet needs to start, and stays within 600..28800 seconds', () => {
    const cases = [
      { strategy: 'all-at-once', waitMinutes: 2, terminationWaitMinutes: 0 },
      { strategy: 'canary', waitMinutes: 60, terminationWaitMinutes: 60 },
      { strategy: 'linear', linearStepPercentage: 10, waitMinutes: 36, terminationWaitMinutes: 60 },
    ];
    for (const g of cases) {
      const resolved = resolveEndpoint('e', { type: 'realtime', autoscaling: { minInstances: 2 }, deploymentGuardrails: g as any }, 'prod');
      const guard = resolved.type === 'realtime' && resolved.deploymentGuardrails;
      if (!guard) throw new Error('guardrails expected');
      const timeout = maximumExecutionSeconds(guard);
      expect(timeout).toBeGreaterThanOrEqual(600);
      expect(timeout).toBeLessThanOrEqual(28_800);
      const steps = g.strategy === 'linear' ? 10 : g.strategy === 'canary' ? 2 : 1;
      expect(timeout).toBeGreaterThanOrEqual((steps * g.waitMinutes + g.terminationWaitMinutes) * 60 + 3600);
    }
  });
});

describe('autoscaling bounds', () => {
  // Application Auto Scaling RegisterScalableTarget: MinCapacity <= MaxCapacity.
  test('autoscaling min > max is rejected', () => {
    expectRejected(prod({ autoscaling: { minInstances: 3, maxInstances: 2 } }),
      /endpoints.prod.autoscaling.minInstances \(3\) is greater than maxInstances \(2\): Application Auto Scaling needs MinCapacity <= MaxCapacity/);
  });

  // Developer guide "Scale an endpoint to zero instances": "An endpoint can scale to and from zero instances only if it
  // hosts inference components" ("Autoscale an asynchronous endpoint": only asynchronous inference otherwise scales to zero).
  test('min 0 on a real-time endpoint is rejected', () => {
    expectRejected(prod({ autoscaling: { minInstances: 0 } }),
      /endpoints.prod.autoscaling.minInstances must be a whole number in 1..100 \(a real-time endpoint cannot scale to zero instances: SageMaker scales to zero only endpoints with inference components\), got 0/);
  });
});

describe('captured data retention', () => {
  // Amazon S3 API reference "LifecycleExpiration": Days "must be a non-zero positive integer".
  test.each([0, -1, 1.5])('retentionDays %p is rejected', (retentionDays) => {
    expectRejected(prod({ dataCapture: { retentionDays } }), new RegExp(`endpoints.prod.dataCapture.retentionDays must be a whole number in 1..36500 \\(days before S3 deletes a captured file\\), got ${retentionDays}`));
  });
});
