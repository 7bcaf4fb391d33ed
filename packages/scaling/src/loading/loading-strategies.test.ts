import {
  type DatasetSpec,
  type Promotion,
  processBatch,
  TEMPLATE_NAMES,
  type TemplateSelection,
} from '@promoscale/generator';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadChunked } from './load-chunked.js';
import { loadSingleBatch } from './load-single-batch.js';
import { streamPromotions } from './stream-promotions.js';

async function collect(chunks: AsyncIterable<{ promotions: Promotion[] }>): Promise<Promotion[]> {
  const rows: Promotion[] = [];
  for await (const chunk of chunks) rows.push(...chunk.promotions);
  return rows;
}

const specArb: fc.Arbitrary<DatasetSpec> = fc.record({
  stores: fc.integer({ min: 1, max: 60 }),
  seed: fc.oneof(fc.integer(), fc.string({ minLength: 1, maxLength: 8 })),
  templates: fc.constantFrom<TemplateSelection>('MIXED', ...TEMPLATE_NAMES, {
    RURAL_VALUE: 1,
    CAMPUS_EXPRESS: 2,
  }),
  asOf: fc.constantFrom('2025-01-06', '2026-06-01', '2027-12-31'),
});

describe('loading strategies', () => {
  it('all return processBatch(1, stores, templates, { seed, asOf }) rows for any spec and chunk size', async () => {
    await fc.assert(
      fc.asyncProperty(specArb, fc.integer({ min: 1, max: 25 }), async (spec, chunkSize) => {
        const { stores, templates, seed, asOf } = spec;
        const expected = processBatch(1, stores, templates, {
          seed: seed as number | string,
          asOf: asOf as string,
        }).promotions;
        expect(loadSingleBatch(spec).promotions).toEqual(expected);
        expect((await loadChunked(spec, { chunkSize })).promotions).toEqual(expected);
        expect(await collect(streamPromotions(spec, { chunkSize }))).toEqual(expected);
      }),
      { numRuns: 30 },
    );
  });
});
