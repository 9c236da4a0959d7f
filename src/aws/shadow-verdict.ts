import { VariantMetrics } from './shadow-metrics';
import { PredictionComparison, round } from './shadow-stats';

/** The limits a shadow must stay within. */
export interface ShadowThresholds {
  /** The shadow's p50 and p95 ModelLatency may exceed production's by at most this percentage. */
  readonly maxLatencyIncreasePercent: number;
  /**
   * The shadow's error rate may exceed production's by at most this (0..1): both answer the same
   * requests, so errors production has too (a caller's malformed requests) are not the candidate's.
   */
  readonly maxErrorRate: number;
  /** The PSI of the shadow's predictions against production's may be at most this. */
  readonly maxPredictionPsi: number;
  /** Each variant needs at least this many invocations (CloudWatch) and captured predictions. */
  readonly minInvocations: number;
}

/** The default minimum: fewer requests make the percentiles and the PSI noise. */
export const DEFAULT_MIN_INVOCATIONS = 100;

/** The latency comparison: the shadow's increase over production, in percent, per statistic. */
export interface LatencyComparison {
  /** `percentiles` (p50 and p95), or `average` when CloudWatch returned no percentile of ModelLatency. */
  readonly compared: 'percentiles' | 'average';
  readonly increasePercent: { readonly p50: number | null; readonly p95: number | null; readonly average: number | null };
}

/** What the comparison found and decided. */
export interface ShadowVerdict {
  readonly latency: LatencyComparison;
  readonly passed: boolean;
  /** Why it failed, each with its numbers; empty when it passed. */
  readonly reasons: readonly string[];
}

/** What the verdict is made of. */
export interface ShadowEvidence {
  readonly minutes: number;
  readonly variants: { readonly production: string; readonly shadow: string };
  readonly metrics: { readonly production: VariantMetrics; readonly shadow: VariantMetrics };
  readonly predictions: PredictionComparison;
  /** Where the shadow's captured records were looked for, for the messages. */
  readonly shadowCaptureUri: string;
}

/**
 * Passes only with enough data on both sides and every comparison within its threshold; a window
 * with too few invocations or captured predictions fails (a release never passes on no data).
 */
export function shadowVerdict(evidence: ShadowEvidence, thresholds: ShadowThresholds): ShadowVerdict {
  const { metrics, variants } = evidence;
  const latency = compareLatency(metrics.production, metrics.shadow);
  const reasons: string[] = [];
  const min = thresholds.minInvocations;
  for (const side of ['production', 'shadow'] as const) {
    const invocations = metrics[side].invocations;
    if (invocations < min) {
      reasons.push(`too few invocations: the ${side} variant ${variants[side]} had ${invocations} in the last ${evidence.minutes} minutes, at least ${min} are needed (--min-invocations)`);
    }
  }
  if (reasons.length > 0) {
    return { latency, passed: false, reasons };
  }
  reasons.push(...latencyReasons(latency, metrics, thresholds.maxLatencyIncreasePercent));
  const [shadowRate, productionRate] = [metrics.shadow.errorRate ?? 0, metrics.production.errorRate ?? 0];
  const increase = round(shadowRate - productionRate) ?? 0;
  if (increase > thresholds.maxErrorRate) {
    reasons.push(`error rate ${shadowRate} of the shadow (${metrics.shadow.errors} errors in ${metrics.shadow.invocations} invocations) is ${increase} above `
      + `production's ${productionRate} on the same requests (at most ${thresholds.maxErrorRate} more allowed)`);
  }
  reasons.push(...predictionReasons(evidence, thresholds));
  return { latency, passed: reasons.length === 0, reasons };
}

function compareLatency(production: VariantMetrics, shadow: VariantMetrics): LatencyComparison {
  const increase = (p: number | null, s: number | null) => (p === null || s === null || p <= 0 ? null : round(((s - p) / p) * 100));
  const hasPercentiles = production.latencyMs.p95 !== null && shadow.latencyMs.p95 !== null;
  return {
    compared: hasPercentiles ? 'percentiles' : 'average',
    increasePercent: {
      p50: increase(production.latencyMs.p50, shadow.latencyMs.p50),
      p95: increase(production.latencyMs.p95, shadow.latencyMs.p95),
      average: increase(production.latencyMs.average, shadow.latencyMs.average),
    },
  };
}

function latencyReasons(latency: LatencyComparison, metrics: ShadowEvidence['metrics'], max: number): string[] {
  const stats = latency.compared === 'percentiles' ? (['p50', 'p95'] as const) : (['average'] as const);
  const reasons: string[] = [];
  for (const stat of stats) {
    const [p, s] = [metrics.production.latencyMs[stat], metrics.shadow.latencyMs[stat]];
    const increase = latency.increasePercent[stat];
    if (p === null || s === null || increase === null) {
      reasons.push(`no ${stat} ModelLatency to compare (production ${p ?? 'none'} ms, shadow ${s ?? 'none'} ms)`);
    } else if (increase > max) {
      reasons.push(`${stat} model latency of the shadow ${s} ms is ${increase}% above production's ${p} ms (at most ${max}% allowed)`);
    }
  }
  return reasons;
}

function predictionReasons(evidence: ShadowEvidence, thresholds: ShadowThresholds): string[] {
  const { predictions, variants } = evidence;
  const min = thresholds.minInvocations;
  if (predictions.shadow.requests === 0 && predictions.production.requests > 0) {
    return [`no captured answer of the shadow variant ${variants.shadow} under ${evidence.shadowCaptureUri} in the last ${evidence.minutes} minutes ` +
      `(production has ${predictions.production.requests}): SageMaker captures the shadow's responses under its own variant folder when data capture includes Output`];
  }
  const few = (['production', 'shadow'] as const).filter((side) => predictions[side].predictions < min);
  if (few.length > 0) {
    return few.map((side) => `too few captured predictions: ${predictions[side].predictions} of the ${side} variant ${variants[side]} ` +
      `(${predictions.basis === 'paired' ? 'on paired requests' : 'captured'}), at least ${min} are needed for the distribution (--min-invocations)`);
  }
  if (predictions.psi !== null && predictions.psi > thresholds.maxPredictionPsi) {
    return [`prediction PSI ${predictions.psi} of the shadow against production is above ${thresholds.maxPredictionPsi} ` +
      `(${predictions.basis === 'paired' ? `${predictions.pairedRequests} paired requests` : 'all captured predictions, unpaired'}; mean difference ${predictions.meanDifference})`];
  }
  return [];
}
