import { PromoscaleError, type StoreChunk } from '@promoscale/generator';
import { describe, expect, it } from 'vitest';
import { loadSingleBatch } from './load-single-batch.js';
import { streamPromotions } from './stream-promotions.js';

const SPEC = { stores: 23, templates: 'URBAN_PREMIUM' as const, seed: 9 };

describe('streamPromotions', () => {
  it('yields chunks whose rows, concatenated, equal loadSingleBatch rows', async () => {
    const chunks: StoreChunk[] = [];
    for await (const chunk of streamPromotions(SPEC, { chunkSize: 10 })) chunks.push(chunk);
    expect(chunks.map((c) => [c.index, c.startStore, c.endStore, c.promotions.length])).toEqual([
      [0, 1, 10, 300],
      [1, 11, 20, 300],
      [2, 21, 23, 90],
    ]);
    expect(chunks.at(-1)?.progress).toEqual({ storesDone: 23, totalStores: 23 });
    expect(chunks.flatMap((c) => c.promotions)).toEqual(loadSingleBatch(SPEC).promotions);
  });

  it('uses chunks of 10 stores by default', async () => {
    const sizes: number[] = [];
    for await (const chunk of streamPromotions({ stores: 25 })) sizes.push(chunk.storeIds.length);
    expect(sizes).toEqual([10, 10, 5]);
  });

  it('stops when the consumer breaks: next() is done afterwards', async () => {
    const stream = streamPromotions({ stores: 100 }, { chunkSize: 10 });
    for await (const chunk of stream) {
      expect(chunk.index).toBe(0);
      break;
    }
    await expect(stream.next()).resolves.toEqual({ done: true, value: undefined });
  });

  it('rejects the next chunk with the signal reason once aborted', async () => {
    const controller = new AbortController();
    const stream = streamPromotions({ stores: 100 }, { chunkSize: 10, signal: controller.signal });
    await expect(stream.next()).resolves.toMatchObject({ done: false });
    controller.abort(new Error('closed'));
    await expect(stream.next()).rejects.toThrow('closed');
  });

  it('throws PromoscaleError at the call for an invalid spec or chunk size', () => {
    expect(() => streamPromotions({ stores: 100_001 })).toThrow(PromoscaleError);
    expect(() => streamPromotions({ stores: 5 }, { chunkSize: 1.5 })).toThrow('chunkSize must be an integer');
  });
});
