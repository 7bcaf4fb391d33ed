import { describe, expect, it } from 'vitest';
import { storeDataIterator } from '../store-data-iterator.js';
import { CENTS, createDecimalTable, TENTHS, THOUSANDTHS } from './shared-numbers.js';

describe('createDecimalTable', () => {
  it('returns k / scale for every k, inside and outside its range', () => {
    const table = createDecimalTable(100, -50, 50);
    for (let k = -120; k <= 120; k++) {
      expect(table.get(k)).toBe(k / 100);
      expect(table.get(k)).toBe(k / 100); // the second read comes from the table
    }
  });

  it('returns +0, never -0, for a zero of either sign', () => {
    const table = createDecimalTable(10, -5, 5);
    expect(Object.is(table.get(-0), 0)).toBe(true);
    expect(Object.is(table.get(0), 0)).toBe(true);
    const outside = createDecimalTable(10, 1, 5);
    expect(Object.is(outside.get(-0), 0)).toBe(true);
  });

  it('passes non-finite and fractional inputs through as k / scale', () => {
    const table = createDecimalTable(1_000, 0, 10);
    expect(table.get(Number.POSITIVE_INFINITY)).toBe(Number.POSITIVE_INFINITY);
    expect(table.get(Number.NEGATIVE_INFINITY)).toBe(Number.NEGATIVE_INFINITY);
    expect(table.get(Number.NaN)).toBeNaN();
    expect(table.get(2.5)).toBe(0.0025);
  });

  it('covers the ranges the engine writes: prices, percentages and ratios', () => {
    expect([CENTS.scale, CENTS.min, CENTS.max]).toEqual([100, 0, 10_000]);
    expect(CENTS.get(2_309)).toBe(23.09);
    expect(TENTHS.get(-1_647)).toBe(-164.7);
    expect(TENTHS.get(19_800)).toBe(1_980);
    expect(THOUSANDTHS.get(-1_000)).toBe(-1);
    expect(THOUSANDTHS.get(7_702)).toBe(7.702);
  });
});

describe('the tables the engine shares', () => {
  // 6,000 stores (180,000 rows) are needed to reach the fields' extremes. They are streamed a chunk at a time, never
  // held at once, so the cost is generation alone; the budget is explicit for a busy 2-core machine.
  it('cover every value of the eight shared fields in generated data, so every row shares them', {
    timeout: 60_000,
  }, () => {
    const fields = [
      [CENTS, ['regularPrice', 'promoPrice', 'unitCost']],
      [TENTHS, ['discountPct', 'liftPct', 'marginPct']],
      [THOUSANDTHS, ['roi', 'redemptionRate']],
    ] as const;
    const seen = fields.map(() => ({
      low: Number.POSITIVE_INFINITY,
      high: Number.NEGATIVE_INFINITY,
      inexact: 0,
    }));
    for (const seed of [1, 42, 'coverage']) {
      for (const { promotions } of storeDataIterator(2_000, 250, 'MIXED', { seed })) {
        fields.forEach(([table, names], f) => {
          const range = seen[f] as (typeof seen)[number];
          for (const row of promotions) {
            for (const name of names) {
              const k = Math.round(row[name] * table.scale);
              if (k / table.scale !== row[name]) range.inexact++;
              if (k < range.low) range.low = k;
              if (k > range.high) range.high = k;
            }
          }
        });
      }
    }
    fields.forEach(([table], f) => {
      const range = seen[f] as (typeof seen)[number];
      expect(range.inexact).toBe(0);
      expect(range.low).toBeGreaterThanOrEqual(table.min);
      expect(range.high).toBeLessThan(table.max);
    });
  });
});
