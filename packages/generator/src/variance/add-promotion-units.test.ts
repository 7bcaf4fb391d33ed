import { describe, expect, it } from 'vitest';
import { processBatch } from '../process-batch.js';
import { validatePromotions } from '../validation/validate-promotions.js';
import { addPromotionUnits } from './promotion-engine.js';

const rows = processBatch(1, 20, 'MIXED').promotions;

describe('addPromotionUnits', () => {
  it('reproduces every generated figure exactly for no extra unit: the money rules of generation', () => {
    for (const row of rows) expect(addPromotionUnits(row, 0)).toEqual({ ...row });
  });

  it('sells the extra units at the promo price and keeps every invariant of a store', () => {
    for (const extra of [1, 7, 250]) {
      const updated = rows.map((row) => addPromotionUnits(row, extra));
      updated.forEach((row, i) => {
        const before = rows[i] as (typeof rows)[number];
        expect(row.promoUnits).toBe(before.promoUnits + extra);
        expect(row.revenue).toBeCloseTo(before.revenue + extra * before.promoPrice, 6);
        expect(row.promoSpend).toBe(before.promoSpend);
        // A unit sold above cost adds margin; the incremental 45 % of it joins the incremental margin.
        if (before.promoPrice >= before.unitCost)
          expect(row.incrementalMargin).toBeGreaterThanOrEqual(before.incrementalMargin);
      });
      expect(validatePromotions(updated).errors).toEqual([]);
    }
  });
});
