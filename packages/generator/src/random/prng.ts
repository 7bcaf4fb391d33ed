import { PromoscaleError } from '../errors.js';
// The one module of random numbers and hashes of the repo (docs/decisions/0001-prng.md): the generator's per-store
// sfc32 streams, the msw network's seeded stream (`createTextRandom`) and the hashes live updates pick rows with
// (`fnv1a32`, `hashPair32`). Why sfc32: 128 bits of state, passes PractRand/BigCrush, and runs on 32-bit integer
// operations that every JS engine executes identically and fast.

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
  return fmix32Unchecked(h);
}

/** {@link fmix32} without the argument check: the PRNG's own calls pass 32-bit integers. */
function fmix32Unchecked(h: number): number {
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
  h1 = fmix32Unchecked(h1 ^ text.length);
  h2 = fmix32Unchecked(h2 ^ Math.imul(text.length, 0x27d4eb2f) ^ h1);
  return { a: h1, b: h2 };
}

/**
 * FNV-1a, 32 bits, over the UTF-16 code units of `text`: the hash live updates start from (`String(seed)`, so `42`
 * and `'42'` agree). Not `hashSeed`, which gives the two words the generator's streams start from.
 *
 * @example
 * fnv1a32(''); // 2166136261
 */
export function fnv1a32(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/**
 * A well-mixed 32-bit hash of a pair: `b` (an integer up to 2^53) folded into the 32-bit `a`, then murmur3's
 * finaliser ({@link fmix32}). Live updates pick a store and a promotion with it.
 *
 * @example
 * hashPair32(fnv1a32('42'), sequence) % storeCount; // a well-spread store index for a sequence number
 */
export function hashPair32(a: number, b: number): number {
  return fmix32(a ^ Math.imul(b | 0, 0x9e3779b1) ^ Math.imul(Math.floor(b / 0x1_0000_0000), 0x85ebca6b));
}

/**
 * cyrb128: a 128-bit hash of `text` (four 32-bit words), the starting state of {@link createTextRandom}.
 *
 * @example
 * const [a, b, c, d] = cyrb128('promoscale'); // four unsigned 32-bit integers
 */
export function cyrb128(text: string): [number, number, number, number] {
  let h1 = 1779033703;
  let h2 = 3144134277;
  let h3 = 1013904242;
  let h4 = 2773480762;
  for (let i = 0; i < text.length; i++) {
    const k = text.charCodeAt(i);
    h1 = h2 ^ Math.imul(h1 ^ k, 597399067);
    h2 = h3 ^ Math.imul(h2 ^ k, 2869860233);
    h3 = h4 ^ Math.imul(h3 ^ k, 951274213);
    h4 = h1 ^ Math.imul(h4 ^ k, 2716044179);
  }
  h1 = Math.imul(h3 ^ (h1 >>> 18), 597399067);
  h2 = Math.imul(h4 ^ (h2 >>> 22), 2869860233);
  h3 = Math.imul(h1 ^ (h3 >>> 17), 951274213);
  h4 = Math.imul(h2 ^ (h4 >>> 19), 2716044179);
  h1 ^= h2 ^ h3 ^ h4;
  h2 ^= h1;
  h3 ^= h1;
  h4 ^= h1;
  return [h1 >>> 0, h2 >>> 0, h3 >>> 0, h4 >>> 0];
}

/**
 * A seeded stream of floats in [0, 1) named by a text: `Sfc32` started at the {@link cyrb128} hash of `text`
 * (its counter word one ahead, as in the common JavaScript sfc32). Reads neither `Math.random()` nor the clock. The
 * msw network profile draws its latencies and failures from it.
 *
 * @example
 * const random = createTextRandom('promoscale/msw/network:42');
 * random(); // the same number on every run and in every engine
 */
export function createTextRandom(text: string): () => number {
  const [a, b, c, d] = cyrb128(text);
  const rng = new Sfc32().setState(a, b, c, (d + 1) | 0);
  return () => rng.next();
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
    this.a = fmix32Unchecked(seed.a ^ Math.imul(storeNumber, 0x9e3779b1));
    this.b = fmix32Unchecked(seed.b ^ Math.imul(storeNumber + stream, 0x85ebca77));
    this.c = fmix32Unchecked(this.a ^ Math.imul(stream, 0xc2b2ae3d) ^ 0x6a09e667);
    this.d = 1;
    for (let i = 0; i < 12; i++) this.nextU32();
    return this;
  }

  /** Sets the four state words as they are (no warm-up); {@link Sfc32.seedFor} derives them from a seed instead. */
  setState(a: number, b: number, c: number, d: number): this {
    this.a = a | 0;
    this.b = b | 0;
    this.c = c | 0;
    this.d = d | 0;
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
