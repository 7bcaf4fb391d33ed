import { beforeAll, describe, expect, it } from 'vitest';
import { processBatch } from '../process-batch.js';
import type { Promotion } from '../types.js';
import { type ValidationRule, validatePromotions } from './validate-promotions.js';

const ASOF = '2026-06-01';
let valid: readonly Promotion[] = [];
let storeIds: readonly string[] = [];

beforeAll(() => {
  ({ promotions: valid, storeIds } = processBatch(1, 3, 'MIXED', { seed: 'validation' }));
});

function copyRows(): Promotion[] {
  return structuredClone(valid) as Promotion[];
}

function addDays(iso: string, days: number): string {
  return new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

type Mutation = [description: string, rule: ValidationRule, mutate: (row: Promotion) => void];

const MUTATIONS: readonly Mutation[] = [
  ['promoPrice equals regularPrice', 'promoPrice', (p) => (p.promoPrice = p.regularPrice)],
  ['promoPrice above regularPrice', 'promoPrice', (p) => (p.promoPrice = p.regularPrice + 1)],
  ['discountPct off by 1', 'discountPct', (p) => (p.discountPct += 1)],
  ['revenue off by 0.02', 'revenue', (p) => (p.revenue = Math.round((p.revenue + 0.02) * 100) / 100)],
  ['baselineRevenue off by 0.02', 'baselineRevenue', (p) => (p.baselineRevenue += 0.02)],
  ['incrementalRevenue off by 0.02', 'incrementalRevenue', (p) => (p.incrementalRevenue -= 0.02)],
  ['incrementalUnits off by 1', 'incrementalUnits', (p) => (p.incrementalUnits += 1)],
  ['liftPct off by 1', 'liftPct', (p) => (p.liftPct += 1)],
  ['grossMargin off by 0.02', 'grossMargin', (p) => (p.grossMargin += 0.02)],
  ['marginPct off by 1', 'marginPct', (p) => (p.marginPct += 1)],
  ['roi off by 0.05', 'roi', (p) => (p.roi += 0.05)],
  ['endDate one day late', 'dates', (p) => (p.endDate = addDays(p.endDate, 1))],
  ['durationDays of another length', 'dates', (p) => (p.durationDays = p.durationDays === 7 ? 14 : 7)],
  ['a wrong status', 'status', (p) => (p.status = p.status === 'completed' ? 'planned' : 'completed')],
  ['an impossible startDate', 'structure', (p) => (p.startDate = '2026-02-30')],
  ['a slash-formatted endDate', 'structure', (p) => (p.endDate = p.endDate.replaceAll('-', '/'))],
  ['a missing field', 'structure', (p) => delete (p as Partial<Promotion>).brand],
  ['a string where a number belongs', 'structure', (p) => ((p as { revenue: unknown }).revenue = '12.00')],
  ['a NaN roi', 'structure', (p) => (p.roi = Number.NaN)],
  ['fractional units', 'structure', (p) => (p.promoUnits += 0.5)],
  ['an unknown promoType', 'structure', (p) => ((p as { promoType: string }).promoType = 'FLASH_SALE')],
  ['an id that does not match storeId and sku', 'structure', (p) => (p.id = `${p.id}X`)],
];

describe('validatePromotions', () => {
  it('returns valid for generated rows', () => {
    expect(validatePromotions(valid, { asOf: ASOF, stores: storeIds })).toEqual({
      valid: true,
      checked: 90,
      errors: [],
      truncated: false,
      errorCount: 0,
    });
    expect(validatePromotions(valid, { stores: 3 }).valid).toBe(true);
    expect(validatePromotions(valid).valid).toBe(true);
  });

  it.each(MUTATIONS)('returns invalid with rule %s → %s for the broken row', (_description, rule, mutate) => {
    const rows = copyRows();
    const target = rows[17] as Promotion;
    const id = target.id;
    mutate(target);
    const result = validatePromotions(rows, { asOf: ASOF, stores: storeIds });
    expect(result.valid).toBe(false);
    expect(result.errorCount).toBeGreaterThanOrEqual(1);
    expect(result.errors).toContainEqual(
      expect.objectContaining({ id: rule === 'structure' ? target.id : id, rule }),
    );
    const error = result.errors.find((e) => e.rule === rule);
    expect(error?.message.length).toBeGreaterThan(0);
    // The other rows are not blamed.
    for (const e of result.errors) expect([id, target.id, target.storeId]).toContain(e.id);
  });

  it('returns a uniqueId error when an id appears twice', () => {
    const rows = copyRows();
    rows[1] = { ...(rows[0] as Promotion) };
    const result = validatePromotions(rows, { asOf: ASOF, stores: storeIds });
    expect(result.valid).toBe(false);
    expect(result.errors).toEqual([expect.objectContaining({ id: rows[0]?.id, rule: 'uniqueId' })]);
  });

  it('returns a storeCount error naming the store when it has 29 promotions', () => {
    const rows = copyRows();
    rows.splice(40, 1);
    const result = validatePromotions(rows, { asOf: ASOF, stores: storeIds });
    expect(result.valid).toBe(false);
    expect(result.errors).toEqual([expect.objectContaining({ id: 'STORE_002', rule: 'storeCount' })]);
    expect(result.errors[0]?.message).toContain('29');
  });

  it('returns a storeCount error when an expected store is missing or an unexpected one is present', () => {
    const missing = validatePromotions(valid.slice(0, 60), { stores: storeIds });
    expect(missing.errors).toEqual([expect.objectContaining({ id: 'STORE_003', rule: 'storeCount' })]);
    const extra = validatePromotions(valid, { stores: ['STORE_001', 'STORE_002'] });
    expect(extra.errors).toEqual([expect.objectContaining({ id: 'STORE_003', rule: 'storeCount' })]);
    const count = validatePromotions(valid, { stores: 4 });
    expect(count.errors).toEqual([expect.objectContaining({ id: '*', rule: 'storeCount' })]);
  });

  it('returns status errors when checked against another asOf than the one generated for', () => {
    const result = validatePromotions(valid, { asOf: '2027-06-01' });
    expect(result.valid).toBe(false);
    expect(new Set(result.errors.map((e) => e.rule))).toEqual(new Set(['status']));
  });

  it('returns truncated errors with the full errorCount when maxErrors is exceeded', () => {
    const rows = copyRows();
    for (const i of [0, 10, 20, 30, 40]) (rows[i] as Promotion).liftPct += 5;
    const result = validatePromotions(rows, { asOf: ASOF, stores: storeIds, maxErrors: 2 });
    expect(result.valid).toBe(false);
    expect(result.errors).toHaveLength(2);
    expect(result.errors.map((e) => e.id)).toEqual([rows[0]?.id, rows[10]?.id]);
    expect(result.truncated).toBe(true);
    expect(result.errorCount).toBe(5);
    const all = validatePromotions(rows, { asOf: ASOF, stores: storeIds });
    expect(all.truncated).toBe(false);
    expect(all.errors).toHaveLength(5);
  });

  it('returns valid for an empty list with no expectations, and a per-store count from promotionsPerStore', () => {
    expect(validatePromotions([]).valid).toBe(true);
    expect(validatePromotions(valid.slice(0, 10), { promotionsPerStore: 10, stores: 1 }).valid).toBe(true);
  });
});
