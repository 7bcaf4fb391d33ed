import { PromoscaleError, type Promotion } from '@promoscale/generator';
import { loadSingleBatch } from '@promoscale/scaling';
import { describe, expect, it } from 'vitest';
import { renderHook } from 'vitest-browser-react';
import { hashRows } from './hash-rows.js';
import { HOSTILE_SPECS } from './hostile-specs.js';
import { type StreamingGridApi, useStreamingLoad } from './use-streaming-load.js';

/** A stand-in for AG Grid's api that applies transactions at once and keeps the rows. */
function fakeGrid() {
  const grid = {
    rows: [] as Promotion[],
    transactions: [] as number[],
    // Rows queued by applyTransactionAsync and not yet flushed.
    queued: 0,
    api: {
      applyTransactionAsync(transaction, callback) {
        grid.transactions.push(transaction.add?.length ?? 0);
        grid.queued += transaction.add?.length ?? 0;
        grid.rows.push(...(transaction.add ?? []));
        callback?.({ add: [], remove: [], update: [] });
      },
      flushAsyncTransactions() {
        grid.queued = 0;
      },
      setGridOption(_key: string, value: unknown) {
        grid.rows = [...(value as Promotion[])];
      },
      isDestroyed: () => false,
    } as StreamingGridApi,
  };
  return grid;
}

describe('useStreamingLoad', () => {
  it('streams every row of the spec from a worker into the grid', async () => {
    const grid = fakeGrid();
    const { result } = await renderHook(() =>
      useStreamingLoad({ stores: 50, seed: 9 }, { gridApi: grid.api, chunkSize: 10 }),
    );
    await expect.poll(() => result.current.status, { timeout: 10_000 }).toBe('done');
    expect(result.current.appended).toBe(1500);
    expect(grid.transactions.reduce((a, b) => a + b, 0)).toBe(1500);
    const expected = hashRows(loadSingleBatch({ stores: 50, seed: 9 }).promotions);
    expect(hashRows(grid.rows)).toEqual(expected);
    expect(hashRows(result.current.rows)).toEqual(expected);
    expect(result.current.progress.ratio).toBe(1);
    expect(result.current.timings.firstRowsMs).not.toBeNull();
    expect(result.current.timings.allRowsMs).toBeGreaterThanOrEqual(result.current.timings.firstRowsMs ?? 0);
  });

  it('hands the grid at most flushRows rows a flush, each flushed at once', async () => {
    const grid = fakeGrid();
    const { result } = await renderHook(() =>
      useStreamingLoad({ stores: 40, seed: 3 }, { gridApi: grid.api, chunkSize: 20, flushRows: 250 }),
    );
    await expect.poll(() => result.current.status, { timeout: 10_000 }).toBe('done');
    // 1,200 rows in chunks of 600, split into flushes of at most 250, in order.
    expect(grid.transactions.length).toBeGreaterThanOrEqual(5);
    expect(Math.max(...grid.transactions)).toBeLessThanOrEqual(250);
    expect(grid.queued).toBe(0);
    expect(hashRows(grid.rows)).toEqual(hashRows(loadSingleBatch({ stores: 40, seed: 3 }).promotions));
  });

  it.each([0, -1, 1.5, Number.NaN, '10'])(
    'shows flushRows %s as an INVALID_OPTION error state',
    async (bad) => {
      const { result } = await renderHook(() =>
        useStreamingLoad({ stores: 5 }, { flushRows: bad as unknown as number }),
      );
      await expect.poll(() => result.current.status, { timeout: 10_000 }).toBe('error');
      expect(result.current.error).toBeInstanceOf(PromoscaleError);
      expect(result.current.error?.message).toMatch(/options\.flushRows/);
    },
  );

  it('treats a null flushRows as absent', async () => {
    const grid = fakeGrid();
    const { result } = await renderHook(() =>
      useStreamingLoad({ stores: 5 }, { gridApi: grid.api, flushRows: null as unknown as number }),
    );
    await expect.poll(() => result.current.status, { timeout: 10_000 }).toBe('done');
    expect(grid.rows).toHaveLength(150);
  });

  it('hands rows that arrived before the grid to the grid when it appears', async () => {
    const grid = fakeGrid();
    let api: StreamingGridApi | null = null;
    const { result, rerender } = await renderHook(() => useStreamingLoad({ stores: 20 }, { gridApi: api }));
    await expect.poll(() => result.current.rows.length, { timeout: 10_000 }).toBeGreaterThan(0);
    api = grid.api;
    await rerender();
    await expect.poll(() => result.current.status, { timeout: 10_000 }).toBe('done');
    expect(hashRows(grid.rows)).toEqual(hashRows(loadSingleBatch({ stores: 20 }).promotions));
  });

  it('aborts the stream of a replaced spec: the grid gets only the new spec rows', async () => {
    const grid = fakeGrid();
    let spec = { stores: 200, seed: 1 };
    const { result, rerender } = await renderHook(() =>
      useStreamingLoad(spec, { gridApi: grid.api, chunkSize: 5 }),
    );
    await expect.poll(() => result.current.appended, { timeout: 10_000 }).toBeGreaterThan(0);
    spec = { stores: 10, seed: 2 };
    await rerender();
    await expect.poll(() => result.current.status, { timeout: 10_000 }).toBe('done');
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(hashRows(grid.rows)).toEqual(hashRows(loadSingleBatch(spec).promotions));
    expect(result.current.appended).toBe(300);
  });

  it('cancels: the rows so far stay and no more arrive; retry streams again on an empty grid', async () => {
    const grid = fakeGrid();
    const { result, act } = await renderHook(() =>
      useStreamingLoad({ stores: 400 }, { gridApi: grid.api, chunkSize: 2, prefetch: 1 }),
    );
    await expect.poll(() => result.current.appended, { timeout: 10_000 }).toBeGreaterThan(0);
    await act(() => result.current.cancel());
    expect(result.current.status).toBe('cancelled');
    const kept = grid.rows.length;
    // What the hook reports is what the grid has.
    expect(result.current.appended).toBe(kept);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(grid.rows.length).toBe(kept);
    expect(kept).toBeLessThan(12_000);

    await act(() => result.current.retry());
    await expect.poll(() => result.current.status, { timeout: 20_000 }).toBe('done');
    expect(hashRows(grid.rows)).toEqual(hashRows(loadSingleBatch({ stores: 400 }).promotions));
  });

  it('shows a worker that cannot start as an error state', async () => {
    const { result } = await renderHook(() =>
      useStreamingLoad(
        { stores: 5 },
        {
          createWorker: () => new Worker(new URL('./no-such-worker.js', import.meta.url), { type: 'module' }),
        },
      ),
    );
    await expect.poll(() => result.current.status, { timeout: 10_000 }).toBe('error');
    expect(result.current.error?.message).toMatch(/^promoscale worker failed/);
  });

  it.each(HOSTILE_SPECS)('shows %s as an error state, never a throw', async (_name, spec) => {
    const { result } = await renderHook(() => useStreamingLoad(spec));
    expect(result.current.status).toBe('error');
    expect(result.current.error).toBeInstanceOf(PromoscaleError);
  });

  it('ends quietly when unmounted mid-stream', async () => {
    const { result, unmount } = await renderHook(() => useStreamingLoad({ stores: 300 }, { chunkSize: 1 }));
    await expect.poll(() => result.current.appended, { timeout: 10_000 }).toBeGreaterThan(0);
    await unmount();
    await new Promise((resolve) => setTimeout(resolve, 100));
  });
});
