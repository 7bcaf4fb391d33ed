import { describe, expect, it } from 'vitest';
import { generateStoreData } from './generate-store-data.js';
import { groupTemplates } from './templates/group-templates.js';

describe('generateStoreData', () => {
  it('returns the same rows for a store number and its store id', () => {
    expect(generateStoreData('STORE_007', 'MIXED')).toEqual(generateStoreData(7, 'MIXED'));
    expect(generateStoreData('STORE_1000', 'MIXED')).toEqual(generateStoreData(1000, 'MIXED'));
  });

  it('returns the same rows for a template name and its template object', () => {
    expect(generateStoreData(12, groupTemplates.CAMPUS_EXPRESS)).toEqual(
      generateStoreData(12, 'CAMPUS_EXPRESS'),
    );
  });

  it('returns 30 promotions of 30 distinct SKUs in SKU order', () => {
    const rows = generateStoreData(100_000, 'RURAL_VALUE', { seed: 'last store' });
    expect(rows).toHaveLength(30);
    const skus = rows.map((p) => p.sku);
    expect(new Set(skus).size).toBe(30);
    expect([...skus].sort()).toEqual(skus);
    expect(rows[0]?.storeId).toBe('STORE_100000');
  });

  it('returns MIXED rows when no template is given', () => {
    expect(generateStoreData(3)).toEqual(generateStoreData(3, 'MIXED', { seed: 42, asOf: '2026-06-01' }));
  });
});
