/** The probability at or above which a prediction is the positive class (as the evaluate step counts accuracy). */
export const PREDICTION_THRESHOLD = 0.5;

/**
 * How far below the minimum a score may be from floating-point noise alone: the endpoint prints
 * the probabilities as text, and the evaluate step computed the quality gate's AUC from the same
 * model in memory.
 */
const TOLERANCE = 1e-9;

/** What the endpoint's answers scored over the payload's known labels. */
export interface QualityResult {
  /** `auc` when the labels hold both classes; `accuracy` (at {@link PREDICTION_THRESHOLD}) when they hold one. */
  readonly metric: 'auc' | 'accuracy';
  readonly value: number;
  readonly minimum: number;
  /** Rows scored: those whose request was answered with valid predictions. */
  readonly rows: number;
  readonly positives: number;
  readonly negatives: number;
  readonly passed: boolean;
}

/**
 * Scores predictions against known 0/1 labels: the ROC AUC (the probability that a random
 * positive row scores above a random negative one, ties counting half, as scikit-learn's
 * roc_auc_score), or the accuracy when the labels hold one class only (an AUC needs both). A model
 * that answers a constant scores an AUC of exactly 0.5.
 *
 * @throws Error when the lengths differ, a label is not 0 or 1, or there is no row
 */
export function scorePredictions(predictions: readonly number[], labels: readonly number[], minimum: number): QualityResult {
  if (predictions.length !== labels.length || labels.length === 0) {
    throw new Error(`scoring needs one prediction per label and at least one row, got ${predictions.length} predictions and ${labels.length} labels`);
  }
  const bad = labels.findIndex((label) => label !== 0 && label !== 1);
  if (bad >= 0) {
    throw new Error(`label ${bad + 1} is ${labels[bad]}; a label must be 0 or 1`);
  }
  const positives = labels.filter((label) => label === 1).length;
  const negatives = labels.length - positives;
  const both = positives > 0 && negatives > 0;
  const value = both ? auc(predictions, labels, positives, negatives) : accuracy(predictions, labels);
  return { metric: both ? 'auc' : 'accuracy', value, minimum, rows: labels.length, positives, negatives, passed: value + TOLERANCE >= minimum };
}

/** `AUC 0.5000 over 40 rows (12 positive, 28 negative) is below the minimum 0.7000`. */
export function describeQuality(result: QualityResult): string {
  const name = result.metric === 'auc' ? 'AUC' : `accuracy (threshold ${PREDICTION_THRESHOLD}; the labels hold one class, so there is no AUC)`;
  const comparison = result.passed ? 'reaches' : 'is below';
  return `${name} ${result.value.toFixed(4)} over ${result.rows} labelled rows (${result.positives} positive, ${result.negatives} negative) ${comparison} the minimum ${result.minimum.toFixed(4)}`;
}

/** The Mann-Whitney U statistic over positives times negatives, with tied scores at their average rank. */
function auc(predictions: readonly number[], labels: readonly number[], positives: number, negatives: number): number {
  const order = predictions.map((score, i) => ({ score, label: labels[i] })).sort((a, b) => a.score - b.score);
  let rankSum = 0;
  for (let start = 0; start < order.length;) {
    let end = start;
    while (end < order.length && order[end].score === order[start].score) {
      end++;
    }
    const averageRank = (start + 1 + end) / 2;
    for (let i = start; i < end; i++) {
      rankSum += order[i].label === 1 ? averageRank : 0;
    }
    start = end;
  }
  return (rankSum - (positives * (positives + 1)) / 2) / (positives * negatives);
}

function accuracy(predictions: readonly number[], labels: readonly number[]): number {
  const right = predictions.filter((score, i) => (score >= PREDICTION_THRESHOLD ? 1 : 0) === labels[i]).length;
  return right / labels.length;
}
