import {
  PROMOTION_FIELDS,
  PROMOTION_NUMBER_FIELDS,
  type Promotion,
  processBatch,
} from '@promoscale/generator';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type ReferenceQuery, referencePage, referenceSummary } from '../contract/reference-model.js';
import type { SortKey } from '../query/param-schemas.js';
import { SUMMARY_GROUP_BY_FIELDS } from '../query/promotion-query-fields.js';
import type { PromotionsQuery } from '../query/promotions-query-schema.js';
import { PromotionTable } from './promotion-table.js';
import { queryRows, summarizeRows } from './query-rows.js';

// Stores 95..105 and 995..1005: ids such as PRM-STORE_1000-… sort between PRM-STORE_100-… and PRM-STORE_101-….
const rows: Promotion[] = JSON.parse(
  JSON.stringify([
    ...processBatch(95, 105, 'MIXED').promotions,
    ...processBatch(995, 1005, 'MIXED').promotions,
  ]),
);
const table = new PromotionTable(rows, { sortCacheSize: 4, resultCacheSize: 4 });

const value = <K extends keyof Promotion>(field: K) =>
  fc.constantFrom(...new Set(rows.map((row) => row[field])));

const filterArbitraries: Record<string, fc.Arbitrary<unknown>> = {
  category: fc.uniqueArray(value('category'), { minLength: 1, maxLength: 3 }),
  status: fc.uniqueArray(value('status'), { minLength: 1, maxLength: 2 }),
  storeId: fc.uniqueArray(value('storeId'), { minLength: 1, maxLength: 4 }),
  brand: fc.uniqueArray(value('brand'), { minLength: 1, maxLength: 4 }),
  featureAd: fc.boolean(),
  roi_gte: value('roi'),
  liftPct_lte: value('liftPct'),
  revenue_gte: value('revenue'),
  startDate_gte: value('startDate'),
  endDate_lte: value('endDate'),
  q: fc.oneof(
    value('productName').map((name) => name.slice(1, 4).toUpperCase()),
    fc.constantFrom('09', 'store_1', 'a'),
  ),
};

// A few filters at a time (fc.record would set most keys and leave nothing to match).
const filtersArbitrary = fc
  .shuffledSubarray(Object.keys(filterArbitraries), { maxLength: 3 })
  .chain((keys) =>
    fc.record(Object.fromEntries(keys.map((key) => [key, filterArbitraries[key] as fc.Arbitrary<unknown>]))),
  );

const queryArbitrary = fc
  .tuple(
    fc.record({
      offset: fc.oneof(fc.constant(0), fc.nat(rows.length + 20)),
      limit: fc.oneof(fc.constant(100), fc.integer({ min: 1, max: 1000 })),
      sort: fc.uniqueArray(fc.constantFrom(...PROMOTION_FIELDS), { maxLength: 3 }).chain((fields) =>
        fc.tuple(
          ...fields.map((field) =>
            fc.record({
              field: fc.constant(field),
              direction: fc.constantFrom<SortKey['direction']>('asc', 'desc'),
            }),
          ),
        ),
      ),
    }),
    filtersArbitrary,
  )
  .map(([base, filters]) => ({ ...base, ...filters }) as PromotionsQuery);

function toReference(query: PromotionsQuery): ReferenceQuery {
  const lists = (['category', 'status', 'storeId', 'brand'] as const)
    .filter((field) => query[field] !== undefined)
    .map((field) => ({ field, values: query[field] as string[] }));
  const ranges: ReferenceQuery['ranges'] = [];
  if (query.roi_gte !== undefined) ranges.push({ field: 'roi', gte: query.roi_gte });
  if (query.liftPct_lte !== undefined) ranges.push({ field: 'liftPct', lte: query.liftPct_lte });
  if (query.revenue_gte !== undefined) ranges.push({ field: 'revenue', gte: query.revenue_gte });
  if (query.startDate_gte !== undefined) ranges.push({ field: 'startDate', gte: query.startDate_gte });
  if (query.endDate_lte !== undefined) ranges.push({ field: 'endDate', lte: query.endDate_lte });
  return {
    lists,
    ranges,
    booleans: query.featureAd === undefined ? [] : [{ field: 'featureAd', value: query.featureAd }],
    sort: query.sort.map((key) => ({ field: key.field, desc: key.direction === 'desc' })),
    offset: query.offset,
    limit: query.limit,
    ...(query.q === undefined ? {} : { q: query.q }),
  };
}

describe('PromotionTable', () => {
  it('orders ties by id in code-unit order across STORE_100 / STORE_1000 / STORE_101', () => {
    const page = table.page({ offset: 0, limit: 1000, sort: [{ field: 'durationDays', direction: 'asc' }] });
    const sevenDay = page.items.filter((row) => row.durationDays === 7).map((row) => row.id);
    expect(sevenDay).toEqual([...sevenDay].sort());
    expect(sevenDay.findIndex((id) => id.startsWith('PRM-STORE_1000-'))).toBeLessThan(
      sevenDay.findIndex((id) => id.startsWith('PRM-STORE_101-')),
    );
  });

  it('equals a straightforward filter/sort/slice and the row engine for 300 random queries', () => {
    let nonEmpty = 0;
    fc.assert(
      fc.property(queryArbitrary, (query) => {
        const expected = referencePage(rows, toReference(query));
        const actual = table.page(query);
        if (actual.total > 0) nonEmpty++;
        expect(actual).toEqual(expected);
        expect(queryRows(rows, query)).toEqual(expected);
        // A second identical query comes from the result cache and must not differ.
        expect(table.page(query)).toEqual(expected);
      }),
      { seed: 20260601, numRuns: 300 },
    );
    // The queries must select something often enough to mean anything.
    expect(nonEmpty).toBeGreaterThan(150);
  });

  it('summarises like the row engine and the reference for random filters and groupings', () => {
    fc.assert(
      fc.property(
        queryArbitrary,
        fc.option(fc.constantFrom(...SUMMARY_GROUP_BY_FIELDS), { nil: undefined }),
        (query, groupBy) => {
          const summaryQuery = groupBy === undefined ? query : { ...query, groupBy };
          const actual = table.summary(summaryQuery);
          expect(actual).toEqual(summarizeRows(rows, summaryQuery));
          const expected = referenceSummary(rows, { ...toReference(query), ...(groupBy ? { groupBy } : {}) });
          expect(actual.groups.map((g) => [g.key, g.promotions, Math.round(g.revenue * 100)])).toEqual(
            expected.groups.map((g) => [g.key, g.promotions, g.revenueCents]),
          );
          expect(actual.totals.promotions).toBe(expected.totals.promotions);
        },
      ),
      { seed: 7, numRuns: 100 },
    );
  });

  it('sorts every numeric field like Array.prototype.sort, -0 equal to 0', () => {
    for (const field of PROMOTION_NUMBER_FIELDS) {
      const page = table.page({ offset: 0, limit: 1000, sort: [{ field, direction: 'desc' }] });
      const values = page.items.map((row) => row[field]);
      expect(values).toEqual([...values].sort((a, b) => b - a));
    }
  });
});
