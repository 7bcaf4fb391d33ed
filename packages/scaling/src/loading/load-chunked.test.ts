import {
  type NormalizedDatasetSpec,
  PromoscaleError,
  type Promotion,
  processBatch,
} from '@promoscale/generator';
import { describe, expect, it, vi } from 'vitest';
import { expectProgressTotals, CHUNKED_SPEC as SPEC } from '../../tests/support/chunks.js';
import { ChunkLoadError } from './chunk-load-error.js';
import { generateStoreRange } from './generate-store-range.js';
import { type ChunkedLoadProgress, type ChunkLoader, loadChunked } from './load-chunked.js';
import { loadSingleBatch } from './load-single-batch.js';

/** A loader whose chunk starting at `failingStart` throws `failures` times before it succeeds. */
function flakyLoader(failingStart: number, failures: number) {
  const calls: number[] = [];
  let failed = 0;
  const loader: ChunkLoader = (start, end, spec) => {
    calls.push(start);
    if (start === failingStart && failed < failures) {
      failed++;
      throw new Error(`network down (${failed})`);
    }
    return generateStoreRange(start, end, spec);
  };
  return { loader, calls };
}

describe('loadChunked', () => {
  it.each([1, 7, 10, 47, 100])('returns loadSingleBatch rows with chunks of %i stores', async (chunkSize) => {
    const { promotions, chunks, retried } = await loadChunked(SPEC, { chunkSize });
    expect(promotions).toEqual(loadSingleBatch(SPEC).promotions);
    expect(chunks).toBe(Math.ceil(47 / chunkSize));
    expect(retried).toBe(0);
  });

  it('returns processBatch rows for the spec defaults (seed 42, MIXED, 2026-06-01)', async () => {
    const { promotions } = await loadChunked({ stores: 12 });
    expect(promotions).toEqual(processBatch(1, 12, 'MIXED', { seed: 42, asOf: '2026-06-01' }).promotions);
  });

  it('reports progress after each chunk with counts, elapsed time and an ETA of 0 at the end', async () => {
    const reports: ChunkedLoadProgress[] = [];
    await loadChunked(SPEC, { chunkSize: 10, onProgress: (p) => reports.push(p) });
    expect(reports.map((p) => p.chunk)).toEqual([1, 2, 3, 4, 5]);
    expect(reports.map((p) => p.loaded)).toEqual([300, 600, 900, 1200, 1410]);
    expectProgressTotals(reports, { totalChunks: 5, total: 1410 });
  });

  it('lets other tasks run between chunks', async () => {
    let ticks = 0;
    const ticker = setInterval(() => ticks++, 0);
    const seen: number[] = [];
    const slowLoader: ChunkLoader = (start, end, spec) => {
      const until = performance.now() + 3; // each chunk blocks the thread for 3 ms
      while (performance.now() < until);
      return generateStoreRange(start, end, spec);
    };
    try {
      await loadChunked(
        { stores: 40 },
        { chunkSize: 5, loadChunk: slowLoader, onProgress: () => seen.push(ticks) },
      );
    } finally {
      clearInterval(ticker);
    }
    // A timer could fire while loading: loadChunked gave the event loop back at least once between chunks.
    expect(seen.at(-1)).toBeGreaterThan(seen[0] ?? 0);
  });

  it('retries a chunk that fails twice and resumes there: rows equal, ids unique, none lost', async () => {
    const { loader, calls } = flakyLoader(21, 2);
    const onRetry = vi.fn();
    const result = await loadChunked(SPEC, { chunkSize: 10, loadChunk: loader, retryDelayMs: 1, onRetry });

    expect(result.promotions).toEqual(loadSingleBatch(SPEC).promotions);
    expect(new Set(result.promotions.map((p) => p.id)).size).toBe(result.promotions.length);
    expect(result.retried).toBe(2);
    expect(calls).toEqual([1, 11, 21, 21, 21, 31, 41]);
    expect(onRetry.mock.calls.map(([retry]) => [retry.chunk, retry.attempt, retry.delayMs])).toEqual([
      [3, 1, 1],
      [3, 2, 2],
    ]);
    expect(onRetry.mock.calls[0]?.[0]).toMatchObject({ startStore: 21, endStore: 30 });
  });

  it('rejects with a ChunkLoadError naming the chunk and stores, with the cause and the rows loaded so far', async () => {
    const { loader, calls } = flakyLoader(21, Number.POSITIVE_INFINITY);
    const error = await loadChunked(SPEC, {
      chunkSize: 10,
      loadChunk: loader,
      retries: 2,
      retryDelayMs: 1,
    }).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(ChunkLoadError);
    const chunkError = error as ChunkLoadError;
    expect(chunkError.message).toBe('chunk 3 of 5 (stores 21-30) failed after 3 attempts: network down (3)');
    expect(chunkError).toMatchObject({ chunk: 3, totalChunks: 5, startStore: 21, endStore: 30, attempts: 3 });
    expect((chunkError.cause as Error).message).toBe('network down (3)');
    expect(chunkError.partial).toEqual(
      processBatch(1, 20, 'MIXED', { seed: 'chunked', asOf: '2026-03-02' }).promotions,
    );
    expect(calls).toEqual([1, 11, 21, 21, 21]);
  });

  it('treats a chunk with a wrong row count as a failed attempt', async () => {
    let first = true;
    const shortLoader: ChunkLoader = (start, end, spec) => {
      const rows = generateStoreRange(start, end, spec);
      if (start === 11 && first) {
        first = false;
        return rows.slice(1);
      }
      return rows;
    };
    const result = await loadChunked(SPEC, { chunkSize: 10, loadChunk: shortLoader, retryDelayMs: 1 });
    expect(result.retried).toBe(1);
    expect(result.promotions).toEqual(loadSingleBatch(SPEC).promotions);

    const error = await loadChunked(SPEC, {
      loadChunk: () => [] as Promotion[],
      retries: 0,
    }).catch((e: unknown) => e);
    expect((error as ChunkLoadError).message).toBe(
      'chunk 1 of 5 (stores 1-10) failed after 1 attempt: loadChunk returned 0 promotions; expected 300',
    );
  });

  it('accepts an asynchronous loader and passes it the normalized spec and the signal', async () => {
    const controller = new AbortController();
    const seen: [NormalizedDatasetSpec, AbortSignal | undefined][] = [];
    const asyncLoader: ChunkLoader = async (start, end, spec, signal) => {
      seen.push([spec, signal]);
      await new Promise((resolve) => setTimeout(resolve, 1));
      return generateStoreRange(start, end, spec);
    };
    const { promotions } = await loadChunked(
      { stores: 25, seed: 3 },
      { chunkSize: 10, loadChunk: asyncLoader, signal: controller.signal },
    );
    expect(promotions).toEqual(loadSingleBatch({ stores: 25, seed: 3 }).promotions);
    expect(seen[0]).toEqual([
      { seed: 3, stores: 25, templates: 'MIXED', asOf: '2026-06-01' },
      controller.signal,
    ]);
  });

  it('stops within one chunk when the signal aborts, rejecting with the reason', async () => {
    const controller = new AbortController();
    const reason = new Error('user left the page');
    const { loader, calls } = flakyLoader(0, 0);
    const error = await loadChunked(SPEC, {
      chunkSize: 5,
      loadChunk: loader,
      signal: controller.signal,
      onProgress: ({ chunk }) => {
        if (chunk === 2) controller.abort(reason);
      },
    }).catch((e: unknown) => e);
    expect(error).toBe(reason);
    expect(calls).toEqual([1, 6]);
  });

  it('stops during a backoff wait when the signal aborts', async () => {
    const controller = new AbortController();
    const { loader, calls } = flakyLoader(1, Number.POSITIVE_INFINITY);
    const started = performance.now();
    setTimeout(() => controller.abort(), 20);
    const error = await loadChunked(SPEC, {
      loadChunk: loader,
      retryDelayMs: 60_000,
      signal: controller.signal,
    }).catch((e: unknown) => e);
    expect((error as DOMException).name).toBe('AbortError');
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(calls).toEqual([1]);
  });

  it('rejects with the reason without loading anything when the signal has already aborted', async () => {
    const { loader, calls } = flakyLoader(0, 0);
    const error = await loadChunked(SPEC, { loadChunk: loader, signal: AbortSignal.abort('gone') }).catch(
      (e: unknown) => e,
    );
    expect(error).toBe('gone');
    expect(calls).toEqual([]);
  });

  it('does not retry a loader that fails because the signal aborted', async () => {
    const controller = new AbortController();
    const loader = vi.fn<ChunkLoader>(() => {
      controller.abort('stop');
      throw new Error('aborted fetch');
    });
    const error = await loadChunked(SPEC, { loadChunk: loader, signal: controller.signal }).catch(
      (e: unknown) => e,
    );
    expect(error).toBe('stop');
    expect(loader).toHaveBeenCalledTimes(1);
  });

  it('rejects invalid specs and options with messages naming the field', async () => {
    await expect(loadChunked({ stores: 0 })).rejects.toThrow(PromoscaleError);
    await expect(loadChunked({ stores: 0 })).rejects.toThrow(
      'spec.stores must be an integer from 1 to 100000',
    );
    await expect(loadChunked(SPEC, { chunkSize: 0 })).rejects.toMatchObject({ code: 'INVALID_CHUNK_SIZE' });
    await expect(loadChunked(SPEC, { retries: -1 })).rejects.toThrow(
      'options.retries must be an integer from 0 to 100; received -1',
    );
    await expect(loadChunked(SPEC, { retryDelayMs: Number.NaN })).rejects.toMatchObject({
      code: 'INVALID_OPTION',
      field: 'options.retryDelayMs',
    });
    await expect(loadChunked(SPEC, { retryDelayMs: 2 ** 31 })).rejects.toThrow(
      'options.retryDelayMs must be a finite number from 0 to 2147483647; received 2147483648',
    );
  });
});
