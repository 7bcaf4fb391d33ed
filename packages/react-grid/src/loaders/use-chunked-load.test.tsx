import { PromoscaleError, type Promotion } from '@promoscale/generator';
import { type ChunkLoader, generateStoreRange, loadSingleBatch } from '@promoscale/scaling';
import { describe, expect, it } from 'vitest';
import { renderHook } from 'vitest-browser-react';
import { hashRows } from './hash-rows.js';
import { HOSTILE_SPECS } from './hostile-specs.js';
import { useChunkedLoad } from './use-chunked-load.js';

/** A loader that records the store ranges it was asked for and fails while `failing(start)` says so. */
function recordingLoader(failing: (startStore: number, attempt: number) => boolean) {
  const calls: string[] = [];
  const attempts = new Map<number, number>();
  const loadChunk: ChunkLoader = (startStore, endStore, spec) => {
    calls.push(`${startStore}-${endStore}`);
    const attempt = (attempts.get(startStore) ?? 0) + 1;
    attempts.set(startStore, attempt);
    if (failing(startStore, attempt)) throw new Error('network down');
    return generateStoreRange(startStore, endStore, spec);
  };
  return { calls, loadChunk };
}

describe('useChunkedLoad', () => {
  it('shows rows chunk by chunk and ends with every row of the spec', async () => {
    const lengths = new Set<number>();
    const { result } = await renderHook(() => {
      const state = useChunkedLoad({ stores: 25, seed: 3 }, { chunkSize: 5 });
      lengths.add(state.rows.length);
      return state;
    });
    await expect.poll(() => result.current.status).toBe('done');
    expect(result.current.rows).toHaveLength(750);
    expect(hashRows(result.current.rows)).toEqual(
      hashRows(loadSingleBatch({ stores: 25, seed: 3 }).promotions),
    );
    // At least one intermediate chunk was on screen between the empty grid and the whole dataset.
    expect([...lengths].filter((n) => n > 0 && n < 750).every((n) => n % 150 === 0)).toBe(true);
    expect(lengths.size).toBeGreaterThan(2);
    expect(result.current.progress.ratio).toBe(1);
    expect(result.current.chunk).toBe(5);
    expect(result.current.totalChunks).toBe(5);
    expect(result.current.timings.firstRowsMs).not.toBeNull();
    expect(result.current.timings.allRowsMs).toBeGreaterThanOrEqual(result.current.timings.firstRowsMs ?? 0);
  });

  it('retries a failed chunk automatically and finishes', async () => {
    const { calls, loadChunk } = recordingLoader((start, attempt) => start === 11 && attempt === 1);
    const { result } = await renderHook(() =>
      useChunkedLoad({ stores: 25 }, { chunkSize: 5, loadChunk, retryDelayMs: 0 }),
    );
    await expect.poll(() => result.current.status).toBe('done');
    expect(result.current.retried).toBe(1);
    expect(calls).toEqual(['1-5', '6-10', '11-15', '11-15', '16-20', '21-25']);
    expect(hashRows(result.current.rows).hash).toBe(
      hashRows(loadSingleBatch({ stores: 25 }).promotions).hash,
    );
  });

  it('stops at a chunk that keeps failing, keeps the rows before it, and retry() resumes from that chunk', async () => {
    let down = true;
    const { calls, loadChunk } = recordingLoader((start) => down && start === 11);
    const { result, act } = await renderHook(() =>
      useChunkedLoad({ stores: 25 }, { chunkSize: 5, loadChunk, retries: 1, retryDelayMs: 0 }),
    );
    await expect.poll(() => result.current.status).toBe('error');
    expect(result.current.error?.message).toBe(
      'chunk 3 of 5 (stores 11-15) failed after 2 attempts: network down',
    );
    expect(result.current.rows).toHaveLength(300);
    expect(result.current.resumeFromStore).toBe(11);
    expect(result.current.progress.loaded).toBe(300);

    down = false;
    calls.length = 0;
    await act(() => result.current.retry());
    await expect.poll(() => result.current.status).toBe('done');
    // The two chunks already on screen were not loaded again.
    expect(calls).toEqual(['11-15', '16-20', '21-25']);
    expect(hashRows(result.current.rows)).toEqual(hashRows(loadSingleBatch({ stores: 25 }).promotions));
  });

  it('cancels between chunks, keeps the rows so far, and resumes on retry', async () => {
    let release: () => void = () => {};
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const calls: string[] = [];
    const loadChunk: ChunkLoader = async (start, end, spec) => {
      calls.push(`${start}-${end}`);
      if (start === 6) await gate;
      return generateStoreRange(start, end, spec);
    };
    const { result, act } = await renderHook(() =>
      useChunkedLoad({ stores: 15 }, { chunkSize: 5, loadChunk }),
    );
    await expect.poll(() => result.current.rows.length).toBe(150);
    await act(() => result.current.cancel());
    expect(result.current.status).toBe('cancelled');
    release();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(result.current.status).toBe('cancelled');
    expect(result.current.rows).toHaveLength(150);

    calls.length = 0;
    await act(() => result.current.retry());
    await expect.poll(() => result.current.status).toBe('done');
    expect(calls).toEqual(['6-10', '11-15']);
    expect(result.current.rows).toHaveLength(450);
  });

  it('aborts the load of a replaced spec: its chunks never reach the rows', async () => {
    let stores = 20;
    const rowsAfterSwitch: Promotion[][] = [];
    const { result, rerender } = await renderHook(() => {
      const state = useChunkedLoad({ stores, seed: stores }, { chunkSize: 2 });
      if (stores === 10) rowsAfterSwitch.push(state.rows);
      return state;
    });
    await expect.poll(() => result.current.rows.length).toBeGreaterThan(0);
    stores = 10;
    await rerender();
    await expect.poll(() => result.current.status).toBe('done');
    await new Promise((resolve) => setTimeout(resolve, 50));
    const expected = new Set(loadSingleBatch({ stores: 10, seed: 10 }).promotions.map((row) => row.revenue));
    for (const rows of rowsAfterSwitch) {
      expect(rows.length).toBeLessThanOrEqual(300);
      for (const row of rows) expect(expected.has(row.revenue)).toBe(true);
    }
    expect(hashRows(result.current.rows)).toEqual(
      hashRows(loadSingleBatch({ stores: 10, seed: 10 }).promotions),
    );
  });

  it('ends quietly when unmounted mid-load', async () => {
    const { result, unmount } = await renderHook(() => useChunkedLoad({ stores: 30 }, { chunkSize: 1 }));
    await expect.poll(() => result.current.rows.length).toBeGreaterThan(0);
    await unmount();
    await new Promise((resolve) => setTimeout(resolve, 50));
  });

  it.each(HOSTILE_SPECS)('shows %s as an error state, never a throw', async (_name, spec) => {
    const { result } = await renderHook(() => useChunkedLoad(spec));
    expect(result.current.status).toBe('error');
    expect(result.current.error).toBeInstanceOf(PromoscaleError);
    expect(result.current.rows).toEqual([]);
  });

  it('shows a bad chunk size as an error state', async () => {
    const { result } = await renderHook(() => useChunkedLoad({ stores: 5 }, { chunkSize: 0 }));
    await expect.poll(() => result.current.status).toBe('error');
    expect(result.current.error?.message).toMatch(/^options\.chunkSize must be an integer from 1/);
  });
});
