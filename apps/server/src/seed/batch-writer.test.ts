import { createStore, processBatch } from '@promoscale/generator';
import {
  createContext,
  emitStorePromotions,
  type PromotionSink,
  promotionNumbersOf,
  type StoreProfile,
} from '@promoscale/generator/internal';
import { describe, expect, it } from 'vitest';
import type { SqlSession } from '../database/database.js';
import { BatchWriter } from './batch-writer.js';
import { PromotionCopyWriter } from './copy-binary.js';
import { storeCopyLine } from './copy-text.js';
import { SeedCounts } from './seed-counts.js';

/** The parameters of every `INSERT` the counts write, in order. */
async function written(counts: SeedCounts): Promise<unknown[][]> {
  const inserts: unknown[][] = [];
  const session: SqlSession = {
    async query(_sql, params = []) {
      inserts.push(params as unknown[]);
      return [];
    },
    async exec() {},
    async copyIn() {},
  };
  await counts.write(session);
  return inserts;
}

/** What the seed wrote for these rows before its rows came straight from the engine: from promotion objects. */
function fromObjects(start: number, end: number, spec: { seed: number | string; asOf: string }) {
  const promotions = processBatch(start, end, 'MIXED', spec).promotions;
  const copy = new PromotionCopyWriter(10);
  const counts = new SeedCounts();
  let stores = '';
  for (let n = start; n <= end; n++) stores += `${storeCopyLine(createStore(n, spec))}\n`;
  promotions.forEach((promotion, i) => {
    const storeNumber = start + Math.floor(i / 30);
    copy.add(promotion, storeNumber, i % 30);
    counts.add(promotion, storeNumber);
  });
  return { stores, promotions: copy.finish(), counts };
}

describe('BatchWriter', () => {
  it.each([
    [1, 80, 42, '2026-06-01'],
    [49_950, 50_000, 'batch', '2024-02-29'],
    [7, 7, 0, '2030-01-01'],
  ] as const)(
    'writes stores %i-%i as the promotion objects give them (seed %s, asOf %s)',
    async (start, end, seed, asOf) => {
      const spec = { seed, asOf };
      const counts = new SeedCounts();
      const batch = new BatchWriter(end - start + 1, counts);
      const ctx = createContext('MIXED', spec);
      // In slices, as the seed adds them.
      for (let first = start; first <= end; first += 25)
        batch.addStores(ctx, first, Math.min(end, first + 24));
      const { stores, promotions } = batch.finish();
      const expected = fromObjects(start, end, spec);
      expect(stores).toBe(expected.stores);
      expect(promotions.equals(expected.promotions)).toBe(true);
      expect(await written(counts)).toEqual(await written(expected.counts));
    },
  );

  it('writes a store whose texts are not plain ASCII through the promotion rows (non-ASCII, escapes, long)', () => {
    const ctx = createContext('MIXED', { seed: 3 });
    for (const name of ['Café “Zoë” 😀', 'ÅNGSTRÖM İstanbul ΣΑΣ', 'tab\there\\ and\nline', 'x'.repeat(300)]) {
      const draftWriter = new PromotionCopyWriter(1);
      let position = 0;
      let profile: StoreProfile | undefined;
      const sink: PromotionSink = {
        beginStore(p, calendar) {
          profile = { ...p, store: { ...p.store, name } };
          draftWriter.beginStore(profile, calendar, 12);
        },
        row(d) {
          const numbers = new Float64Array(17);
          promotionNumbersOf(d, numbers);
          draftWriter.addDraft(d, position++, numbers);
        },
      };
      emitStorePromotions(ctx, 12, sink);
      const expected = new PromotionCopyWriter(1);
      processBatch(12, 12, 'MIXED', { seed: 3 }).promotions.forEach((promotion, i) => {
        expected.add({ ...promotion, storeName: name }, 12, i);
      });
      expect(profile?.store.name).toBe(name);
      expect(draftWriter.finish().equals(expected.finish())).toBe(true);
    }
  });
});
