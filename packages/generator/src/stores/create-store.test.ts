import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PromoscaleError } from '../errors.js';
import { REGIONS } from './cities.js';
import { createStore, formatStoreId, parseStoreId, tryParseStoreId } from './create-store.js';

describe('formatStoreId', () => {
  it.each([
    [1, 'STORE_001'],
    [7, 'STORE_007'],
    [42, 'STORE_042'],
    [999, 'STORE_999'],
    [1000, 'STORE_1000'],
    [100_000, 'STORE_100000'],
  ])('returns the padded id for store %i', (n, id) => {
    expect(formatStoreId(n)).toBe(id);
  });
});

describe('parseStoreId', () => {
  it.each(['STORE_001', 'STORE_999', 'STORE_1000', 'STORE_100000'])('returns a round trip for %s', (id) => {
    expect(formatStoreId(parseStoreId(id, 'storeId'))).toBe(id);
  });

  it('returns n for formatStoreId(n) and for n itself, for every store number', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 100_000 }), (n) => {
        expect(parseStoreId(formatStoreId(n), 'storeId')).toBe(n);
        expect(parseStoreId(n, 'storeId')).toBe(n);
      }),
      { numRuns: 100 },
    );
  });
});

describe('tryParseStoreId', () => {
  it('agrees with parseStoreId on canonical ids and answers null where parseStoreId throws', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 100_000 }), (n) => {
        expect(tryParseStoreId(formatStoreId(n))).toBe(n);
      }),
      { numRuns: 100 },
    );
    for (const id of [
      'STORE_7',
      'STORE_0007',
      'store_007',
      'STORE_000',
      'STORE_100001',
      'STORE_01000',
      '',
      '7',
    ]) {
      expect(tryParseStoreId(id)).toBeNull();
      expect(() => parseStoreId(id)).toThrow(PromoscaleError);
    }
  });
});

describe('createStore', () => {
  it('returns a store with DOMAIN.md fields', () => {
    const store = createStore(40_000, { seed: 42, stores: 50_000 });
    expect(store.storeId).toBe('STORE_40000');
    expect(store.storeNumber).toBe(40_000);
    expect(REGIONS).toContain(store.region);
    expect(store.name).toContain(store.city);
    expect(store.name).toContain('#40000');
    expect(Number.isInteger(store.sqft) && store.sqft > 0).toBe(true);
    expect(Number.isInteger(store.weeklyTraffic) && store.weeklyTraffic > 0).toBe(true);
    expect(store.openedYear).toBeGreaterThanOrEqual(1900);
    expect(store.openedYear).toBeLessThanOrEqual(2026);
  });

  it('returns the same store whatever spec.stores is', () => {
    expect(createStore(8, { seed: 'a', stores: 8 })).toEqual(createStore(8, { seed: 'a', stores: 100_000 }));
    expect(createStore(8, { seed: 'a' })).toEqual(createStore(8, { seed: 'a', stores: 8 }));
  });

  it('returns the template asked for, and a MIXED pick otherwise', () => {
    expect(createStore(5, { templates: 'COASTAL_SEASONAL' }).template).toBe('COASTAL_SEASONAL');
    expect(createStore(5, { templates: { URBAN_PREMIUM: 1 } }).template).toBe('URBAN_PREMIUM');
  });
});
