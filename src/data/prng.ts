/** The largest seed: seeds are unsigned 32-bit integers. */
export const MAX_SEED = 0xffffffff;

const TWO_POW_32 = 0x100000000;

/**
 * A small, fast pseudo-random number generator with a 128-bit state: xoshiro128** (Blackman and
 * Vigna), its state filled from the seed by the SplitMix32 mixer. The same seed gives the same
 * sequence on every platform: only 32-bit integer arithmetic (`Math.imul`, shifts) is involved.
 * Not for cryptography.
 */
export class Prng {
  /**
   * A generator whose state is given directly (four 32-bit words, not all zero). For tests
   * against the algorithm's reference outputs; use `new Prng(seed)` otherwise.
   */
  public static fromState(state: readonly [number, number, number, number]): Prng {
    const prng = new Prng(0);
    if (state.every((word) => word >>> 0 === 0)) {
      throw new RangeError('the xoshiro128** state must not be all zero');
    }
    [prng.s0, prng.s1, prng.s2, prng.s3] = state.map((word) => word >>> 0);
    return prng;
  }

  private s0: number;
  private s1: number;
  private s2: number;
  private s3: number;
  private spareNormal: number | undefined;

  /** @param seed an integer from 0 to 2^32 - 1 */
  constructor(seed: number) {
    if (!Number.isInteger(seed) || seed < 0 || seed > MAX_SEED) {
      throw new RangeError(`seed must be an integer from 0 to ${MAX_SEED}, got ${seed}`);
    }
    let mix = seed;
    const next = (): number => {
      mix = (mix + 0x9e3779b9) | 0;
      let z = mix;
      z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
      z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
      return (z ^ (z >>> 16)) >>> 0;
    };
    this.s0 = next();
    this.s1 = next();
    this.s2 = next();
    this.s3 = next();
  }

  /** The next unsigned 32-bit integer. */
  public nextUint32(): number {
    const result = Math.imul(rotl(Math.imul(this.s1, 5), 7), 9) >>> 0;
    const t = this.s1 << 9;
    this.s2 ^= this.s0;
    this.s3 ^= this.s1;
    this.s1 ^= this.s2;
    this.s0 ^= this.s3;
    this.s2 ^= t;
    this.s3 = rotl(this.s3, 11);
    return result;
  }

  /** A number in [0, 1). */
  public next(): number {
    return this.nextUint32() / TWO_POW_32;
  }

  /** Whether an event of probability `p` happens. */
  public chance(p: number): boolean {
    return this.next() < p;
  }

  /** A number in [min, max). */
  public uniform(min: number, max: number): number {
    return min + (max - min) * this.next();
  }

  /** A normally distributed number (Box-Muller; the second value of each pair is kept for the next call). */
  public normal(mean: number, sd: number): number {
    let z = this.spareNormal;
    if (z === undefined) {
      const radius = Math.sqrt(-2 * Math.log(1 - this.next()));
      const angle = 2 * Math.PI * this.next();
      z = radius * Math.cos(angle);
      this.spareNormal = radius * Math.sin(angle);
    } else {
      this.spareNormal = undefined;
    }
    return mean + sd * z;
  }

  /** `length` random lowercase hexadecimal digits. */
  public hex(length: number): string {
    let out = '';
    while (out.length < length) {
      out += this.nextUint32().toString(16).padStart(8, '0');
    }
    return out.slice(0, length);
  }
}

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}
