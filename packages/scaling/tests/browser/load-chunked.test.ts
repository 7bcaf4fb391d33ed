import { describe, expect, it } from 'vitest';
import {
  type ChunkedLoadProgress,
  ChunkLoadError,
  type ChunkLoader,
  generateStoreRange,
  loadChunked,
} from '../../src/index.js';
import { batchRows, expectProgressTotals, CHUNKED_SPEC as SPEC } from '../support/chunks.js';

// Runs in Chromium, where loadChunked yields with the generator's yieldToEventLoop (`scheduler.yield()` here).
const expected = () => batchRows(SPEC);

/** A loader that blocks the thread for `ms` per chunk, like a slow device. */
const slowLoader =
  (ms: number): ChunkLoader =>
  (start, end, spec) => {
    const until = performance.now() + ms;
    while (performance.now() < until);
    return generateStoreRange(start, end, spec);
  };

describe('loadChunked in Chromium', () => {
  it('returns processBatch rows and reports progress after each chunk', async () => {
    const reports: ChunkedLoadProgress[] = [];
    const { promotions, chunks, retried } = await loadChunked(SPEC, {
      chunkSize: 10,
      onProgress: (progress) => reports.push(progress),
    });
    expect(promotions).toEqual(expected());
    expect([chunks, retried]).toEqual([5, 0]);
    expect(reports.map((p) => [p.chunk, p.loaded])).toEqual([
      [1, 300],
      [2, 600],
      [3, 900],
      [4, 1200],
      [5, 1410],
    ]);
    expectProgressTotals(reports, { totalChunks: 5, total: 1410 });
  });

  it('lets the page render while it loads (animation frames run between chunks)', async () => {
    let frames = 0;
    let handle = requestAnimationFrame(function frame() {
      frames++;
      handle = requestAnimationFrame(frame);
    });
    const framesAtProgress: number[] = [];
    try {
      // 40 chunks blocking ~10 ms each: ~400 ms in which a page that never yielded would not render at all.
      await loadChunked(
        { stores: 40 },
        { chunkSize: 1, loadChunk: slowLoader(10), onProgress: () => framesAtProgress.push(frames) },
      );
    } finally {
      cancelAnimationFrame(handle);
    }
    expect(framesAtProgress.at(-1)).toBeGreaterThan(framesAtProgress[0] ?? 0);
  });

  it('stops between chunks when the signal aborts from onProgress, rejecting with the reason', async () => {
    const controller = new AbortController();
    const seen: number[] = [];
    await expect(
      loadChunked(SPEC, {
        chunkSize: 10,
        signal: controller.signal,
        onProgress: ({ chunk }) => {
          seen.push(chunk);
          if (chunk === 2) controller.abort(new Error('navigated away'));
        },
      }),
    ).rejects.toThrow('navigated away');
    expect(seen).toEqual([1, 2]);
  });

  it('retries an asynchronous loader that fails, after a real backoff wait, and loses no row', async () => {
    let failures = 0;
    const flaky: ChunkLoader = async (start, end, spec) => {
      await new Promise((resolve) => setTimeout(resolve, 1));
      if (start === 21 && failures < 2) {
        failures++;
        throw new Error(`network down (${failures})`);
      }
      return generateStoreRange(start, end, spec);
    };
    const retries: number[] = [];
    const started = performance.now();
    const result = await loadChunked(SPEC, {
      chunkSize: 10,
      loadChunk: flaky,
      retryDelayMs: 20,
      onRetry: ({ delayMs }) => retries.push(delayMs),
    });
    expect(retries).toEqual([20, 40]);
    expect(performance.now() - started).toBeGreaterThanOrEqual(60);
    expect(result.retried).toBe(2);
    expect(result.promotions).toEqual(expected());
  });

  it('rejects with a ChunkLoadError holding the rows before the failed chunk', async () => {
    const failing: ChunkLoader = (start, end, spec) => {
      if (start === 31) throw new Error('server 503');
      return generateStoreRange(start, end, spec);
    };
    const error = await loadChunked(SPEC, {
      chunkSize: 10,
      loadChunk: failing,
      retries: 1,
      retryDelayMs: 1,
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ChunkLoadError);
    expect((error as ChunkLoadError).message).toBe(
      'chunk 4 of 5 (stores 31-40) failed after 2 attempts: server 503',
    );
    expect((error as ChunkLoadError).partial).toEqual(expected().slice(0, 30 * 30));
  });
});
