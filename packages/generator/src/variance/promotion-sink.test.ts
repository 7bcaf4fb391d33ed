import { describe, expect, it } from 'vitest';
import { createContext } from '../dataset-spec.js';
import { PROMOTION_NUMBER_FIELDS } from '../formats/promotion-fields.js';
import { processBatch } from '../process-batch.js';
import { createStore } from '../stores/create-store.js';
import type { Promotion } from '../types.js';
import {
  buildPromotionRow,
  emitStorePromotions,
  type PromotionSink,
  promotionNumbersOf,
  type RowStore,
  setRowStore,
} from './promotion-engine.js';

/** The number fields promotionNumbersOf gives, in its order (all but durationDays). */
const NUMBERS = PROMOTION_NUMBER_FIELDS.filter((field) => field !== 'durationDays');

describe('the engine sink', () => {
  it.each([
    [42, '2026-06-01'],
    ['sink', '2024-02-29'],
    [7, '2031-12-31'],
  ] as const)(
    'hands rows whose objects and numbers are processBatch rows (seed %s, asOf %s)',
    (seed, asOf) => {
      const ctx = createContext('MIXED', { seed, asOf });
      const rows: Promotion[] = [];
      const numbers: number[][] = [];
      const stores: unknown[] = [];
      const scratch = new Float64Array(NUMBERS.length);
      const store = {} as RowStore;
      const sink: PromotionSink = {
        beginStore(profile, calendar) {
          setRowStore(store, profile);
          store.calendar = calendar;
          stores.push(profile.store);
        },
        row(d) {
          rows.push(buildPromotionRow(store, d));
          promotionNumbersOf(d, scratch);
          numbers.push([...scratch]);
        },
      };
      for (let n = 1; n <= 120; n++) emitStorePromotions(ctx, n, sink);
      expect(JSON.stringify(rows)).toBe(
        JSON.stringify(processBatch(1, 120, 'MIXED', { seed, asOf }).promotions),
      );
      rows.forEach((row, i) => {
        NUMBERS.forEach((field, f) => {
          // Object.is: the same double, -0 and +0 told apart.
          expect(Object.is(numbers[i]?.[f], row[field])).toBe(true);
        });
      });
      expect(stores).toEqual(Array.from({ length: 120 }, (_, i) => createStore(i + 1, { seed, asOf })));
    },
  );
});
