import { MAX_SEARCH_LENGTH } from '@promoscale/api';
import { createPromotionPredicate } from '@promoscale/api/engine';
import { processBatch } from '@promoscale/generator';
import { describe, expect, it } from 'vitest';
import { createSearchMatcher, searchQueryText } from './create-search-matcher.js';

const rows = processBatch(1, 20, 'MIXED', { seed: 7 }).promotions;

describe('searchQueryText', () => {
  it('trims the text and cuts it to the contract’s q length, as phase 4 sends it', () => {
    expect(searchQueryText('  Cola ')).toBe('Cola');
    expect(searchQueryText('   ')).toBe('');
    expect(searchQueryText(undefined)).toBe('');
    expect(searchQueryText(`${'x'.repeat(MAX_SEARCH_LENGTH)}yz`)).toHaveLength(MAX_SEARCH_LENGTH);
  });
});

describe('createSearchMatcher', () => {
  it('finds exactly the rows the API’s q finds', () => {
    const sample = rows[11] as (typeof rows)[number];
    const queries = [
      sample.productName,
      sample.productName.toUpperCase(),
      sample.brand.slice(1, 4),
      sample.storeName.split(' ').slice(-2).join(' '),
      sample.sku.toLowerCase(),
      // Words from two fields: AG Grid's quick filter matched rows holding both; `q` wants the phrase in one field.
      `${sample.brand} ${sample.storeName}`,
      'zzz-no-such-text',
    ];
    for (const q of queries) {
      const api = rows.filter(createPromotionPredicate({ q })).map((row) => row.id);
      const grid = rows.filter(createSearchMatcher(q)).map((row) => row.id);
      expect(grid, q).toEqual(api);
    }
    expect(rows.filter(createSearchMatcher(`${sample.brand} ${sample.storeName}`))).toEqual([]);
  });

  it('matches every row for an empty query and no hostile row for a text', () => {
    expect(rows.every(createSearchMatcher(''))).toBe(true);
    const matches = createSearchMatcher('a');
    expect([undefined, null, {}, { productName: 42 }, { sku: null }].some(matches)).toBe(false);
    expect(matches({ storeName: 'Main St' })).toBe(true);
  });
});
