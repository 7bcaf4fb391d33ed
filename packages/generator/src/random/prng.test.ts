import { describe, expect, it } from 'vitest';
import { fmix32 } from './prng.js';

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
