/**
 * On-demand prices the idle-cost estimate uses, each with where it was read and whether it could
 * be confirmed against AWS's own pricing page. A price that could not be confirmed is still
 * listed, marked so, and every figure computed from it says so.
 */

/** Hours in a month, as AWS's pricing examples count them (24 x 365 / 12). */
export const HOURS_PER_MONTH = 730;

/** The on-demand price of a SageMaker real-time inference instance in one region. */
export interface InstancePrice {
  readonly instanceType: string;
  readonly region: string;
  readonly usdPerHour: number;
  /** `confirmed`: read on AWS's pricing page; `unconfirmed`: from secondary sources only. */
  readonly status: 'confirmed' | 'unconfirmed';
  /** When the sources were read (YYYY-MM-DD). */
  readonly readOn: string;
  readonly sources: readonly string[];
  readonly note: string;
}

/** The authoritative page for SageMaker AI prices. */
export const SAGEMAKER_PRICING_PAGE = 'https://aws.amazon.com/sagemaker/ai/pricing/';

export const REALTIME_INFERENCE_PRICES: readonly InstancePrice[] = [
  {
    instanceType: 'ml.m5.large',
    region: 'us-east-1',
    usdPerHour: 0.115,
    status: 'unconfirmed',
    readOn: '2026-11-24',
    sources: [
      `${SAGEMAKER_PRICING_PAGE} (Real-Time Inference tab): its price tables are rendered by script and were not in the stored copy searched, so the figure could not be read there`,
      'public cost-estimation code on GitHub (several independent projects) lists ml.m5.large at 0.115 USD/hour',
    ],
    note: 'not confirmed against AWS: check the Real-Time Inference tab of the pricing page for us-east-1 before quoting the monthly figures',
  },
];

/** Serverless inference bills per request (compute duration and data); an idle endpoint costs nothing. */
export const SERVERLESS_IDLE = {
  usdPerMonth: 0,
  source: 'https://docs.aws.amazon.com/sagemaker/latest/dg/serverless-endpoints.html: without requests a serverless endpoint scales down to 0 (pay per use); provisioned concurrency, which this project does not set, is billed while configured',
} as const;

/** The price of an instance type in a region, or undefined when the table has none. */
export function priceOf(instanceType: string, region: string, table: readonly InstancePrice[] = REALTIME_INFERENCE_PRICES): InstancePrice | undefined {
  return table.find((price) => price.instanceType === instanceType && price.region === region);
}
