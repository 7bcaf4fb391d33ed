import { LIST_FILTER_FIELDS, SEARCH_FIELDS } from '@promoscale/api/schemas';
import {
  PROMOTION_FIELD_UNITS,
  PROMOTION_FIELDS,
  PROMOTION_NUMBER_FIELDS,
  processBatch,
} from '@promoscale/generator';
import type { ColDef } from 'ag-grid-community';
import { describe, expect, it } from 'vitest';
import { promotionColumnDefs } from './promotion-column-defs.js';
import { PROMOTION_ENUM_VALUES } from './promotion-columns.js';
import { ValuesFilter } from './values-filter.js';

const leaves = (mode: 'client' | 'server' = 'client') =>
  promotionColumnDefs({ mode }).flatMap((group) => group.children as ColDef[]);

describe('promotionColumnDefs', () => {
  it('returns a column for every Promotion field exactly once, headed in words', () => {
    const fields = leaves().map((column) => column.field);
    expect([...fields].sort()).toEqual([...PROMOTION_FIELDS].sort());
    for (const column of leaves()) {
      expect(column.headerName).toMatch(/^[A-Z][A-Za-z %]+$/);
      expect(column.headerName).not.toBe(column.field);
    }
  });

  it('groups the columns as Promotion, Store, Product, Pricing, Schedule, Performance and Margin', () => {
    const groups = promotionColumnDefs().map((group) => [
      group.headerName,
      (group.children as ColDef[]).map((c) => c.field),
    ]);
    expect(groups.map(([name]) => name)).toEqual([
      'Promotion',
      'Store',
      'Product',
      'Pricing',
      'Schedule',
      'Performance',
      'Margin',
    ]);
    expect(Object.fromEntries(groups)).toMatchObject({
      Promotion: ['id', 'storeId'],
      Margin: ['grossMargin', 'marginPct', 'incrementalMargin', 'promoSpend', 'roi'],
    });
  });

  it('pins exactly the id and store id columns to the left', () => {
    expect(
      leaves()
        .filter((column) => column.pinned)
        .map((column) => [column.field, column.pinned]),
    ).toEqual([
      ['id', 'left'],
      ['storeId', 'left'],
    ]);
  });

  it('turns off data type inference, which would draw booleans as checkboxes instead of Yes/No', () => {
    for (const column of leaves()) expect(column.cellDataType, column.field).toBe(false);
  });

  it('formats each column by its unit and right-aligns numbers', () => {
    const row = processBatch(1, 1, 'MIXED', { seed: 42 }).promotions[0];
    const byField = new Map(leaves().map((column) => [column.field, column]));
    const format = (field: string) => {
      const formatter = byField.get(field)?.valueFormatter as (p: { value: unknown }) => string;
      return formatter({ value: (row as unknown as Record<string, unknown>)[field] });
    };
    expect(format('revenue')).toMatch(/^-?\$[\d,]+\.\d{2}$/);
    expect(format('roi')).toMatch(/^-?[\d,]+\.\d%$/);
    expect(format('displaySupport')).toMatch(/^(Yes|No)$/);
    for (const field of PROMOTION_FIELDS) {
      const numeric = ['money', 'count', 'percent', 'ratio', 'days'].includes(PROMOTION_FIELD_UNITS[field]);
      expect(byField.get(field)?.type === 'rightAligned', field).toBe(numeric);
    }
  });

  it('offers a values filter with the known values for enumerated and boolean fields', () => {
    const byField = new Map(leaves().map((column) => [column.field, column]));
    for (const [field, values] of Object.entries(PROMOTION_ENUM_VALUES)) {
      expect(byField.get(field)?.filter).toBe(ValuesFilter);
      expect(byField.get(field)?.filterParams.values).toEqual(values);
    }
    expect(byField.get('featureAd')?.filterParams.values).toEqual([true, false]);
    expect(byField.get('revenue')?.filter).toBe('agNumberColumnFilter');
    expect(byField.get('startDate')?.filter).toBe('agDateColumnFilter');
    expect(byField.get('productName')?.filter).toBe('agTextColumnFilter');
  });

  it('in server mode offers only filters the contract can express', () => {
    const filtered = leaves('server').filter((column) => column.filter !== false);
    const allowed = new Set<string>([
      ...LIST_FILTER_FIELDS,
      ...PROMOTION_NUMBER_FIELDS,
      'startDate',
      'endDate',
      'displaySupport',
      'featureAd',
    ]);
    for (const column of filtered) expect(allowed.has(column.field as string), column.field).toBe(true);
    const byField = new Map(leaves('server').map((column) => [column.field, column]));
    expect(byField.get('productName')?.filter).toBe(false);
    expect(byField.get('storeId')?.filterParams.filterOptions).toEqual(['equals']);
    expect(byField.get('roi')?.filterParams).toMatchObject({ inRangeInclusive: true, maxNumConditions: 1 });
  });

  it('searches only the fields the contract’s q searches', () => {
    for (const column of leaves()) {
      const text = (column.getQuickFilterText as (p: { value: unknown }) => string)({ value: 'abc' });
      expect(text, column.field).toBe(SEARCH_FIELDS.includes(column.field as never) ? 'abc' : '');
    }
  });

  it('parses ratio filter input as a percentage and keeps the model in the field unit', () => {
    const roi = leaves().find((column) => column.field === 'roi');
    const params = roi?.filterParams;
    expect(params.numberParser('-40')).toBeCloseTo(-0.4, 10);
    expect(params.numberFormatter(-0.4)).toBe('-40');
    expect(params.numberParser('abc')).toBeNull();
  });
});
