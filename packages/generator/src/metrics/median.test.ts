import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { median } from './median.js';

describe('median', () => {
  it('takes the middle value, or the mean of the two middle values, in numeric (not string) order', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([10, 9, 100])).toBe(10);
    expect(median(Float64Array.of(-1, -3, 5))).toBe(-1);
    expect(median([])).toBeNaN();
  });

  it('leaves its argument unsorted and has as many values at or below it as at or above it', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -1e9, max: 1e9, noNaN: true }), { minLength: 1, maxLength: 50 }),
        (values) => {
          const copy = [...values];
          const m = median(values);
          expect(values).toEqual(copy);
          expect(values.filter((v) => v <= m).length * 2).toBeGreaterThanOrEqual(values.length);
          expect(values.filter((v) => v >= m).length * 2).toBeGreaterThanOrEqual(values.length);
        },
      ),
      { seed: 11, numRuns: 200 },
    );
  });
});
