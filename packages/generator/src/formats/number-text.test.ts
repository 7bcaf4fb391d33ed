import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { numberText } from './number-text.js';

describe('numberText', () => {
  it('gives String(value) for the values promotions hold: whole numbers, cents, tenths and thousandths', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e15, max: 1e15 }), fc.constantFrom(1, 10, 100, 1_000), (k, scale) => {
        const value = k / scale;
        expect(numberText(value)).toBe(String(value));
      }),
      { numRuns: 20_000 },
    );
  });

  it('gives String(value) for any double', () => {
    fc.assert(
      fc.property(fc.double(), (value) => {
        expect(numberText(value)).toBe(String(value));
      }),
      { numRuns: 30_000 },
    );
  }, 20_000);

  it('gives String(value) for any double of the fast range, rounded or not to a few places', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -1e9, max: 1e9, noNaN: true }),
        fc.integer({ min: 0, max: 4 }),
        (value, places) => {
          const rounded = places === 4 ? value : Math.round(value * 10 ** places) / 10 ** places;
          expect(numberText(rounded)).toBe(String(rounded));
        },
      ),
      { numRuns: 30_000 },
    );
  }, 20_000);

  it('gives String(value) for edge cases', () => {
    const edges = [
      0,
      -0,
      Number.NaN,
      Number.POSITIVE_INFINITY,
      Number.NEGATIVE_INFINITY,
      1e21,
      -1e21,
      1e13,
      9_999_999_999_999.99,
      9_007_199_791_661.191,
      999_999_999.999,
      1e9 + 0.5,
      -999_999_999.125,
      5e-7,
      1e-7,
      0.001,
      -0.001,
      -0.005,
      -0.07,
      1.005,
      0.1 + 0.2,
      Number.MAX_SAFE_INTEGER,
      Number.MIN_VALUE,
      Number.MAX_VALUE,
      2 ** 53 + 2,
      123_456.789,
      -164.7,
      1_980,
      7.702,
    ];
    for (const value of edges) expect(numberText(value)).toBe(String(value));
  });
});
