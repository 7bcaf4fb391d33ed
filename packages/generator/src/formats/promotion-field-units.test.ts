import { describe, expect, it } from 'vitest';
import { processBatch } from '../process-batch.js';
import { PROMOTION_FIELD_UNITS, type PromotionFieldUnit } from './promotion-field-units.js';
import { PROMOTION_DATE_FIELDS, PROMOTION_FIELDS, promotionFieldKind } from './promotion-fields.js';

const rows = processBatch(1, 5, 'MIXED', { seed: 'units' }).promotions;
const fieldsOf = (unit: PromotionFieldUnit) =>
  PROMOTION_FIELDS.filter((field) => PROMOTION_FIELD_UNITS[field] === unit);
const KIND_OF_UNIT: Record<PromotionFieldUnit, 'string' | 'number' | 'boolean'> = {
  id: 'string',
  text: 'string',
  enum: 'string',
  date: 'string',
  days: 'number',
  money: 'number',
  count: 'number',
  percent: 'number',
  ratio: 'number',
  boolean: 'boolean',
};

describe('PROMOTION_FIELD_UNITS', () => {
  it('gives every Promotion field exactly one unit, in canonical order', () => {
    expect(Object.keys(PROMOTION_FIELD_UNITS)).toEqual([...PROMOTION_FIELDS]);
    expect(Object.isFrozen(PROMOTION_FIELD_UNITS)).toBe(true);
  });

  it('returns a unit whose value type matches the field kind of generated rows', () => {
    for (const field of PROMOTION_FIELDS) {
      const unit = PROMOTION_FIELD_UNITS[field];
      expect(promotionFieldKind(field), field).toBe(KIND_OF_UNIT[unit]);
      for (const row of rows) expect(typeof row[field], field).toBe(KIND_OF_UNIT[unit]);
    }
  });

  it('calls money exactly the dollar fields: prices, cost, revenues, margins in dollars and spend', () => {
    expect(fieldsOf('money')).toEqual([
      'regularPrice',
      'promoPrice',
      'unitCost',
      'baselineRevenue',
      'revenue',
      'incrementalRevenue',
      'grossMargin',
      'incrementalMargin',
      'promoSpend',
    ]);
    for (const row of rows) {
      for (const field of fieldsOf('money')) {
        const cents = (row[field] as number) * 100;
        expect(Math.abs(cents - Math.round(cents)), field).toBeLessThan(1e-6);
      }
      // DOMAIN.md invariants tie the money fields to each other in dollars.
      expect(row.revenue).toBeCloseTo(row.promoUnits * row.promoPrice, 1);
      expect(row.incrementalRevenue).toBeCloseTo(row.revenue - row.baselineRevenue, 1);
    }
  });

  it('calls percent the …Pct fields and ratio roi and redemptionRate, as DOMAIN.md section 4 says', () => {
    expect(fieldsOf('percent')).toEqual(PROMOTION_FIELDS.filter((field) => field.endsWith('Pct')));
    expect(fieldsOf('ratio')).toEqual(['roi', 'redemptionRate']);
    for (const row of rows) {
      expect(Math.abs(row.discountPct - 100 * (1 - row.promoPrice / row.regularPrice))).toBeLessThanOrEqual(
        0.5,
      );
      expect(row.redemptionRate).toBeGreaterThanOrEqual(0);
      expect(row.redemptionRate).toBeLessThanOrEqual(1);
    }
  });

  it('calls count the whole-unit fields and date the ISO date fields', () => {
    expect(fieldsOf('count')).toEqual(['baselineUnits', 'promoUnits', 'incrementalUnits']);
    expect(fieldsOf('date')).toEqual([...PROMOTION_DATE_FIELDS]);
    expect(fieldsOf('days')).toEqual(['durationDays']);
    for (const row of rows) {
      for (const field of fieldsOf('count')) expect(Number.isInteger(row[field]), field).toBe(true);
      for (const field of fieldsOf('date')) expect(row[field]).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
  });

  it('calls enum the fields with a known set of values and id the identifiers', () => {
    expect(fieldsOf('enum')).toEqual(['template', 'region', 'category', 'promoType', 'status']);
    expect(fieldsOf('id')).toEqual(['id', 'storeId', 'sku']);
    for (const field of fieldsOf('enum'))
      expect(new Set(rows.map((row) => row[field])).size).toBeLessThan(20);
  });
});
