import { describe, expect, inject, it } from 'vitest';
import { processBatch, type StoreChunk, storeDataAsyncIterator } from '../../src/index.js';
import { DETERMINISM_CASES, MIXED_300_ROWS, type OutputDigest, WEIGHTS } from './determinism-cases.js';

// Runs in Chromium (vitest.browser.config.ts), Firefox and WebKit (vitest.engines.config.ts). The Node digests come from determinism.global-setup.ts through `provide` / `inject`.
const nodeDigests = inject('nodeDigests');

async function digest(text: string): Promise<OutputDigest> {
  const bytes = new TextEncoder().encode(text);
  const hash = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
  return { sha256: Array.from(hash, (b) => b.toString(16).padStart(2, '0')).join(''), bytes: bytes.length };
}

describe('same spec → byte-identical output in Node and in the browser', () => {
  it('runs in a browser, with digests computed by Node', () => {
    expect(typeof window).toBe('object');
    expect((globalThis as { process?: unknown }).process).toBeUndefined();
    expect(inject('nodeVersion')).toMatch(/^v\d+\./);
    expect(Object.keys(nodeDigests).sort()).toEqual(DETERMINISM_CASES.map((c) => c.name).sort());
  });

  it.each(DETERMINISM_CASES.map((c) => [c.name, c] as const))('%s', async (name, { output }) => {
    const expected = nodeDigests[name];
    expect(expected?.bytes).toBeGreaterThan(1_000);
    expect(await digest(output())).toEqual(expected);
  });
});

describe('storeDataAsyncIterator in the browser', () => {
  async function collect(chunks: AsyncIterable<StoreChunk>): Promise<StoreChunk[]> {
    const all: StoreChunk[] = [];
    for await (const chunk of chunks) all.push(chunk);
    return all;
  }

  it.each([
    ['MIXED', 'MIXED'],
    ['a weights object', WEIGHTS],
  ] as const)('yields chunks whose rows equal processBatch, for %s', async (_label, templates) => {
    const options = { seed: 'async-iterator', asOf: '2026-09-30' };
    const chunks = await collect(storeDataAsyncIterator(57, 10, templates, options));
    expect(chunks.map((c) => [c.index, c.startStore, c.endStore, c.progress.storesDone])).toEqual([
      [0, 1, 10, 10],
      [1, 11, 20, 20],
      [2, 21, 30, 30],
      [3, 31, 40, 40],
      [4, 41, 50, 50],
      [5, 51, 57, 57],
    ]);
    for (const chunk of chunks) {
      const batch = processBatch(chunk.startStore, chunk.endStore, templates, options);
      expect(chunk.storeIds).toEqual(batch.storeIds);
      expect(chunk.promotions).toEqual(batch.promotions);
    }
    const all = processBatch(1, 57, templates, options).promotions;
    expect(JSON.stringify(chunks.flatMap((c) => c.promotions))).toBe(JSON.stringify(all));
  });

  it('gives the bytes Node hashed: 300 MIXED stores with seed 42, chunk by chunk', async () => {
    const chunks = await collect(storeDataAsyncIterator(300, 25, 'MIXED', { seed: 42 }));
    const rows = chunks.flatMap((c) => c.promotions);
    expect(rows).toHaveLength(9_000);
    expect(await digest(JSON.stringify(rows))).toEqual(nodeDigests[MIXED_300_ROWS]);
  });

  it('stops when its signal aborts, rejecting with the reason', async () => {
    const controller = new AbortController();
    const iterator = storeDataAsyncIterator(1_000, 10, 'MIXED', { signal: controller.signal });
    expect((await iterator.next()).done).toBe(false);
    controller.abort(new Error('closed the grid'));
    await expect(iterator.next()).rejects.toThrow('closed the grid');
  });
});

describe('yielding between chunks in the browser', () => {
  it('lets timers and messages run while a long async iteration is still going', async () => {
    let timerTicks = 0;
    let messages = 0;
    let iterating = true;
    const tick = () => {
      timerTicks++;
      if (iterating) setTimeout(tick, 0);
    };
    setTimeout(tick, 0);
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      messages++;
      if (iterating) channel.port2.postMessage(null);
    };
    channel.port2.postMessage(null);
    let chunksSeen = 0;
    let ticksBeforeEnd = 0;
    let messagesBeforeEnd = 0;
    for await (const _chunk of storeDataAsyncIterator(400, 2, 'MIXED')) {
      chunksSeen++;
      ticksBeforeEnd = timerTicks;
      messagesBeforeEnd = messages;
    }
    iterating = false;
    channel.port1.close();
    expect(chunksSeen).toBe(200);
    // With scheduler.yield() neither ran once before the loop ended (its continuations outrank other tasks).
    expect(ticksBeforeEnd).toBeGreaterThan(0);
    expect(messagesBeforeEnd).toBeGreaterThan(0);
  });
});
