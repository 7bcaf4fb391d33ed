import {
  normalizeSpec,
  PROMOTION_FIELDS,
  PROMOTION_NUMBER_FIELDS,
  processBatch,
  slicePromotions,
} from '@promoscale/generator';
import { describe, expect, it } from 'vitest';
import { createRandom, randomPromotionsQuery, randomSummaryQuery } from '../contract/random-queries.js';
import { referencePage, referenceSearchParams, referenceSelect } from '../contract/reference-model.js';
import { parseExportQuery, parsePromotionsQuery, parseSummaryQuery } from '../query/parse-query.js';

import { createGeneratedSource } from './create-generated-source.js';
import { COLUMN_FIELDS, GeneratedColumns } from './generated-columns.js';

const parsed = <T>(result: { ok: true; query: T } | { ok: false; error: unknown }): T => {
  if (!result.ok) throw new Error(`the reference query did not parse: ${JSON.stringify(result.error)}`);
  return result.query;
};

describe('GeneratedColumns', () => {
  it('holds every field but id in at most 100 bytes a promotion: numbers in 1-4 bytes, codes in 1-2', async () => {
    const columns = new GeneratedColumns(normalizeSpec({ seed: 42, stores: 400 }), 50);
    await columns.ensure(COLUMN_FIELDS);
    expect(columns.builtFields()).toEqual(COLUMN_FIELDS);
    expect(new Set([...COLUMN_FIELDS, 'id'])).toEqual(new Set(PROMOTION_FIELDS));
    for (const field of PROMOTION_NUMBER_FIELDS)
      expect(columns.number(field).values.BYTES_PER_ELEMENT, field).toBeLessThanOrEqual(4);
    for (const field of ['storeId', 'storeName', 'sku', 'brand', 'mechanic', 'startDate'] as const)
      expect(columns.dictionary(field).codes.BYTES_PER_ELEMENT, field).toBeLessThanOrEqual(2);
    expect(columns.passes).toBe(1);
    expect(columns.bytes() / columns.size).toBeLessThanOrEqual(100);
  });

  it('answers random queries, summaries and sorted exports at 1,500 stores exactly like the reference', async () => {
    const spec = { seed: 11, stores: 1_500, templates: 'MIXED' } as const;
    const rows = processBatch(1, spec.stores, spec.templates, { seed: spec.seed }).promotions;
    const compact = createGeneratedSource(spec, { compactAbove: 0, resultCacheSize: 4, sortCacheSize: 2 });
    const objects = createGeneratedSource(spec);
    const random = createRandom(20261203);
    const domain = { rows, fields: PROMOTION_FIELDS, storeCount: spec.stores };
    for (let k = 0; k < 40; k++) {
      const query = randomPromotionsQuery(random, domain);
      const page = await compact.queryPromotions(parsed(parsePromotionsQuery(referenceSearchParams(query))));
      expect(JSON.stringify(page), referenceSearchParams(query).toString()).toBe(
        JSON.stringify(referencePage(rows, query)),
      );
    }
    for (let k = 0; k < 15; k++) {
      const query = parsed(parseSummaryQuery(referenceSearchParams(randomSummaryQuery(random, domain))));
      expect(await compact.summary(query)).toEqual(await objects.summary(query));
    }
    for (let k = 0; k < 3; k++) {
      const query = randomPromotionsQuery(random, domain);
      if (query.sort.length === 0) query.sort = [{ field: 'roi', desc: true }];
      delete query.offset;
      delete query.limit;
      const exported = [];
      for await (const row of compact.exportPromotions(
        parsed(parseExportQuery(referenceSearchParams(query))),
      ))
        exported.push(row);
      expect(JSON.stringify(exported)).toBe(JSON.stringify(referenceSelect(rows, query)));
    }
    expect(compact.storage().mode).toBe('columns');
  }, 120_000);

  it('builds only the columns a query on 50,000 stores reads, and holds no row objects', async () => {
    const spec = { seed: 42, stores: 50_000 };
    const source = createGeneratedSource(spec);
    const page = await source.queryPromotions(
      parsed(parsePromotionsQuery(new URLSearchParams('category=dairy&roi_gte=0&sort=-roi&limit=20'))),
    );
    const storage = source.storage();
    expect(storage.mode).toBe('columns');
    expect(storage.generatorPasses).toBe(1);
    // Its filters and sort key, plus storeId and sku (id order breaks ties).
    expect(storage.columns).toEqual(['roi', 'storeId', 'sku', 'category']);
    expect(storage.columnBytes / 1_500_000).toBeLessThanOrEqual(12);
    expect(page.total).toBeGreaterThan(0);
    const roi = page.items.map((row) => row.roi);
    expect(roi).toEqual([...roi].sort((a, b) => b - a));
    for (const row of page.items) {
      expect(row.category).toBe('dairy');
      const store = Number(row.storeId.slice(6));
      expect(slicePromotions(spec, (store - 1) * 30, 30)).toContainEqual(row);
    }
    // A summary adds what it sums to what is there, in one more pass.
    await source.summary(parsed(parseSummaryQuery(new URLSearchParams('roi_gte=0'))));
    expect(source.storage().columns).toEqual([
      'liftPct',
      'revenue',
      'incrementalRevenue',
      'roi',
      'storeId',
      'sku',
      'category',
    ]);
    expect(source.storage().generatorPasses).toBe(2);
  }, 180_000);
});
