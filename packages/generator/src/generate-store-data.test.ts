import { describe, expect, it } from 'vitest';
import { generateStoreData } from './generate-store-data.js';
import { STORE_TEMPLATES } from './templates/store-templates.js';

describe('generateStoreData', () => {
  it('returns the same rows for a store number and its store id', () => {
    expect(generateStoreData('STORE_007', 'MIXED')).toEqual(generateStoreData(7, 'MIXED'));
    expect(generateStoreData('STORE_1000', 'MIXED')).toEqual(generateStoreData(1000, 'MIXED'));
  });

  it('returns the same rows for a template name and its template object', () => {
    expect(generateStoreData(12, STORE_TEMPLATES.CAMPUS_EXPRESS)).toEqual(
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

  it('returns plain objects: Object.prototype, own enumerable data fields only, equal to their copies', () => {
    const rows = generateStoreData(42, 'MIXED');
    for (const row of rows) {
      expect(Object.getPrototypeOf(row)).toBe(Object.prototype);
      expect(row.constructor).toBe(Object);
      expect(Object.keys(row)).toEqual(Object.getOwnPropertyNames(row));
      expect({ ...row }).toStrictEqual(row);
      expect(structuredClone(row)).toStrictEqual(row);
      expect(JSON.parse(JSON.stringify(row))).toStrictEqual(row);
    }
    // A row is the caller's to change: writing one number never shows up in another row.
    const [first, second] = rows as [(typeof rows)[number], (typeof rows)[number]];
    const price = second.regularPrice;
    first.regularPrice = 1234.5;
    expect(second.regularPrice).toBe(price);
    expect(generateStoreData(42, 'MIXED')[0]?.regularPrice).not.toBe(1234.5);
  });

  it('returns MIXED rows when no template is given', () => {
    expect(generateStoreData(3)).toEqual(generateStoreData(3, 'MIXED', { seed: 42, asOf: '2026-06-01' }));
  });
});
