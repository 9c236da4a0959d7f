import { LINEAR_GROWTH_TOLERANCE, compare, growth, median, ratio, round, timing } from '../../bench/stats';

describe('median', () => {
  test('is the middle value of an odd count, in any order', () => {
    expect(median([9, 1, 5])).toBe(5);
    expect(median([4.2])).toBe(4.2);
  });

  test('is the mean of the two middle values of an even count', () => {
    expect(median([10, 2, 4, 8])).toBe(6);
  });

  test('is not pulled by one slow outlier', () => {
    expect(median([5, 5.1, 4.9, 60, 5])).toBe(5);
  });

  test('does not reorder its input', () => {
    const values = [3, 1, 2];
    median(values);
    expect(values).toEqual([3, 1, 2]);
  });

  test('refuses no values and values that are not finite', () => {
    expect(() => median([])).toThrow(/at least one run/);
    expect(() => median([1, Number.NaN])).toThrow(/finite numbers/);
    expect(() => median([1, Number.POSITIVE_INFINITY])).toThrow(/finite numbers/);
  });
});

describe('timing', () => {
  test('keeps the samples and gives their median, min and max', () => {
    expect(timing([5.5, 4.5, 5])).toEqual({ samples: [5.5, 4.5, 5], median: 5, min: 4.5, max: 5.5 });
  });
});

describe('ratio and compare', () => {
  test('ratio is value over floor', () => {
    expect(ratio(7.5, 5)).toBe(1.5);
  });

  test('a ratio at the goal passes, above it fails', () => {
    expect(compare(7.5, 5, 1.5)).toEqual({ value: 7.5, floor: 5, ratio: 1.5, goal: 1.5, pass: true });
    expect(compare(7.6, 5, 1.5).pass).toBe(false);
    expect(compare(2, 5, 1.3).pass).toBe(true);
  });

  test('refuses a floor that is not a positive time, and a negative value', () => {
    expect(() => ratio(1, 0)).toThrow(/floor must be a positive number, got 0/);
    expect(() => ratio(1, -2)).toThrow(/got -2/);
    expect(() => ratio(1, Number.NaN)).toThrow(/floor must be a positive number/);
    expect(() => ratio(-1, 2)).toThrow(/measured value must be a number >= 0, got -1/);
  });
});

describe('growth', () => {
  test('linear: every added stack costs the same, ratio 1', () => {
    const g = growth([{ stacks: 1, seconds: 10 }, { stacks: 5, seconds: 12 }, { stacks: 20, seconds: 19.5 }]);
    expect(g.marginal).toEqual([
      { from: 1, to: 5, secondsPerAddedStack: 0.5 },
      { from: 5, to: 20, secondsPerAddedStack: 0.5 },
    ]);
    expect(g.overallSecondsPerAddedStack).toBeCloseTo(0.5);
    expect(g.growthRatio).toBeCloseTo(1);
    expect(g.linearOrBetter).toBe(true);
  });

  test('super-linear: stacks that cost more as they add up fail', () => {
    // t = 10 + 0.05 n^2: the 20th stack costs four times what the 2nd does.
    const t = (n: number) => 10 + 0.05 * n * n;
    const g = growth([1, 5, 20].map((stacks) => ({ stacks, seconds: t(stacks), spread: 0.2 })));
    expect(g.growthRatio!).toBeCloseTo(1.25 / 0.3);
    expect(g.tolerance).toBe(LINEAR_GROWTH_TOLERANCE);
    expect(g.linearOrBetter).toBe(false);
  });

  test('sub-linear: stacks that get cheaper pass with a ratio below 1', () => {
    const g = growth([{ stacks: 1, seconds: 10 }, { stacks: 5, seconds: 14 }, { stacks: 20, seconds: 17 }]);
    expect(g.growthRatio!).toBeLessThan(1);
    expect(g.linearOrBetter).toBe(true);
  });

  test('a ratio the runs\' noise can explain counts as linear; the same medians from tight runs do not', () => {
    // 0.1 s per stack first, 0.2 s later: within a 1 s spread, not within a 0.1 s one.
    const points = [{ stacks: 1, seconds: 10 }, { stacks: 5, seconds: 10.4 }, { stacks: 20, seconds: 13.4 }];
    const noisy = growth(points.map((p) => ({ ...p, spread: 1 })));
    expect(noisy.growthRatio!).toBeCloseTo(2);
    expect(noisy.noiseSeconds).toBe(1);
    expect(noisy.linearOrBetter).toBe(true);
    expect(growth(points.map((p) => ({ ...p, spread: 0.1 }))).linearOrBetter).toBe(false);
  });

  test('a first step that adds no time gives no ratio; later cost beyond noise is still super-linear', () => {
    const flat = growth([{ stacks: 1, seconds: 10 }, { stacks: 5, seconds: 10 }, { stacks: 20, seconds: 9.9 }]);
    expect(flat.growthRatio).toBeUndefined();
    expect(flat.linearOrBetter).toBe(true);
    const late = growth([{ stacks: 1, seconds: 10, spread: 0.1 }, { stacks: 5, seconds: 10, spread: 0.1 }, { stacks: 20, seconds: 25, spread: 0.1 }]);
    expect(late.growthRatio).toBeUndefined();
    expect(late.linearOrBetter).toBe(false);
  });

  test('gives the time per stack at each point, sorted by stack count', () => {
    const g = growth([{ stacks: 20, seconds: 20 }, { stacks: 1, seconds: 4 }, { stacks: 5, seconds: 5 }]);
    expect(g.secondsPerStack).toEqual([{ stacks: 1, seconds: 4 }, { stacks: 5, seconds: 1 }, { stacks: 20, seconds: 1 }]);
  });

  test('refuses fewer than three points, repeated counts and bad values', () => {
    expect(() => growth([{ stacks: 1, seconds: 1 }, { stacks: 2, seconds: 2 }])).toThrow(/at least 3 points, got 2/);
    expect(() => growth([{ stacks: 1, seconds: 1 }, { stacks: 1, seconds: 2 }, { stacks: 3, seconds: 3 }])).toThrow(/distinct stack counts, got 1 twice/);
    expect(() => growth([{ stacks: 0, seconds: 1 }, { stacks: 2, seconds: 2 }, { stacks: 3, seconds: 3 }])).toThrow(/whole number of stacks >= 1/);
    expect(() => growth([{ stacks: 1, seconds: 0 }, { stacks: 2, seconds: 2 }, { stacks: 3, seconds: 3 }])).toThrow(/a time > 0/);
    expect(() => growth([{ stacks: 1, seconds: 1, spread: -1 }, { stacks: 2, seconds: 2 }, { stacks: 3, seconds: 3 }])).toThrow(/a spread >= 0/);
  });
});

describe('round', () => {
  test('rounds to 3 decimals unless told otherwise', () => {
    expect(round(1.23456)).toBe(1.235);
    expect(round(1.25, 1)).toBe(1.3);
  });
});
