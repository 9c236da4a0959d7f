import { MAX_SEED, Prng } from '../../src/data';

describe('Prng', () => {
  test('is xoshiro128**: the reference outputs for the state 1, 2, 3, 4', () => {
    const prng = Prng.fromState([1, 2, 3, 4]);
    expect(Array.from({ length: 6 }, () => prng.nextUint32())).toEqual([11520, 0, 5927040, 70819200, 2031721883, 1637235492]);
  });

  test('the same seed gives the same sequence, another seed another one', () => {
    const draw = (seed: number) => {
      const prng = new Prng(seed);
      return Array.from({ length: 50 }, () => prng.nextUint32());
    };
    expect(draw(42)).toEqual(draw(42));
    expect(draw(43)).not.toEqual(draw(42));
    expect(draw(0)).not.toEqual(draw(MAX_SEED));
  });

  test('next, uniform and chance stay in their ranges and are about uniform', () => {
    const prng = new Prng(7);
    const values = Array.from({ length: 20_000 }, () => prng.next());
    expect(Math.min(...values)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...values)).toBeLessThan(1);
    expect(values.reduce((a, b) => a + b, 0) / values.length).toBeCloseTo(0.5, 1);
    const uniforms = Array.from({ length: 1000 }, () => prng.uniform(8, 23.5));
    expect(uniforms.every((u) => u >= 8 && u < 23.5)).toBe(true);
    const hits = Array.from({ length: 20_000 }, () => prng.chance(0.25)).filter(Boolean).length;
    expect(hits / 20_000).toBeCloseTo(0.25, 1);
  });

  test('normal has the asked mean and standard deviation', () => {
    const prng = new Prng(11);
    const values = Array.from({ length: 40_000 }, () => prng.normal(45, 15));
    const mean = values.reduce((a, b) => a + b, 0) / values.length;
    const sd = Math.sqrt(values.reduce((a, b) => a + (b - mean) ** 2, 0) / (values.length - 1));
    expect(mean).toBeCloseTo(45, 0);
    expect(sd).toBeCloseTo(15, 0);
  });

  test('hex gives lowercase hexadecimal digits of the asked length', () => {
    const prng = new Prng(3);
    expect(prng.hex(32)).toMatch(/^[0-9a-f]{32}$/);
    expect(prng.hex(5)).toMatch(/^[0-9a-f]{5}$/);
  });

  test.each([-1, 1.5, MAX_SEED + 1, Number.NaN])('rejects the seed %p', (seed) => {
    expect(() => new Prng(seed)).toThrow(new RangeError(`seed must be an integer from 0 to ${MAX_SEED}, got ${seed}`));
  });

  test('rejects an all-zero state', () => {
    expect(() => Prng.fromState([0, 0, 0, 0])).toThrow(/must not be all zero/);
  });
});
