import { Template } from '../../bench/critical-path';
import { firstPartyEndpointStack } from '../../bench/first-party-template';
import { idleCosts, totalIdleCost } from '../../bench/idle-cost';
import { HOURS_PER_MONTH, InstancePrice, REALTIME_INFERENCE_PRICES, priceOf } from '../../bench/price-table';

const PRICES: InstancePrice[] = [
  { instanceType: 'ml.m5.large', region: 'us-east-1', usdPerHour: 0.1, status: 'confirmed', readOn: '2026-01-01', sources: ['test'], note: '' },
  { instanceType: 'ml.c5.large', region: 'us-east-1', usdPerHour: 0.2, status: 'unconfirmed', readOn: '2026-01-01', sources: ['test'], note: '' },
];

function stack(variant: Record<string, unknown>, scalable?: { min: number; max: number }, endpointName = 'demo-prod'): Template {
  return {
    Resources: {
      Config: { Type: 'AWS::SageMaker::EndpointConfig', Properties: { ProductionVariants: [{ VariantName: 'AllTraffic', ...variant }] } },
      Endpoint: { Type: 'AWS::SageMaker::Endpoint', Properties: { EndpointName: endpointName, EndpointConfigName: { 'Fn::GetAtt': ['Config', 'EndpointConfigName'] } } },
      ...(scalable ? {
        Target: {
          Type: 'AWS::ApplicationAutoScaling::ScalableTarget',
          Properties: { ServiceNamespace: 'sagemaker', ResourceId: `endpoint/${endpointName}/variant/AllTraffic`, MinCapacity: scalable.min, MaxCapacity: scalable.max },
        },
      } : {}),
    },
  };
}

describe('idleCosts', () => {
  test('a serverless endpoint costs nothing idle', () => {
    const [cost] = idleCosts([{ stage: 'staging', region: 'us-east-1', template: stack({ ServerlessConfig: { MemorySizeInMB: 2048, MaxConcurrency: 5 } }) }], PRICES);
    expect(cost).toMatchObject({ stage: 'staging', kind: 'serverless', idleInstances: 0, usdPerMonth: 0, price: 'not-applicable' });
  });

  test('serverless with provisioned concurrency is billed while configured, and not priced here', () => {
    const [cost] = idleCosts([{ stage: 'staging', region: 'us-east-1', template: stack({ ServerlessConfig: { MemorySizeInMB: 2048, MaxConcurrency: 5, ProvisionedConcurrency: 2 } }) }], PRICES);
    expect(cost.usdPerMonth).toBeUndefined();
    expect(cost.price).toBe('missing');
    expect(cost.basis).toMatch(/provisioned concurrency 2/);
  });

  test('real-time without autoscaling: the initial count around the clock', () => {
    const [cost] = idleCosts([{ stage: 'prod', region: 'us-east-1', template: stack({ InstanceType: 'ml.m5.large', InitialInstanceCount: 2 }) }], PRICES);
    expect(cost).toMatchObject({ kind: 'realtime', instanceType: 'ml.m5.large', idleInstances: 2, maxInstances: 2, usdPerHour: 0.1, price: 'confirmed' });
    expect(cost.usdPerMonth).toBeCloseTo(2 * 0.1 * HOURS_PER_MONTH);
  });

  test('real-time with autoscaling: the scaling minimum, with the maximum reported', () => {
    const [cost] = idleCosts([{ stage: 'prod', region: 'us-east-1', template: stack({ InstanceType: 'ml.m5.large', InitialInstanceCount: 3 }, { min: 1, max: 4 }) }], PRICES);
    expect(cost).toMatchObject({ idleInstances: 1, maxInstances: 4 });
    expect(cost.usdPerMonth).toBeCloseTo(0.1 * HOURS_PER_MONTH);
    expect(cost.basis).toMatch(/autoscaling minimum 1 \(max 4\)/);
  });

  test('real-time with the project\'s autoscaling: the registration its after-update resource makes, not one with autoscaling off', () => {
    const template = stack({ InstanceType: 'ml.m5.large', InitialInstanceCount: 3 });
    const after = (autoscaling: boolean) => ({
      Type: 'Custom::ScalableTargetAfterUpdate',
      Properties: { EndpointName: 'demo-prod', VariantName: 'AllTraffic', Autoscaling: autoscaling, ...(autoscaling ? { MinCapacity: 2, MaxCapacity: 5 } : {}) },
    });
    const scaled = { ...template, Resources: { ...template.Resources, After: after(true) } };
    expect(idleCosts([{ stage: 'prod', region: 'us-east-1', template: scaled }], PRICES)[0]).toMatchObject({ idleInstances: 2, maxInstances: 5 });
    const fixed = { ...template, Resources: { ...template.Resources, After: after(false) } };
    expect(idleCosts([{ stage: 'prod', region: 'us-east-1', template: fixed }], PRICES)[0]).toMatchObject({ idleInstances: 3 });
  });

  test('a scalable target of another endpoint does not count', () => {
    const template = stack({ InstanceType: 'ml.m5.large', InitialInstanceCount: 2 }, { min: 1, max: 4 });
    (template.Resources as any).Target.Properties.ResourceId = 'endpoint/other/variant/AllTraffic';
    expect(idleCosts([{ stage: 'prod', region: 'us-east-1', template }], PRICES)[0].idleInstances).toBe(2);
  });

  test('an instance type or region without a price is reported, not guessed', () => {
    const [other] = idleCosts([{ stage: 'prod', region: 'us-east-1', template: stack({ InstanceType: 'ml.g5.xlarge', InitialInstanceCount: 1 }) }], PRICES);
    expect(other).toMatchObject({ usdPerMonth: undefined, price: 'missing' });
    expect(other.basis).toMatch(/no price for ml.g5.xlarge in us-east-1/);
    const [elsewhere] = idleCosts([{ stage: 'prod', region: 'eu-west-1', template: stack({ InstanceType: 'ml.m5.large', InitialInstanceCount: 1 }) }], PRICES);
    expect(elsewhere.price).toBe('missing');
  });

  test('the first-party defaults: ml.m5.large x 1 in staging and prod, no autoscaling', () => {
    const costs = idleCosts((['staging', 'prod'] as const).map((stage) => ({ stage, region: 'us-east-1', template: firstPartyEndpointStack(stage) })), PRICES);
    expect(costs.map((c) => [c.stage, c.endpoint, c.instanceType, c.idleInstances])).toEqual([
      ['staging', 'first-party-staging', 'ml.m5.large', 1],
      ['prod', 'first-party-prod', 'ml.m5.large', 1],
    ]);
  });
});

describe('totalIdleCost', () => {
  test('sums the stages and says when a price is unconfirmed', () => {
    const costs = idleCosts([
      { stage: 'staging', region: 'us-east-1', template: stack({ InstanceType: 'ml.m5.large', InitialInstanceCount: 1 }, undefined, 'a') },
      { stage: 'prod', region: 'us-east-1', template: stack({ InstanceType: 'ml.c5.large', InitialInstanceCount: 1 }, undefined, 'b') },
    ], PRICES);
    const total = totalIdleCost(costs);
    expect(total.usdPerMonth).toBeCloseTo((0.1 + 0.2) * HOURS_PER_MONTH);
    expect(total.unconfirmed).toBe(true);
  });

  test('has no sum when a stage has no price', () => {
    const costs = idleCosts([{ stage: 'prod', region: 'us-east-1', template: stack({ InstanceType: 'ml.g5.xlarge', InitialInstanceCount: 1 }) }], PRICES);
    expect(totalIdleCost(costs)).toEqual({ unconfirmed: false });
  });
});

describe('price table', () => {
  test('every price names its sources, the day they were read, and whether AWS confirmed it', () => {
    for (const price of REALTIME_INFERENCE_PRICES) {
      expect(price.sources.length).toBeGreaterThan(0);
      expect(price.readOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(['confirmed', 'unconfirmed']).toContain(price.status);
      expect(price.usdPerHour).toBeGreaterThan(0);
    }
  });

  test('has the instance type both templates default to, and finds prices by type and region', () => {
    expect(priceOf('ml.m5.large', 'us-east-1')).toBeDefined();
    expect(priceOf('ml.m5.large', 'eu-central-1')).toBeUndefined();
  });
});
