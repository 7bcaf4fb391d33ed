import { describe, expect, it } from 'vitest';
import { fmix32, hashSeed, normalFromU32, Sfc32, STREAM, U32_TO_UNIT } from './prng.js';

describe('fmix32', () => {
  it('returns the same unsigned 32-bit values as murmur3 finalisation, in every run', () => {
    expect([0, 1, 42, 0xffffffff].map(fmix32)).toEqual([0, 1364076727, 142593372, 2180083513]);
    expect(fmix32(-1)).toBe(fmix32(0xffffffff));
  });

  it('returns distinct outputs for distinct inputs (a bijection on 32-bit words)', () => {
    const outputs = new Set<number>();
    for (let i = 0; i < 10_000; i++) outputs.add(fmix32(Math.imul(i, 0x9e3779b1)));
    expect(outputs.size).toBe(10_000);
  });
});

describe('Sfc32.fillU32', () => {
  const seed = hashSeed(42);

  it('writes the same numbers, in the same order, as that many nextU32 calls, and leaves the stream after them', () => {
    const one = new Sfc32().seedFor(seed, 17, STREAM.STORE);
    const batched = new Sfc32().seedFor(seed, 17, STREAM.STORE);
    const out = new Uint32Array(14);
    for (const count of [13, 14, 1, 0, 14]) {
      batched.fillU32(out, count);
      const expected = Array.from({ length: count }, () => one.nextU32());
      expect(Array.from(out.subarray(0, count))).toEqual(expected);
    }
    expect(batched.nextU32()).toBe(one.nextU32());
    expect(batched.next()).toBe(one.next());
  });

  it('gives the draws that next() and normal() give, through U32_TO_UNIT and normalFromU32', () => {
    const calls = new Sfc32().seedFor(seed, 3, STREAM.TEMPLATE);
    const batched = new Sfc32().seedFor(seed, 3, STREAM.TEMPLATE);
    const out = new Uint32Array(3);
    for (let i = 0; i < 1_000; i++) {
      batched.fillU32(out, 3);
      expect((out[0] as number) * U32_TO_UNIT).toBe(calls.next());
      expect(normalFromU32(out[1] as number, out[2] as number)).toBe(calls.normal());
    }
  });
});
