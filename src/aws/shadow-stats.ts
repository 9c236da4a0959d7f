import { CapturedAnswer, VariantCapture } from './shadow-capture';

/** Equal-width bins of the probabilities over [0, 1]: fixed, so both variants are binned alike. */
export const PSI_BINS = 10;

/** An empty bin counts as this share, so the index stays finite (as the drift check does). */
export const PSI_EPSILON = 1e-4;

/** How many predictions fall in each of the PSI_BINS bins of [0, 1]; a value of exactly 1 is in the last bin. */
export function binCounts(values: readonly number[], bins = PSI_BINS): number[] {
  const counts = new Array<number>(bins).fill(0);
  for (const value of values) {
    counts[Math.min(bins - 1, Math.max(0, Math.floor(value * bins)))]++;
  }
  return counts;
}

/**
 * Population stability index of `actual` (the shadow's predictions) against `expected`
 * (production's): sum over the bins of (a - e) * ln(a / e), with the shares a and e floored at
 * PSI_EPSILON. 0 for the same distribution; 0.1 to 0.2 is usually read as a moderate shift, above
 * 0.2 as a large one.
 */
export function populationStabilityIndex(expected: readonly number[], actual: readonly number[], bins = PSI_BINS): number {
  if (expected.length === 0 || actual.length === 0) {
    throw new Error('population stability index needs predictions on both sides');
  }
  const e = binCounts(expected, bins).map((count) => Math.max(count / expected.length, PSI_EPSILON));
  const a = binCounts(actual, bins).map((count) => Math.max(count / actual.length, PSI_EPSILON));
  return e.reduce((sum, share, i) => sum + (a[i] - share) * Math.log(a[i] / share), 0);
}

export function mean(values: readonly number[]): number | null {
  return values.length === 0 ? null : values.reduce((sum, value) => sum + value, 0) / values.length;
}

/** The predictions both variants gave for the same requests (same key, same number of predictions). */
export interface PairedPredictions {
  readonly requests: number;
  readonly production: readonly number[];
  readonly shadow: readonly number[];
  /** How the records were paired, when any were. */
  readonly pairedBy: 'inferenceId' | 'eventId' | null;
}

/** Pairs the records of the two variants by their key; a key seen twice in a variant keeps its first record. */
export function pairAnswers(production: readonly CapturedAnswer[], shadow: readonly CapturedAnswer[]): PairedPredictions {
  const shadowByKey = new Map<string, CapturedAnswer>();
  for (const answer of shadow) {
    if (!shadowByKey.has(answer.key)) {
      shadowByKey.set(answer.key, answer);
    }
  }
  const pairs = { production: [] as number[], shadow: [] as number[] };
  const seen = new Set<string>();
  let requests = 0;
  let pairedBy: PairedPredictions['pairedBy'] = null;
  for (const answer of production) {
    const other = shadowByKey.get(answer.key);
    if (other === undefined || seen.has(answer.key) || other.keyKind !== answer.keyKind || other.predictions.length !== answer.predictions.length) {
      continue;
    }
    seen.add(answer.key);
    requests++;
    pairedBy = answer.keyKind;
    // One by one: a request of many rows answers more predictions than a call may take arguments (push(...predictions)).
    answer.predictions.forEach((prediction, i) => {
      pairs.production.push(prediction);
      pairs.shadow.push(other.predictions[i]);
    });
  }
  return { requests, ...pairs, pairedBy };
}

/** The prediction statistics of one variant. */
export interface VariantPredictions {
  readonly requests: number;
  readonly predictions: number;
  readonly mean: number | null;
  /** Predictions per PSI bin ([0, 0.1), [0.1, 0.2), ..., [0.9, 1]). */
  readonly bins: readonly number[];
  readonly unreadableRecords: number;
  readonly outsideWindow: number;
  /** Predictions that are not probabilities in [0, 1] (left out of the bins and the mean). */
  readonly notProbabilities: number;
}

/** The prediction-distribution comparison of the report. */
export interface PredictionComparison {
  readonly production: VariantPredictions;
  readonly shadow: VariantPredictions;
  readonly pairedRequests: number;
  readonly pairedBy: 'inferenceId' | 'eventId' | null;
  /**
   * What the PSI and the mean difference are computed on: `paired` (the same requests, when at least
   * the minimum were paired) or `all-captured` (every captured prediction of each variant).
   */
  readonly basis: 'paired' | 'all-captured';
  readonly psi: number | null;
  /** Mean of the shadow's predictions less production's, on the basis. */
  readonly meanDifference: number | null;
  /** Mean absolute difference per paired prediction; null without pairs. */
  readonly pairedMeanAbsDifference: number | null;
}

/** Compares the two variants' captured predictions; `minPairs` paired requests make the basis `paired`. */
export function comparePredictions(production: VariantCapture, shadow: VariantCapture, minPairs: number): PredictionComparison {
  const paired = pairAnswers(production.answers, shadow.answers);
  const basis = paired.requests > 0 && paired.requests >= minPairs ? 'paired' : 'all-captured';
  const prod = basis === 'paired' ? paired.production : production.answers.flatMap((a) => a.predictions);
  const shad = basis === 'paired' ? paired.shadow : shadow.answers.flatMap((a) => a.predictions);
  const [prodProbabilities, shadowProbabilities] = [prod.filter(isProbability), shad.filter(isProbability)];
  const psi = prodProbabilities.length > 0 && shadowProbabilities.length > 0 ? populationStabilityIndex(prodProbabilities, shadowProbabilities) : null;
  const [prodMean, shadowMean] = [mean(prodProbabilities), mean(shadowProbabilities)];
  const absDiffs = paired.production.map((value, i) => Math.abs(value - paired.shadow[i])).filter(Number.isFinite);
  return {
    production: variantPredictions(production, prodProbabilities, prod.length),
    shadow: variantPredictions(shadow, shadowProbabilities, shad.length),
    pairedRequests: paired.requests,
    pairedBy: paired.pairedBy,
    basis,
    psi: round(psi),
    meanDifference: prodMean === null || shadowMean === null ? null : round(shadowMean - prodMean),
    pairedMeanAbsDifference: round(mean(absDiffs)),
  };
}

function variantPredictions(capture: VariantCapture, probabilities: readonly number[], total: number): VariantPredictions {
  return {
    requests: capture.answers.length,
    predictions: probabilities.length,
    mean: round(mean(probabilities)),
    bins: binCounts(probabilities),
    unreadableRecords: capture.unreadable,
    outsideWindow: capture.outsideWindow,
    notProbabilities: total - probabilities.length,
  };
}

function isProbability(value: number): boolean {
  return Number.isFinite(value) && value >= 0 && value <= 1;
}

/** `value` to 6 significant digits (reports stay readable and stable), null stays null. */
export function round(value: number | null): number | null {
  return value === null || !Number.isFinite(value) ? null : Number(value.toPrecision(6));
}
