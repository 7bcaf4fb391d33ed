import * as generatorFields from '@promoscale/generator';
import { type Promotion, processBatch } from '@promoscale/generator';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type PromotionFilters, promotionFilterShape } from '../query/promotion-filters-schema.js';
import * as fields from '../query/promotion-query-fields.js';
import { createPromotionPredicate, FILTER_KEYS } from './create-promotion-predicate.js';
import { PromotionTable } from './promotion-table.js';

// The filter rules of DOMAIN.md section 6 are written twice on purpose, for speed: a row at a time
// (`createPromotionPredicate`) and as masks over columns (`ColumnQuery`, behind `PromotionTable`). Both walk the
// same field lists (promotion-query-fields.ts); this file holds them to the same rows for every filter kind.

// Stores 1..40 of a MIXED dataset plus 995..1005: every template, region, category, type and status occurs.
const rows: Promotion[] = [
  ...processBatch(1, 40, 'MIXED').promotions,
  ...processBatch(995, 1005, 'MIXED').promotions,
];
const table = new PromotionTable(rows, { sortCacheSize: 2, resultCacheSize: 2 });

const present = <K extends keyof Promotion>(field: K) => [...new Set(rows.map((row) => row[field]))];

/** Values a list filter takes: ones in the rows and, now and then, a valid one the rows do not hold. */
function listValues(field: (typeof fields.LIST_FILTER_FIELDS)[number]): fc.Arbitrary<string[]> {
  const absent: Record<string, string> = { storeId: 'STORE_500', sku: 'SKU9999', brand: 'No Such Brand' };
  const values = present(field) as string[];
  const pool = absent[field] === undefined ? values : [...values, absent[field] as string];
  return fc.uniqueArray(fc.constantFrom(...pool), { minLength: 1, maxLength: 4 });
}

/** A bound of a numeric range: a value of the rows, a hair either side of one (cents, tenths), or any number. */
function numberBound(field: (typeof generatorFields.PROMOTION_NUMBER_FIELDS)[number]): fc.Arbitrary<number> {
  const values = present(field) as number[];
  return fc.oneof(
    fc.constantFrom(...values),
    fc
      .tuple(fc.constantFrom(...values), fc.constantFrom(-0.005, -0.0001, 0.0001, 0.004, 0.05))
      .map(([v, d]) => v + d),
    fc.double({ min: -1e6, max: 1e6, noNaN: true }),
  );
}

/** A bound of a date range: a date of the rows or a real date around the promotion calendar. */
function dateBound(field: (typeof generatorFields.PROMOTION_DATE_FIELDS)[number]): fc.Arbitrary<string> {
  return fc.oneof(
    fc.constantFrom(...(present(field) as string[])),
    fc
      .date({
        min: new Date('2025-06-01T00:00:00Z'),
        max: new Date('2027-06-30T00:00:00Z'),
        noInvalidDate: true,
      })
      .map((date) => date.toISOString().slice(0, 10)),
  );
}

/** `q`: a piece of a searched field in any case, or a short string that may match nothing. */
const search = fc
  .oneof(
    fc
      .tuple(
        fc.constantFrom(...fields.SEARCH_FIELDS),
        fc.nat(rows.length - 1),
        fc.nat(6),
        fc.integer({ min: 1, max: 5 }),
      )
      .map(([field, i, from, length]) => (rows[i] as Promotion)[field].slice(from, from + length)),
    fc.string({ minLength: 1, maxLength: 3 }),
  )
  .chain((text) => fc.constantFrom(text, text.toUpperCase(), text.toLowerCase()));

const byKey = new Map<string, fc.Arbitrary<unknown>>([['q', search]]);
for (const field of fields.LIST_FILTER_FIELDS) byKey.set(field, listValues(field));
for (const field of generatorFields.PROMOTION_BOOLEAN_FIELDS) byKey.set(field, fc.boolean());
for (const field of generatorFields.PROMOTION_NUMBER_FIELDS) {
  byKey.set(`${field}_gte`, numberBound(field));
  byKey.set(`${field}_lte`, numberBound(field));
}
for (const field of generatorFields.PROMOTION_DATE_FIELDS) {
  byKey.set(`${field}_gte`, dateBound(field));
  byKey.set(`${field}_lte`, dateBound(field));
}

function filtersOf(keys: readonly string[]): fc.Arbitrary<PromotionFilters> {
  return fc.record(
    Object.fromEntries(keys.map((key) => [key, byKey.get(key) as fc.Arbitrary<unknown>])),
  ) as fc.Arbitrary<PromotionFilters>;
}

/** The row indices (dataset order) the predicate keeps. */
function predicateRows(filters: PromotionFilters): number[] {
  const keep = createPromotionPredicate(filters);
  const out: number[] = [];
  rows.forEach((row, i) => {
    if (keep(row)) out.push(i);
  });
  return out;
}

describe('the filter rules: row predicate and column masks', () => {
  it('know the same filters, every one the query schema parses', () => {
    expect([...FILTER_KEYS].sort()).toEqual(Object.keys(promotionFilterShape).sort());
    expect([...byKey.keys()].sort()).toEqual([...FILTER_KEYS].sort());
  });

  it.each([...FILTER_KEYS])('select the same rows for %s alone', (key) => {
    fc.assert(
      fc.property(filtersOf([key]), (filters) => {
        expect(Array.from(table.select(filters, []))).toEqual(predicateRows(filters));
      }),
      { seed: 20261203, numRuns: 12 },
    );
  });

  it('select the same rows for random combinations of filters, and select something often', () => {
    let nonEmpty = 0;
    fc.assert(
      fc.property(
        fc.shuffledSubarray([...FILTER_KEYS], { minLength: 2, maxLength: 3 }).chain(filtersOf),
        (filters) => {
          const expected = predicateRows(filters);
          if (expected.length > 0) nonEmpty++;
          expect(Array.from(table.select(filters, []))).toEqual(expected);
        },
      ),
      { seed: 3, numRuns: 300 },
    );
    expect(nonEmpty).toBeGreaterThan(60);
  });
});
