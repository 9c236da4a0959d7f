/**
 * What each stage's endpoint costs per month with no traffic, from its synthesized template: a
 * serverless endpoint nothing; a real-time one its instances around the clock, as many as
 * autoscaling keeps at its minimum (or the initial count without autoscaling).
 */
import { EndpointSpec, Template, endpointsOf } from './critical-path';
import { HOURS_PER_MONTH, InstancePrice, REALTIME_INFERENCE_PRICES, SERVERLESS_IDLE, priceOf } from './price-table';
import { SCALING_AFTER_UPDATE_TYPE } from '../src/model-deploy/endpoint-autoscaling';

/** One stage's endpoint stack, from a synthesized assembly. */
export interface StageTemplate {
  /** The stage (staging, prod). */
  readonly stage: string;
  readonly region: string;
  readonly template: Template;
}

/** The idle cost of one endpoint variant. */
export interface IdleCost {
  readonly stage: string;
  readonly endpoint: string;
  readonly kind: 'serverless' | 'realtime';
  readonly instanceType?: string;
  /** Instances running with no traffic. */
  readonly idleInstances: number;
  /** The most instances autoscaling may run (the initial count without autoscaling). */
  readonly maxInstances: number;
  readonly usdPerHour?: number;
  /** Undefined when the price table has no price for the instance type in the region. */
  readonly usdPerMonth?: number;
  /** `missing`: no price in the table; the others as in the price table. */
  readonly price: 'confirmed' | 'unconfirmed' | 'missing' | 'not-applicable';
  /** How the figure was reached. */
  readonly basis: string;
}

interface Scaling {
  readonly min: number;
  readonly max: number;
}

/**
 * Target-tracking bounds of the template's scalable targets, by their resource id
 * (`endpoint/<name>/variant/<variant>`): an AWS::ApplicationAutoScaling::ScalableTarget (the
 * first-party template), or the registration the project's endpoint stacks make through their
 * after-update custom resource (src/model-deploy/endpoint-autoscaling.ts) when autoscaling is on.
 */
function scalingTargets(template: Template): Map<string, Scaling> {
  const result = new Map<string, Scaling>();
  for (const resource of Object.values(template.Resources ?? {})) {
    const p = resource.Properties;
    if (resource.Type === 'AWS::ApplicationAutoScaling::ScalableTarget' && p?.ServiceNamespace === 'sagemaker' && typeof p.ResourceId === 'string') {
      result.set(p.ResourceId, { min: Number(p.MinCapacity), max: Number(p.MaxCapacity) });
    }
    if (resource.Type === SCALING_AFTER_UPDATE_TYPE && p?.Autoscaling === true && typeof p.EndpointName === 'string') {
      result.set(`endpoint/${p.EndpointName}/variant/${p.VariantName}`, { min: Number(p.MinCapacity), max: Number(p.MaxCapacity) });
    }
  }
  return result;
}

/** The idle costs of every endpoint variant of the given stages. */
export function idleCosts(stages: readonly StageTemplate[], table: readonly InstancePrice[] = REALTIME_INFERENCE_PRICES): IdleCost[] {
  return stages.flatMap((stage) => {
    const scaling = scalingTargets(stage.template);
    return endpointsOf(stage.template).flatMap((endpoint) => variantCosts(stage, endpoint, scaling, table));
  });
}

function variantCosts(stage: StageTemplate, endpoint: EndpointSpec, scaling: Map<string, Scaling>, table: readonly InstancePrice[]): IdleCost[] {
  const name = endpoint.endpointName ?? endpoint.logicalId;
  return endpoint.variants.map((variant): IdleCost => {
    if (variant.serverless) {
      return {
        stage: stage.stage, endpoint: name, kind: 'serverless', idleInstances: 0, maxInstances: 0,
        usdPerMonth: variant.provisionedConcurrency ? undefined : SERVERLESS_IDLE.usdPerMonth,
        price: variant.provisionedConcurrency ? 'missing' : 'not-applicable',
        basis: variant.provisionedConcurrency
          ? `serverless with provisioned concurrency ${variant.provisionedConcurrency}: billed while configured, not priced here`
          : 'serverless: scales to 0 without requests, billed per request',
      };
    }
    const initial = variant.instanceCount ?? 1;
    const bounds = scaling.get(`endpoint/${name}/variant/${variant.variantName}`);
    const idleInstances = bounds ? bounds.min : initial;
    const maxInstances = bounds ? bounds.max : initial;
    const price = variant.instanceType ? priceOf(variant.instanceType, stage.region, table) : undefined;
    const count = bounds ? `autoscaling minimum ${bounds.min} (max ${bounds.max})` : `${initial} instance(s), no autoscaling`;
    return {
      stage: stage.stage,
      endpoint: name,
      kind: 'realtime',
      instanceType: variant.instanceType,
      idleInstances,
      maxInstances,
      usdPerHour: price?.usdPerHour,
      usdPerMonth: price ? idleInstances * price.usdPerHour * HOURS_PER_MONTH : undefined,
      price: price ? price.status : 'missing',
      basis: price
        ? `${count} x ${price.usdPerHour} USD/h (${price.status}) x ${HOURS_PER_MONTH} h`
        : `${count}; no price for ${variant.instanceType} in ${stage.region} in bench/price-table.ts`,
    };
  });
}

/** The sum of some idle costs; undefined when one of them has no price. */
export function totalIdleCost(costs: readonly IdleCost[]): { readonly usdPerMonth?: number; readonly unconfirmed: boolean } {
  const unconfirmed = costs.some((cost) => cost.price === 'unconfirmed');
  if (costs.some((cost) => cost.usdPerMonth === undefined)) {
    return { unconfirmed };
  }
  return { usdPerMonth: costs.reduce((sum, cost) => sum + cost.usdPerMonth!, 0), unconfirmed };
}
