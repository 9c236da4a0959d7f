/**
 * The arithmetic of the benchmarks: medians of repeated runs, ratios against a floor measured in
 * the same run, goals, and how synth time grows with the number of stacks. Pure functions only.
 */

/** Repeated timings of one command, in seconds, and their median. */
export interface Timing {
  /** Every timed run, in the order they ran (warm-up runs excluded). */
  readonly samples: readonly number[];
  readonly median: number;
  readonly min: number;
  readonly max: number;
}

/** A figure compared with its floor, and whether it meets its goal. */
export interface Comparison {
  readonly value: number;
  readonly floor: number;
  /** value / floor. */
  readonly ratio: number;
  /** The largest ratio the goal allows. */
  readonly goal: number;
  readonly pass: boolean;
}

/** The median of some numbers (the mean of the two middle ones for an even count). */
export function median(values: readonly number[]): number {
  if (values.length === 0) {
    throw new Error('median of no values: a measurement needs at least one run');
  }
  if (values.some((value) => !Number.isFinite(value))) {
    throw new Error(`median needs finite numbers, got ${JSON.stringify(values)}`);
  }
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** Summarizes the timed runs of one command. */
export function timing(samples: readonly number[]): Timing {
  return { samples: [...samples], median: median(samples), min: Math.min(...samples), max: Math.max(...samples) };
}

/** value / floor; the floor must be a positive time. */
export function ratio(value: number, floor: number): number {
  if (!(floor > 0) || !Number.isFinite(floor)) {
    throw new Error(`the floor must be a positive number, got ${floor}`);
  }
  if (!(value >= 0) || !Number.isFinite(value)) {
    throw new Error(`the measured value must be a number >= 0, got ${value}`);
  }
  return value / floor;
}

/** Compares a value with its floor against a goal on their ratio (pass when ratio <= goal). */
export function compare(value: number, floor: number, goal: number): Comparison {
  const r = ratio(value, floor);
  return { value, floor, ratio: r, goal, pass: r <= goal };
}

/** Synth time (median seconds) of an app with a given number of stacks. */
export interface ScalePoint {
  readonly stacks: number;
  readonly seconds: number;
  /** The spread of the point's runs (max - min), when known: the noise the growth check allows for. */
  readonly spread?: number;
}

/** How synth time grows with the number of stacks. */
export interface Growth {
  /** Seconds per stack at each point (total time / stacks). */
  readonly secondsPerStack: readonly { readonly stacks: number; readonly seconds: number }[];
  /** Seconds each added stack costs between consecutive points. */
  readonly marginal: readonly { readonly from: number; readonly to: number; readonly secondsPerAddedStack: number }[];
  /** Seconds each added stack costs from the smallest to the largest app. */
  readonly overallSecondsPerAddedStack: number;
  /**
   * The cost of an added stack in the last step over its cost in the first step: about 1 when
   * every stack costs the same (linear), above 1 when stacks get dearer as they add up
   * (super-linear), below 1 when they get cheaper. Undefined when the first step adds no time.
   */
  readonly growthRatio?: number;
  /** The largest growth ratio still counted as linear. */
  readonly tolerance: number;
  /** The widest spread (max - min) of any point's runs, in seconds: how far a median may be off. */
  readonly noiseSeconds: number;
  /**
   * False only when the last step's cost per stack exceeds `tolerance` times the first step's
   * even when each median is moved by the noise in the direction that favours linear growth.
   */
  readonly linearOrBetter: boolean;
}

/** Growth ratios up to this count as linear. */
export const LINEAR_GROWTH_TOLERANCE = 1.25;

/**
 * Growth of synth time over at least three points with distinct stack counts: the cost of an
 * added stack in each step, and whether the last step's exceeds the first step's by more than the
 * tolerance and the runs' noise can explain. With small per-stack costs on a noisy machine the
 * ratio itself swings widely; the verdict does not.
 */
export function growth(points: readonly ScalePoint[], tolerance = LINEAR_GROWTH_TOLERANCE): Growth {
  const sorted = [...points].sort((a, b) => a.stacks - b.stacks);
  if (sorted.length < 3) {
    throw new Error(`growth needs at least 3 points, got ${sorted.length}`);
  }
  for (let i = 1; i < sorted.length; i++) {
    if (sorted[i].stacks === sorted[i - 1].stacks) {
      throw new Error(`growth needs distinct stack counts, got ${sorted[i].stacks} twice`);
    }
  }
  if (sorted.some((p) => !(p.stacks >= 1) || !Number.isInteger(p.stacks) || !(p.seconds > 0) || (p.spread !== undefined && !(p.spread >= 0)))) {
    throw new Error(`every point needs a whole number of stacks >= 1, a time > 0 and a spread >= 0, got ${JSON.stringify(sorted)}`);
  }
  const steps = sorted.slice(1).map((point, i) => ({ from: sorted[i], to: point }));
  const marginal = steps.map(({ from, to }) => ({ from: from.stacks, to: to.stacks, secondsPerAddedStack: (to.seconds - from.seconds) / (to.stacks - from.stacks) }));
  const noise = Math.max(0, ...sorted.map((p) => p.spread ?? 0));
  const first = marginal[0];
  const last = marginal[marginal.length - 1];
  const firstHigh = first.secondsPerAddedStack + noise / (first.to - first.from);
  const lastLow = last.secondsPerAddedStack - noise / (last.to - last.from);
  const overall = (sorted[sorted.length - 1].seconds - sorted[0].seconds) / (sorted[sorted.length - 1].stacks - sorted[0].stacks);
  return {
    secondsPerStack: sorted.map((p) => ({ stacks: p.stacks, seconds: p.seconds / p.stacks })),
    marginal,
    overallSecondsPerAddedStack: overall,
    growthRatio: first.secondsPerAddedStack > 0 ? last.secondsPerAddedStack / first.secondsPerAddedStack : undefined,
    tolerance,
    noiseSeconds: noise,
    linearOrBetter: !(lastLow > 0 && lastLow > tolerance * Math.max(firstHigh, 0)),
  };
}

/** Rounds for display and for results.json (3 decimals). */
export function round(value: number, decimals = 3): number {
  const factor = 10 ** decimals;
  return Math.round(value * factor) / factor;
}
