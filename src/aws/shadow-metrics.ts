import { CloudWatchClient, MetricDataQuery, MetricDataResult, paginateGetMetricData } from '@aws-sdk/client-cloudwatch';
import { TimeWindow } from './shadow-capture';
import { round } from './shadow-stats';

/**
 * The endpoint invocation metrics of one variant, from CloudWatch.
 *
 * "Monitor Amazon SageMaker with Amazon CloudWatch" (SageMaker endpoint invocation metrics): namespace
 * `AWS/SageMaker`, dimensions `EndpointName` and `VariantName`; `Invocations`, `Invocation4XXErrors`,
 * `Invocation5XXErrors` (Sum), `ModelLatency` and `OverheadLatency` in microseconds. "Monitor a shadow
 * test" charts these per variant, the shadow variant's under its own VariantName, with
 * `InvocationModelErrors` (requests to the model that did not get a 2XX answer).
 */
export const SAGEMAKER_NAMESPACE = 'AWS/SageMaker';

/** What the comparison reads of one variant. */
export interface VariantMetrics {
  readonly invocations: number;
  readonly invocation4xxErrors: number;
  readonly invocation5xxErrors: number;
  readonly invocationModelErrors: number;
  /**
   * Errors counted for the error rate: the larger of InvocationModelErrors and 4XX + 5XX (the model's
   * 4XX and 5XX answers are in both, so they are not added).
   */
  readonly errors: number;
  /** errors / invocations; null without invocations. */
  readonly errorRate: number | null;
  readonly latencyMs: { readonly p50: number | null; readonly p95: number | null; readonly average: number | null };
  readonly overheadLatencyMs: { readonly p95: number | null };
}

/** The queries' short names and what each asks CloudWatch for. */
const QUERIES: ReadonlyArray<{ readonly id: string; readonly metric: string; readonly stat: string }> = [
  { id: 'inv', metric: 'Invocations', stat: 'Sum' },
  { id: 'e4', metric: 'Invocation4XXErrors', stat: 'Sum' },
  { id: 'e5', metric: 'Invocation5XXErrors', stat: 'Sum' },
  { id: 'me', metric: 'InvocationModelErrors', stat: 'Sum' },
  { id: 'p50', metric: 'ModelLatency', stat: 'p50' },
  { id: 'p95', metric: 'ModelLatency', stat: 'p95' },
  { id: 'avg', metric: 'ModelLatency', stat: 'Average' },
  { id: 'n', metric: 'ModelLatency', stat: 'SampleCount' },
  { id: 'oh95', metric: 'OverheadLatency', stat: 'p95' },
];

/** Data points of a start time older than 15 days come in periods of multiples of 300 seconds, older than 63 days of 3600. */
const FIFTEEN_DAYS_S = 15 * 24 * 3600;
const SIXTY_THREE_DAYS_S = 63 * 24 * 3600;

/**
 * One period covering the whole window, ending at the window's end, a multiple of the step the
 * query's start time calls for by its age at `now` (CloudWatch API Reference, MetricStat "Period":
 * 60 seconds up to 15 days ago, 300 up to 63 days, 3600 beyond; another period returns no data
 * points). The query starts one period before the end, so the age is the end's plus the period.
 */
export function metricPeriodSeconds(window: TimeWindow, now: number = Date.now()): number {
  const seconds = Math.ceil((window.end.getTime() - window.start.getTime()) / 1000);
  const lagS = Math.max(0, (now - window.end.getTime()) / 1000);
  const periodFor = (step: number) => Math.max(step, Math.ceil(seconds / step) * step);
  let step = 60;
  if (lagS + periodFor(step) > FIFTEEN_DAYS_S) {
    step = 300;
  }
  if (lagS + periodFor(step) > SIXTY_THREE_DAYS_S) {
    step = 3600;
  }
  return periodFor(step);
}

/** The GetMetricData queries for the two variants: ids `<side>_<query>`. */
export function metricQueries(endpointName: string, variants: { readonly production: string; readonly shadow: string }, period: number): MetricDataQuery[] {
  return (['production', 'shadow'] as const).flatMap((side) => QUERIES.map((query) => ({
    Id: `${side}_${query.id}`,
    MetricStat: {
      Metric: { Namespace: SAGEMAKER_NAMESPACE, MetricName: query.metric, Dimensions: [{ Name: 'EndpointName', Value: endpointName }, { Name: 'VariantName', Value: variants[side] }] },
      Period: period,
      Stat: query.stat,
    },
    ReturnData: true,
  })));
}

/**
 * The variant metrics from GetMetricData results: counts add up over the periods returned; a
 * percentile of several periods is the largest (an upper bound); the average is weighted by the
 * sample count. A metric without data points is 0 for counts and null for latencies.
 */
export function variantMetrics(results: readonly MetricDataResult[], side: 'production' | 'shadow'): VariantMetrics {
  const values = (id: string) => results.filter((r) => r.Id === `${side}_${id}`).flatMap((r) => r.Values ?? []);
  const sum = (id: string) => values(id).reduce((total, value) => total + value, 0);
  const max = (id: string) => (values(id).length === 0 ? null : Math.max(...values(id)));
  const averages = values('avg');
  const counts = values('n');
  const weighted = averages.length === 0 ? null
    : counts.length === averages.length && sum('n') > 0 ? averages.reduce((total, value, i) => total + value * counts[i], 0) / sum('n')
      : averages.reduce((total, value) => total + value, 0) / averages.length;
  const invocations = sum('inv');
  const [e4, e5, me] = [sum('e4'), sum('e5'), sum('me')];
  const errors = Math.max(me, e4 + e5);
  const ms = (microseconds: number | null) => round(microseconds === null ? null : microseconds / 1000);
  return {
    invocations,
    invocation4xxErrors: e4,
    invocation5xxErrors: e5,
    invocationModelErrors: me,
    errors,
    errorRate: invocations > 0 ? round(errors / invocations) : null,
    latencyMs: { p50: ms(max('p50')), p95: ms(max('p95')), average: ms(weighted) },
    overheadLatencyMs: { p95: ms(max('oh95')) },
  };
}

/** Reads both variants' metrics for the window (every page of GetMetricData). */
export async function readShadowMetrics(
  client: CloudWatchClient, endpointName: string, variants: { readonly production: string; readonly shadow: string }, window: TimeWindow, now: number = Date.now(),
): Promise<{ readonly production: VariantMetrics; readonly shadow: VariantMetrics; readonly periodSeconds: number }> {
  const period = metricPeriodSeconds(window, now);
  const start = new Date(window.end.getTime() - period * 1000);
  const results: MetricDataResult[] = [];
  for await (const page of paginateGetMetricData({ client }, { MetricDataQueries: metricQueries(endpointName, variants, period), StartTime: start, EndTime: window.end })) {
    results.push(...(page.MetricDataResults ?? []));
  }
  return { production: variantMetrics(results, 'production'), shadow: variantMetrics(results, 'shadow'), periodSeconds: period };
}
