import { describe, expect, it } from 'vitest';
import { detExp } from './det-math.js';

describe('detExp', () => {
  it('returns e^x within 1e-15 relative error over the range the engine uses', () => {
    for (let x = -5; x <= 5; x += 0.0137) {
      expect(Math.abs(detExp(x) / Math.exp(x) - 1)).toBeLessThan(1e-15);
    }
  });

  it('returns exactly 1 at 0 and exact powers of e across the range ends', () => {
    expect(detExp(0)).toBe(1);
    expect(Math.abs(detExp(44) / Math.exp(44) - 1)).toBeLessThan(1e-14);
    expect(Math.abs(detExp(-44) / Math.exp(-44) - 1)).toBeLessThan(1e-14);
  });
});
