import { PromoscaleError } from '../errors.js';
// Why sfc32: 128 bits of state, passes PractRand/BigCrush, and runs on 32-bit integer operations that every JS
// engine executes identically and fast. See docs/decisions/0001-prng.md.

/** A seed reduced to two 32-bit words. */
export interface SeedHash {
  readonly a: number;
  readonly b: number;
}

/**
 * Murmur3's 32-bit finaliser: a bijective avalanche mix of a 32-bit integer (every input bit flips about half of
 * the output bits). Built from 32-bit integer operations only, so it gives the same result in every JS engine: the
 * generator derives its PRNG streams with it, and code that must pick rows deterministically can hash with it.
 *
 * @param h - an integer; only its low 32 bits count
 * @returns an unsigned 32-bit integer
 * @throws PromoscaleError `INVALID_OPTION` when `h` is not an integer (a string, NaN or 1.5 would hash as 0 or 1).
 * @example
 * fmix32(1); // 1364076727
 * fmix32(seedWord ^ Math.imul(sequence, 0x9e3779b1)) % storeCount; // a well-spread store index
 */
export function fmix32(h: number): number {
  if (typeof h !== 'number' || !Number.isInteger(h)) {
    throw new PromoscaleError('INVALID_OPTION', 'h', h, 'an integer (only its low 32 bits count)');
  }
  return mix32(h);
}

/** {@link fmix32} without the argument check: the PRNG's own calls pass 32-bit integers. */
function mix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** Hashes a seed (its decimal or string form, so `42` and `'42'` are the same seed) to two 32-bit words. */
export function hashSeed(seed: number | string): SeedHash {
  const text = typeof seed === 'number' ? String(seed) : seed;
  let h1 = 0x9e3779b9;
  let h2 = 0x243f6a88;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193);
    h2 = Math.imul(h2 ^ c, 0x5bd1e995);
  }
  h1 = mix32(h1 ^ text.length);
  h2 = mix32(h2 ^ Math.imul(text.length, 0x27d4eb2f) ^ h1);
  return { a: h1, b: h2 };
}

/** Purposes of independent streams derived from one seed and store number. */
export const STREAM = {
  STORE: 1,
  TEMPLATE: 2,
} as const;

/** 2^-32: turns a 32-bit output into a float in [0, 1), as {@link Sfc32.next} does. */
export const U32_TO_UNIT = 2.3283064365386963e-10;

/** The normal draw of {@link Sfc32.normal} from its two 32-bit outputs `x` then `y`. */
export function normalFromU32(x: number, y: number): number {
  return ((x & 0xffff) + (x >>> 16) + (y & 0xffff) + (y >>> 16) + 2 - 131072) * 2.6428997918226276e-5;
}

/** sfc32 ("small fast chaotic") generator. Reseed it per store with {@link Sfc32.seedFor}. */
export class Sfc32 {
  private a = 0;
  private b = 0;
  private c = 0;
  private d = 0;

  /** Resets the state to the stream of (`seed`, `storeNumber`, `stream`): independent of every other store. */
  seedFor(seed: SeedHash, storeNumber: number, stream: number): this {
    this.a = mix32(seed.a ^ Math.imul(storeNumber, 0x9e3779b1));
    this.b = mix32(seed.b ^ Math.imul(storeNumber + stream, 0x85ebca77));
    this.c = mix32(this.a ^ Math.imul(stream, 0xc2b2ae3d) ^ 0x6a09e667);
    this.d = 1;
    for (let i = 0; i < 12; i++) this.nextU32();
    return this;
  }

  /** The next 32-bit unsigned integer. */
  nextU32(): number {
    const a = this.a;
    const b = this.b;
    const c = this.c;
    const d = this.d;
    const t = (((a + b) | 0) + d) | 0;
    this.d = (d + 1) | 0;
    this.a = b ^ (b >>> 9);
    this.b = (c + (c << 3)) | 0;
    this.c = (((c << 21) | (c >>> 11)) + t) | 0;
    return t >>> 0;
  }

  /** A float in [0, 1) with 32 bits of randomness. */
  next(): number {
    // × 2^-32 (exact): the same bits as ÷ 2^32, without a division.
    return this.nextU32() * 2.3283064365386963e-10;
  }

  /** An integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.next() * n);
  }

  /** A uniform float in [min, max). */
  range(min: number, max: number): number {
    return min + this.next() * (max - min);
  }

  /**
   * An approximately standard-normal draw: Irwin-Hall sum of four 16-bit uniforms (two 32-bit outputs), variance
   * 1, bounded to ±3.46. Arithmetic only, so identical in every engine, and free of absurd tails.
   */
  normal(): number {
    const x = this.nextU32();
    return normalFromU32(x, this.nextU32());
  }

  /**
   * Writes the next `count` outputs of {@link Sfc32.nextU32} to `out[0]` … `out[count - 1]`, in order: the same
   * numbers as `count` calls, from one call (the variance engine takes a row's draws this way).
   */
  fillU32(out: Uint32Array, count: number): void {
    let a = this.a;
    let b = this.b;
    let c = this.c;
    let d = this.d;
    for (let i = 0; i < count; i++) {
      const t = (((a + b) | 0) + d) | 0;
      d = (d + 1) | 0;
      a = b ^ (b >>> 9);
      b = (c + (c << 3)) | 0;
      c = (((c << 21) | (c >>> 11)) + t) | 0;
      out[i] = t;
    }
    this.a = a;
    this.b = b;
    this.c = c;
    this.d = d;
  }
}
