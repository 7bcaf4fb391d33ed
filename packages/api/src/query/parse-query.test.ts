import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ApiErrorSchema } from '../schemas/api-error-schema.js';
import {
  parseEstimateQuery,
  parseExportQuery,
  parseLiveQuery,
  parsePromotionsQuery,
  parseStoresQuery,
  parseSummaryQuery,
} from './parse-query.js';
import { toSearchParams } from './to-search-params.js';

const parse = (search: string) => parsePromotionsQuery(new URLSearchParams(search));

describe('parsePromotionsQuery', () => {
  it('fills the defaults when no parameter is given', () => {
    expect(parse('')).toEqual({ ok: true, query: { offset: 0, limit: 100, sort: [] } });
  });

  it('parses sort keys, lists, ranges, booleans and q into typed values', () => {
    const result = parse(
      'sort=-roi,storeId&category=dairy,frozen,dairy&roi_gte=-0.5&revenue_lte=1e3&startDate_gte=2026-02-28' +
        '&displaySupport=true&q=Milk&offset=10&limit=1000&storeId=STORE_1234',
    );
    expect(result).toEqual({
      ok: true,
      query: {
        offset: 10,
        limit: 1000,
        sort: [
          { field: 'roi', direction: 'desc' },
          { field: 'storeId', direction: 'asc' },
        ],
        category: ['dairy', 'frozen'],
        roi_gte: -0.5,
        revenue_lte: 1000,
        startDate_gte: '2026-02-28',
        displaySupport: true,
        q: 'Milk',
        storeId: ['STORE_1234'],
      },
    });
  });

  it('treats an empty q as no search and accepts 200 characters', () => {
    expect(parse('q=')).toEqual({ ok: true, query: { offset: 0, limit: 100, sort: [] } });
    expect(parse(`q=${'a'.repeat(200)}`).ok).toBe(true);
  });

  it('accepts leap days and rejects impossible dates', () => {
    expect(parse('startDate_gte=2024-02-29').ok).toBe(true);
    for (const date of ['2026-02-29', '2026-04-31', '2026-00-10', '2026-1-01', '20260101']) {
      expect(parse(`startDate_gte=${date}`).ok, date).toBe(false);
    }
  });

  it('lists every issue at once, in the order the parameters were given', () => {
    const result = parse(`foo=1&limit=0&sort=nope,-roi,roi&offset=-1&limit=7&q=${'x'.repeat(201)}`);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(ApiErrorSchema.parse(result.error)).toEqual(result.error);
    expect(result.error.error.code).toBe('INVALID_QUERY');
    expect(result.error.error.issues?.map((issue) => issue.path)).toEqual([
      'foo',
      'limit',
      'limit',
      'sort',
      'sort',
      'offset',
      'q',
    ]);
    expect(result.error.error.message).toBe('Invalid query: 7 issues (foo, limit, sort, offset, q)');
  });

  it('names the parameter, what it accepts and what it received', () => {
    const result = parse('limit=5000');
    expect(result).toEqual({
      ok: false,
      error: {
        error: {
          code: 'INVALID_QUERY',
          message: 'Invalid query: limit must be an integer from 1 to 1000; received "5000"',
          issues: [{ path: 'limit', message: 'limit must be an integer from 1 to 1000; received "5000"' }],
        },
      },
    });
  });

  it('suggests the parameter meant for a near miss', () => {
    const result = parse('Limit=5&categroy=dairy');
    expect(result.ok ? [] : result.error.error.issues?.map((issue) => issue.message)).toEqual([
      '"Limit" is not a parameter of this route; did you mean "limit"?',
      '"categroy" is not a parameter of this route; did you mean "category"?',
    ]);
  });

  it('rejects prototype keys as unknown parameters', () => {
    const result = parse('__proto__=1&constructor=2&toString=3');
    expect(result.ok ? [] : result.error.error.issues?.map((issue) => issue.path)).toEqual([
      '__proto__',
      'constructor',
      'toString',
    ]);
  });

  it('rejects non-finite and malformed numbers', () => {
    for (const value of ['Infinity', '-Infinity', 'NaN', '1e400', '0x10', '1,5', ' 1', '', '+', '.']) {
      expect(parse(`roi_gte=${encodeURIComponent(value)}`).ok, value).toBe(false);
    }
  });

  it('never throws and answers a contract error body for any search string', () => {
    const key = fc.oneof(
      fc.constantFrom(
        'limit',
        'offset',
        'sort',
        'q',
        'category',
        'storeId',
        'roi_gte',
        'startDate_lte',
        'brand',
      ),
      fc.string({ maxLength: 12 }),
    );
    const value = fc.oneof(
      fc.string({ maxLength: 30 }),
      fc.constantFrom('-roi,id', '10', '-1', '2026-02-30', 'dairy,,'),
    );
    fc.assert(
      fc.property(fc.array(fc.tuple(key, value), { maxLength: 8 }), (pairs) => {
        const result = parsePromotionsQuery(new URLSearchParams(pairs));
        if (!result.ok) {
          expect(ApiErrorSchema.safeParse(result.error).success).toBe(true);
          expect(result.error.error.issues?.length).toBeGreaterThan(0);
        }
      }),
      { seed: 42, numRuns: 500 },
    );
  });

  it('round-trips every valid query through toSearchParams', () => {
    const query = fc.record(
      {
        offset: fc.nat(10_000),
        limit: fc.integer({ min: 1, max: 1000 }),
        sort: fc
          .uniqueArray(fc.constantFrom('roi', 'id', 'storeName', 'startDate', 'featureAd'), { maxLength: 3 })
          .chain((fields) => fc.tuple(...fields.map((field) => fc.constantFrom(field, `-${field}`)))),
        category: fc.uniqueArray(fc.constantFrom('dairy', 'meat & seafood', 'personal care'), {
          minLength: 1,
        }),
        roi_gte: fc.double({ min: -10, max: 10, noNaN: true }),
        startDate_lte: fc.constantFrom('2026-01-01', '2024-02-29'),
        q: fc.string({ minLength: 1, maxLength: 200 }),
        featureAd: fc.boolean(),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(query, (input) => {
        const first = parsePromotionsQuery(toSearchParams(input));
        expect(first.ok).toBe(true);
        if (!first.ok) return;
        expect(parsePromotionsQuery(toSearchParams(first.query))).toEqual(first);
      }),
      { seed: 7, numRuns: 300 },
    );
  });
});

describe('the other query parsers', () => {
  it('parse stores, summary, export and live queries with their own parameters only', () => {
    expect(parseStoresQuery(new URLSearchParams('template=RURAL_VALUE&limit=5'))).toEqual({
      ok: true,
      query: { offset: 0, limit: 5, template: ['RURAL_VALUE'] },
    });
    expect(parseSummaryQuery(new URLSearchParams('groupBy=status&roi_gte=0'))).toEqual({
      ok: true,
      query: { groupBy: 'status', roi_gte: 0 },
    });
    expect(parseExportQuery(new URLSearchParams(''))).toEqual({
      ok: true,
      query: { format: 'ndjson', sort: [] },
    });
    expect(parseLiveQuery(new URLSearchParams('limit=3&intervalMs=0'))).toEqual({
      ok: true,
      query: { limit: 3, intervalMs: 0 },
    });
    expect(parseStoresQuery(new URLSearchParams('sort=storeId')).ok).toBe(false);
    expect(parseSummaryQuery(new URLSearchParams('limit=5')).ok).toBe(false);
    expect(parseExportQuery(new URLSearchParams('offset=5')).ok).toBe(false);
  });

  it('requires stores for an estimate and bounds it to 1..100,000', () => {
    expect(parseEstimateQuery(new URLSearchParams('stores=50'))).toEqual({ ok: true, query: { stores: 50 } });
    expect(parseEstimateQuery(new URLSearchParams(''))).toEqual({
      ok: false,
      error: {
        error: {
          code: 'INVALID_QUERY',
          message: 'Invalid query: stores is required; it must be an integer from 1 to 100000',
          issues: [{ path: 'stores', message: 'stores is required; it must be an integer from 1 to 100000' }],
        },
      },
    });
    for (const value of ['0', '100001', '1.5', 'x']) {
      expect(parseEstimateQuery(new URLSearchParams({ stores: value })).ok, value).toBe(false);
    }
  });
});
