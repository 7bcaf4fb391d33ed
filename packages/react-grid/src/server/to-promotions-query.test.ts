import { toSearchParams } from '@promoscale/api';
import { parsePromotionsQuery } from '@promoscale/api/engine';
import { describe, expect, it } from 'vitest';
import { type PromotionsGridState, toPromotionsQuery } from './to-promotions-query.js';

/** Every query the mapping writes must be one the contract's own parser accepts. */
function expectValid(state: PromotionsGridState) {
  const result = toPromotionsQuery(state);
  const parsed = parsePromotionsQuery(toSearchParams({ ...result.query, offset: 0, limit: 100 }));
  expect(parsed.ok, JSON.stringify(parsed.ok ? {} : parsed.error)).toBe(true);
  return result;
}

const text = (type: string, filter: unknown) => ({ filterType: 'text', type, filter });
const number = (type: string, filter: unknown, filterTo?: unknown) => ({
  filterType: 'number',
  type,
  filter,
  filterTo,
});
const date = (type: string, dateFrom: unknown, dateTo?: unknown) => ({
  filterType: 'date',
  type,
  dateFrom,
  dateTo,
});

describe('toPromotionsQuery', () => {
  it('returns an empty query and key for an empty grid state', () => {
    const result = expectValid({});
    expect(result).toEqual({ query: {}, key: '', matchesNothing: false, notices: [] });
  });

  it('maps a multi-sort onto sort=-roi,storeId in the grid order', () => {
    const result = expectValid({
      sortModel: [
        { colId: 'roi', sort: 'desc' },
        { colId: 'storeId', sort: 'asc' },
      ],
    });
    expect(result.query.sort).toEqual(['-roi', 'storeId']);
    expect(result.key).toBe('sort=-roi%2CstoreId');
  });

  it('drops unsortable columns with a notice, repeated columns and items without a direction', () => {
    const result = expectValid({
      sortModel: [
        { colId: 'ag-Grid-AutoColumn', sort: 'asc' },
        { colId: 'brand', sort: null },
        { colId: 'liftPct', sort: 'asc' },
        { colId: 'liftPct', sort: 'desc' },
        { colId: '__proto__', sort: 'asc' },
        { colId: 'id', sort: 'sideways' as 'asc' },
      ],
    });
    expect(result.query.sort).toEqual(['liftPct']);
    expect(result.notices.map((notice) => notice.field)).toEqual(['sort', 'sort']);
  });

  it('maps text equals on list fields to known values, case-insensitively, commas meaning any of', () => {
    const result = expectValid({
      filterModel: {
        category: text('equals', 'Dairy, FROZEN ,dairy'),
        region: text('equals', 'northeast'),
        storeId: text('equals', 'store_7,42,STORE_1234'),
        sku: text('equals', '12'),
        promoType: { filterType: 'set', values: ['bogo', 'TPR'] },
      },
    });
    expect(result.query).toMatchObject({
      category: ['dairy', 'frozen'],
      storeId: ['STORE_007', 'STORE_042', 'STORE_1234'],
      sku: ['SKU0012'],
      promoType: ['BOGO', 'TPR'],
    });
    expect(result.query.region).toHaveLength(1);
    expect(result.notices).toEqual([]);
  });

  it('keeps the known values and says when some of a list are unknown, and matches nothing when none is known', () => {
    const some = expectValid({ filterModel: { category: text('equals', 'dairy,shoes') } });
    expect(some.query.category).toEqual(['dairy']);
    expect(some.matchesNothing).toBe(false);
    expect(some.notices).toEqual([
      {
        field: 'category',
        kind: 'ignored',
        message: expect.stringContaining('"shoes" is not a known value and is left out'),
      },
    ]);

    const none = expectValid({ filterModel: { brand: text('equals', 'No Such Brand') } });
    expect(none.matchesNothing).toBe(true);
    expect(none.notices).toEqual([
      { field: 'brand', kind: 'empty', message: expect.stringContaining('"No Such Brand"') },
    ]);
  });

  it('intersects two AND conditions on a list field and unites two OR conditions', () => {
    const and = toPromotionsQuery({
      filterModel: {
        category: { operator: 'AND', conditions: [text('equals', 'dairy,frozen'), text('equals', 'frozen')] },
      },
    });
    expect(and.query.category).toEqual(['frozen']);
    const or = expectValid({
      filterModel: {
        category: { operator: 'OR', conditions: [text('equals', 'dairy'), text('equals', 'frozen')] },
      },
    });
    expect(or.query.category).toEqual(['dairy', 'frozen']);
    const disjoint = toPromotionsQuery({
      filterModel: {
        status: { operator: 'AND', conditions: [text('equals', 'active'), text('equals', 'completed')] },
      },
    });
    expect(disjoint.matchesNothing).toBe(true);
  });

  it.each([
    ['equals', 1.5, undefined, { roi_gte: 1.5, roi_lte: 1.5 }],
    ['greaterThanOrEqual', 0, undefined, { roi_gte: 0 }],
    ['lessThanOrEqual', -0.25, undefined, { roi_lte: -0.25 }],
    ['inRange', 0.5, 2, { roi_gte: 0.5, roi_lte: 2 }],
    ['inRange', 2, 0.5, { roi_gte: 0.5, roi_lte: 2 }],
  ])('maps the number option %s onto inclusive ranges', (type, from, to, expected) => {
    expect(expectValid({ filterModel: { roi: number(type, from, to) } }).query).toEqual(expected);
  });

  it('turns strict bounds into inclusive ones on whole-number fields and dates, and refuses them on decimals', () => {
    expect(expectValid({ filterModel: { promoUnits: number('greaterThan', 10) } }).query).toEqual({
      promoUnits_gte: 11,
    });
    expect(expectValid({ filterModel: { durationDays: number('lessThan', 14) } }).query).toEqual({
      durationDays_lte: 13,
    });
    expect(
      expectValid({ filterModel: { startDate: date('greaterThan', '2026-02-28 00:00:00') } }).query,
    ).toEqual({ startDate_gte: '2026-03-01' });
    expect(expectValid({ filterModel: { endDate: date('lessThan', '2026-01-01') } }).query).toEqual({
      endDate_lte: '2025-12-31',
    });
    const decimal = expectValid({ filterModel: { roi: number('greaterThan', 1) } });
    expect(decimal.query).toEqual({});
    expect(decimal.notices[0]).toMatchObject({ field: 'roi', kind: 'ignored' });
  });

  it('maps date filters (AG Grid writes a time too) onto day ranges', () => {
    const result = expectValid({
      filterModel: {
        startDate: date('inRange', '2026-05-01 00:00:00', '2026-05-31T00:00:00'),
        endDate: date('equals', '2026-06-15'),
      },
    });
    expect(result.query).toEqual({
      startDate_gte: '2026-05-01',
      startDate_lte: '2026-05-31',
      endDate_gte: '2026-06-15',
      endDate_lte: '2026-06-15',
    });
  });

  it('intersects AND ranges and refuses OR ranges', () => {
    const and = expectValid({
      filterModel: {
        liftPct: {
          operator: 'AND',
          conditions: [
            number('greaterThanOrEqual', 5),
            number('inRange', 10, 40),
            number('lessThanOrEqual', 30),
          ],
        },
      },
    });
    expect(and.query).toEqual({ liftPct_gte: 10, liftPct_lte: 30 });
    const or = expectValid({
      filterModel: {
        liftPct: {
          operator: 'OR',
          conditions: [number('lessThanOrEqual', 5), number('greaterThanOrEqual', 50)],
        },
      },
    });
    expect(or.query).toEqual({});
    expect(or.notices[0]?.message).toContain('OR');
  });

  it.each([
    ['NaN', Number.NaN],
    ['Infinity', Number.POSITIVE_INFINITY],
    ['-Infinity', Number.NEGATIVE_INFINITY],
    ['a hex string', '0x10'],
    ['an empty string', ''],
    ['an object', { valueOf: (): number => 3 }],
    ['a huge decimal string', '1e400'],
  ])('refuses %s as a number, with a notice', (_name, value) => {
    const result = expectValid({ filterModel: { revenue: number('greaterThanOrEqual', value) } });
    expect(result.query).toEqual({});
    expect(result.notices).toEqual([
      { field: 'revenue', kind: 'ignored', message: expect.stringContaining('not a finite number') },
    ]);
  });

  it('sends huge, tiny and negative-zero finite numbers in a form the contract parses', () => {
    const result = expectValid({
      filterModel: {
        revenue: number('greaterThanOrEqual', Number.MAX_VALUE),
        promoSpend: number('lessThanOrEqual', Number.MIN_VALUE),
        roi: number('equals', -0),
        liftPct: number('lessThanOrEqual', ' 12.5 '),
      },
    });
    expect(result.query).toEqual({
      revenue_gte: Number.MAX_VALUE,
      promoSpend_lte: Number.MIN_VALUE,
      roi_gte: 0,
      roi_lte: 0,
      liftPct_lte: 12.5,
    });
  });

  it.each([['2026-02-30'], ['yesterday'], ['2026-13-01 00:00:00'], [20260101], [null]])(
    'refuses the date %s with a notice',
    (value) => {
      const result = expectValid({ filterModel: { startDate: date('equals', value) } });
      expect(result.query).toEqual({});
      expect(result.notices[0]).toMatchObject({ field: 'startDate', kind: 'ignored' });
    },
  );

  it.each([
    ['contains on a list field', 'brand', text('contains', 'ac')],
    ['notEqual on a list field', 'category', text('notEqual', 'dairy')],
    ['any text filter on a column the server cannot filter', 'productName', text('contains', 'milk')],
    ['equals on a column the server cannot filter', 'id', text('equals', 'PRM-STORE_001-SKU0001')],
    ['notEqual on a number', 'roi', number('notEqual', 1)],
    ['blank on a number', 'roi', number('blank', null)],
    ['a preset date range', 'startDate', date('thisMonth', null)],
    ['an unknown column', 'nope', text('equals', 'x')],
    ['a bare string', 'category', 'dairy'],
    ['a combined model with a bad operator', 'category', { operator: 'XOR', conditions: [] }],
    ['a boolean that is not true or false', 'featureAd', text('equals', 'maybe')],
  ])('leaves out %s with a notice', (_name, field, model) => {
    const result = expectValid({ filterModel: { [field]: model } });
    expect(result.query).toEqual({});
    expect(result.matchesNothing).toBe(false);
    expect(result.notices).toEqual([{ field, kind: 'ignored', message: expect.any(String) }]);
  });

  it('maps the values filter (ValuesFilter) of list and boolean columns', () => {
    const result = expectValid({
      filterModel: {
        status: { filterType: 'values', values: ['active', 'planned'] },
        featureAd: { filterType: 'values', values: [true] },
        displaySupport: { filterType: 'values', values: [true, false] },
      },
    });
    expect(result.query).toEqual({ status: ['active', 'planned'], featureAd: true });
    expect(result.notices).toEqual([]);
  });

  it.each([
    ['a list column', 'category'],
    ['a boolean column', 'featureAd'],
  ])('matches nothing when every value of %s is unticked', (_name, field) => {
    const result = expectValid({ filterModel: { [field]: { filterType: 'values', values: [] } } });
    expect(result.matchesNothing).toBe(true);
    expect(result.notices).toEqual([{ field, kind: 'empty', message: expect.stringContaining('no value') }]);
  });

  it('maps booleans written as text or as a set', () => {
    const result = expectValid({
      filterModel: {
        featureAd: text('equals', ' Yes '),
        displaySupport: { filterType: 'set', values: ['false'] },
      },
    });
    expect(result.query).toEqual({ featureAd: true, displaySupport: false });
  });

  it('ignores null filter models and unfinished conditions without a notice', () => {
    const result = expectValid({ filterModel: { category: null, roi: undefined } });
    expect(result).toEqual({ query: {}, key: '', matchesNothing: false, notices: [] });
  });

  it('trims the search and sends it as q; blank means no search', () => {
    expect(expectValid({ search: '  Milk ' }).query).toEqual({ q: 'Milk' });
    expect(expectValid({ search: '   ' }).query).toEqual({});
    expect(expectValid({ search: null }).query).toEqual({});
  });

  it('cuts a search longer than 200 characters, with a visible notice', () => {
    const result = expectValid({ search: 'é'.repeat(250) });
    expect(result.query.q).toHaveLength(200);
    expect(result.notices).toEqual([
      { field: 'search', kind: 'cut', message: expect.stringContaining('200 characters (it had 250)') },
    ]);
  });

  it('sends weird search strings unchanged (encoding is the client’s job)', () => {
    const weird = '%_\\&=?#,;<script>"\u0000😀';
    const result = expectValid({ search: weird });
    expect(result.query.q).toBe(weird);
  });

  it('gives equal keys to equal queries built in a different order', () => {
    const a = toPromotionsQuery({
      filterModel: { category: text('equals', 'frozen,dairy'), roi: number('greaterThanOrEqual', 1) },
      search: 'x',
    });
    const b = toPromotionsQuery({
      search: 'x',
      filterModel: { roi: number('greaterThanOrEqual', 1), category: text('equals', 'dairy,FROZEN') },
    });
    expect(a.key).toBe(b.key);
    expect(a.key).not.toBe(toPromotionsQuery({ search: 'y' }).key);
  });

  it('never throws on hostile grid states', () => {
    const hostile: unknown[] = [
      { sortModel: 'roi' },
      { sortModel: [null, 1, 'x', { colId: 5, sort: 'asc' }] },
      { filterModel: [] },
      { filterModel: { roi: { operator: 'AND', conditions: [null] } } },
      { filterModel: { category: { filterType: 'set', values: [1, null, {}] } } },
      { search: 42 },
    ];
    for (const state of hostile) expectValid(state as PromotionsGridState);
  });
});
