import { normalizeSpec, PROMOTION_FIELDS, processBatch } from '@promoscale/generator';
import { describe, expect, it } from 'vitest';
import { createRandom, randomPromotionsQuery, randomSummaryQuery } from '../contract/random-queries.js';
import { referenceSearchParams } from '../contract/reference-model.js';
import { parsePromotionsQuery, parseSummaryQuery } from '../query/parse-query.js';
import { COLUMN_FIELDS, GeneratedColumns } from '../sources/generated-columns.js';
import { ColumnQuery, idOrderSteps } from './column-query.js';
import { runSteps } from './run-steps.js';

const spec = normalizeSpec({ seed: 3, stores: 300 });

describe('ColumnQuery', () => {
  it('answers the same in slices of 1,000 rows, paused between steps, as in one pass', async () => {
    const columns = new GeneratedColumns(spec, 100);
    await columns.ensure(COLUMN_FIELDS);
    const whole = new ColumnQuery(columns);
    const sliced = new ColumnQuery(columns, { sliceRows: 1_000, resultCacheSize: 0, sortCacheSize: 0 });
    const paused = new ColumnQuery(columns, { sliceRows: 777 });
    let pauses = 0;
    const pause = async () => {
      pauses++;
    };
    const rows = processBatch(1, spec.stores, spec.templates, { seed: spec.seed }).promotions;
    const random = createRandom(7);
    const domain = { rows, fields: PROMOTION_FIELDS, storeCount: spec.stores };
    for (let k = 0; k < 40; k++) {
      const params = referenceSearchParams(randomPromotionsQuery(random, domain));
      const parsed = parsePromotionsQuery(params);
      if (!parsed.ok) throw new Error(params.toString());
      const { query } = parsed;
      const expected = whole.select(query, query.sort);
      expect(sliced.select(query, query.sort), params.toString()).toEqual(expected);
      await paused.prepare(query, query.sort, pause);
      expect(paused.select(query, query.sort), params.toString()).toEqual(expected);
    }
    for (let k = 0; k < 10; k++) {
      const parsed = parseSummaryQuery(referenceSearchParams(randomSummaryQuery(random, domain)));
      if (!parsed.ok) throw new Error('summary query');
      expect(sliced.summary(parsed.query)).toEqual(whole.summary(parsed.query));
    }
    // 9,000 rows in slices of 777: every filter, rank and sort took several steps.
    expect(pauses).toBeGreaterThan(40 * 12);
    const storeId = columns.dictionary('storeId');
    const sku = columns.dictionary('sku');
    expect(runSteps(idOrderSteps(storeId, sku, 500))).toEqual(columns.idOrder());
  });
});
