import { CATEGORIES, processBatch, REGIONS, TEMPLATE_NAMES } from '@promoscale/generator';
import { describe, expect, it } from 'vitest';
import { CategorySchema, isIsoDate, RegionSchema, TemplateNameSchema } from './enum-schemas.js';
import { PromotionSchema } from './promotion-schema.js';
import { StoreSchema } from './store-schema.js';

describe('entity schemas', () => {
  it('accept every generated promotion unchanged, keys in PROMOTION_FIELDS order', () => {
    const { promotions } = processBatch(1, 30, 'MIXED', { seed: 'schemas' });
    for (const row of promotions) expect(PromotionSchema.parse(row)).toEqual(row);
  });

  it('reject a promotion with a wrong enum, date or type', () => {
    const [row] = processBatch(1, 1).promotions;
    for (const patch of [
      { status: 'ACTIVE' },
      { startDate: '2026-02-30' },
      { revenue: '12' },
      { durationDays: 10 },
    ]) {
      expect(PromotionSchema.safeParse({ ...row, ...patch }).success, JSON.stringify(patch)).toBe(false);
    }
  });

  it('list the same enum values as the generator', () => {
    expect(TemplateNameSchema.options).toEqual([...TEMPLATE_NAMES]);
    expect(RegionSchema.options).toEqual([...REGIONS]);
    expect(CategorySchema.options).toEqual([...CATEGORIES]);
  });

  it('check store ids and dates strictly', () => {
    expect(StoreSchema.shape.storeId.safeParse('STORE_001').success).toBe(true);
    for (const id of ['STORE_1', 'STORE_0001', 'STORE_000', 'store_001']) {
      expect(StoreSchema.shape.storeId.safeParse(id).success, id).toBe(false);
    }
    expect([
      isIsoDate('2000-02-29'),
      isIsoDate('1900-02-29'),
      isIsoDate('2026-12-31'),
      isIsoDate('2026-12-32'),
    ]).toEqual([true, false, true, false]);
  });
});
