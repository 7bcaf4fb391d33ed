import { describe, expect, it } from 'vitest';
import { promotionOrderBy, promotionWhere } from './promotion-sql.js';

describe('promotionWhere', () => {
  it('returns TRUE and no parameters when nothing filters', () => {
    expect(promotionWhere({ offset: 0, limit: 10, sort: [], q: '' })).toEqual({
      sql: 'TRUE',
      params: [],
      filtered: false,
      columns: [],
      rowsSql: 'TRUE',
    });
  });

  it('adds the bound on the other date that a date range implies to the rows statement, not to the total', () => {
    const where = promotionWhere({
      startDate_gte: '2026-05-01',
      startDate_lte: '2026-05-31',
      endDate_lte: '2026-07-01',
      endDate_gte: '2026-04-01',
    });
    expect(where.sql).toBe(
      'start_date >= $1::text AND start_date <= $2::text AND end_date <= $3::text AND end_date >= $4::text',
    );
    expect(where.rowsSql).toBe(`${where.sql} AND end_date >= $1::text AND start_date <= $3::text`);
    expect(where.columns).toEqual(['start_date', 'start_date', 'end_date', 'end_date']);
    expect(promotionWhere({ roi_gte: 1 }).rowsSql).toBe('roi >= $1::float8');
  });

  it('passes every value as a parameter, numbered after the ones already used', () => {
    const where = promotionWhere(
      {
        category: ['dairy', "x'; DROP TABLE promotions; --"],
        roi_gte: 0.5,
        startDate_lte: '2026-05-01',
        featureAd: true,
      },
      2,
    );
    expect(where.sql).toBe(
      'category = ANY($3::text[]) AND roi >= $4::float8 AND start_date <= $5::text AND feature_ad = $6::boolean',
    );
    expect(where.params).toEqual([['dairy', "x'; DROP TABLE promotions; --"], 0.5, '2026-05-01', true]);
    expect(where.columns).toEqual(['category', 'roi', 'start_date', 'feature_ad']);
  });

  it('names the columns it reads, so a total on enum and boolean columns can come from promotion_counts', () => {
    expect(promotionWhere({ q: 'milk', storeId: ['STORE_001'], status: ['active'] }).columns).toEqual([
      'search',
      'store_number',
      'status',
    ]);
  });

  it('searches the lower-cased search column with LIKE wildcards escaped', () => {
    const where = promotionWhere({ q: 'A%b_c\\' });
    expect(where.sql).toBe('search LIKE $1::text');
    expect(where.params).toEqual(['%a\\%b\\_c\\\\%']);
  });

  it('given the skus and stores a needle matches, filters on them, and says when q is the only filter', () => {
    const search = { skus: ['SKU0001'], skuPromotions: 30, stores: [7] };
    const alone = promotionWhere({ q: 'milk' }, 0, search);
    expect(alone.sql).toBe('(sku = ANY($1::text[]) OR store_number = ANY($2::int[]))');
    expect(alone.params).toEqual([['SKU0001'], [7]]);
    expect(alone.searchOnly).toBe(search);
    expect(promotionWhere({ q: 'milk', category: ['dairy'] }, 0, search).searchOnly).toBeUndefined();
    expect(promotionWhere({ q: 'a\u0001b' }, 0, search).sql).toBe('FALSE');
  });

  it('matches nothing for a needle holding NUL or the field separator', () => {
    expect(promotionWhere({ q: 'a\u0000b' }).sql).toBe('FALSE');
    expect(promotionWhere({ q: 'a\u0001b' }).sql).toBe('FALSE');
  });

  it('filters store ids by store number, and matches nothing for ids that are not canonical', () => {
    expect(promotionWhere({ storeId: ['STORE_001', 'STORE_0001', 'STORE_1234'] })).toMatchObject({
      sql: 'store_number = ANY($1::int[])',
      params: [[1, 1234]],
    });
    expect(promotionWhere({ storeId: ['STORE_0001'] }).sql).toBe('FALSE');
  });

  it('throws for a query key it has no SQL for, instead of ignoring a filter', () => {
    expect(() => promotionWhere({ colour: ['red'] })).toThrow(/colour/);
  });
});

describe('promotionOrderBy', () => {
  it('returns dataset order without sort keys', () => {
    expect(promotionOrderBy([])).toBe('store_number, position');
  });

  it('maps fields to columns and breaks ties by id', () => {
    expect(
      promotionOrderBy([
        { field: 'roi', direction: 'desc' },
        { field: 'storeId', direction: 'asc' },
      ]),
    ).toBe('roi DESC, store_id, id');
  });

  it('reversed, flips every key and the id tie-break (the exact reverse order)', () => {
    expect(promotionOrderBy([], true)).toBe('store_number DESC, position DESC');
    expect(
      promotionOrderBy(
        [
          { field: 'roi', direction: 'desc' },
          { field: 'storeId', direction: 'asc' },
        ],
        true,
      ),
    ).toBe('roi, store_id DESC, id DESC');
  });
});
