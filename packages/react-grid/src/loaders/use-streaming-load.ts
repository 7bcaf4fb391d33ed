import type { DatasetSpec, Promotion } from '@promoscale/generator';
import { assertInteger } from '@promoscale/generator/internal';
import { streamPromotionsInWorker, type WorkerEncoding, type WorkerSource } from '@promoscale/scaling';
import type { GridApi } from 'ag-grid-community';
import { useEffect, useRef, useState } from 'react';
import {
  type LoadState,
  type LoadStatus,
  onCancelled,
  progressOf,
  since,
  toError,
  useLoadRun,
  useValidatedSpec,
} from './load-lifecycle.js';
import { STREAMING_ENCODING } from './streaming-encoding.js';

/** The part of AG Grid's `GridApi` the streaming loader writes to. */
export type StreamingGridApi = Pick<
  GridApi<Promotion>,
  'applyTransactionAsync' | 'flushAsyncTransactions' | 'setGridOption' | 'isDestroyed'
>;

/** Options of {@link useStreamingLoad}. */
export interface StreamingLoadOptions {
  /**
   * The grid the rows are appended to with `applyTransactionAsync` (from `onGridReady`). Rows that arrive before
   * it is set are kept and handed over when it is. Leave it out to only collect `rows`.
   */
  gridApi?: StreamingGridApi | null;
  /** Stores a chunk (one message from the worker). @default 10 */
  chunkSize?: number;
  /**
   * Creates the worker that generates the rows: a function returning a `Worker` that runs
   * `@promoscale/scaling/worker` (or a script calling `servePromotions`).
   * @default @promoscale/scaling's own lookup, `new Worker(new URL('./worker.js', import.meta.url), { type: 'module' })`
   */
  createWorker?: () => Worker;
  /** How chunks cross from the worker. @default the measured winner (docs/decisions/0007) */
  encoding?: WorkerEncoding;
  /** Chunks the worker may run ahead. @default 2 */
  prefetch?: number;
  /**
   * How often `rows`, `appended` and `progress` are committed to React state while rows stream in (the grid gets
   * rows at its own pace, see `flushRows`). @default 100
   */
  commitIntervalMs?: number;
  /**
   * Most rows handed to the grid in one flush (one `applyTransactionAsync` + `flushAsyncTransactions`, in a task of
   * its own). AG Grid's client-side row model passes over every row it holds at each flush, so the loader flushes at
   * most this many new rows at a time and then leaves the main thread to the page for at least as long as the
   * flush took; rows that arrive meanwhile wait in order (docs/decisions/0010). An integer of at least 1.
   * @default 3000
   */
  flushRows?: number;
  /** Whether to load; `false` keeps the hook `idle`. @default true */
  enabled?: boolean;
}

/** What {@link useStreamingLoad} returns. */
export interface StreamingLoadState extends LoadState {
  /** Rows appended so far. */
  appended: number;
  /** Every row received so far (a new array at each commit): for summaries over the loaded rows. */
  rows: Promotion[];
}

interface Snapshot {
  key: string;
  status: LoadStatus;
  rows: Promotion[];
  error: Error | null;
  firstRowsMs: number | null;
  allRowsMs: number | null;
}

const NO_ROWS: Promotion[] = [];
/** The default of `flushRows`. */
const DEFAULT_FLUSH_ROWS = 3000;
/**
 * The least time between two flushes (AG Grid's own `asyncTransactionWaitMillis` default): the page paints and
 * answers input between them, and the rows that arrive meanwhile share the next flush.
 */
const MIN_FLUSH_GAP_MS = 50;

function initial(key: string): Snapshot {
  return { key, status: 'idle', rows: NO_ROWS, error: null, firstRowsMs: null, allRowsMs: null };
}

/**
 * Phase 3 (STREAMING_ITERATOR): generates a `DatasetSpec` in a Web Worker with `@promoscale/scaling`'s
 * `streamPromotionsInWorker` and appends the rows to the grid with `applyTransactionAsync`, so the main thread
 * only receives rows and the page stays responsive: rows reach the grid in flushes of at most `flushRows`, each in
 * a task of its own and spaced so the grid's work takes at most about half of the main thread. `rows` and
 * `appended` count the rows handed to the grid; `timings.firstRowsMs` is when the first were. A new spec or an
 * unmount aborts the stream and terminates the worker (no late rows); `cancel()` keeps the rows the grid has;
 * `retry()` starts the stream again on an empty grid. A bad spec or option (e.g. a `flushRows` that is not an
 * integer of at least 1: `INVALID_OPTION`) is an error state with the `PromoscaleError`, never a throw.
 *
 * @example
 * const [api, setApi] = useState<GridApi<Promotion> | null>(null);
 * const { appended, progress } = useStreamingLoad({ stores: 500 }, { gridApi: api });
 * return <AgGridReact onGridReady={(e) => setApi(e.api)} getRowId={(p) => p.data.id} />;
 */
export function useStreamingLoad(spec: DatasetSpec, options: StreamingLoadOptions = {}): StreamingLoadState {
  const enabled = options.enabled ?? true;
  const chunkSize = options.chunkSize ?? 10;
  const gridApi = options.gridApi ?? null;
  const commitIntervalMs = options.commitIntervalMs ?? 100;
  const flushRows = options.flushRows ?? DEFAULT_FLUSH_ROWS;
  const { key, validated } = useValidatedSpec(spec);
  const [snapshot, setSnapshot] = useState<Snapshot>(() => initial(key));
  // What the grid holds: the api the rows went to and the current run's rows it has.
  const sink = useRef<Sink>({ api: null, rows: NO_ROWS });
  const apiRef = useRef(gridApi);
  apiRef.current = gridApi;

  const controls = useLoadRun(
    `${key}|${chunkSize}|${options.encoding}|${flushRows}|${enabled}`,
    ({ signal }) => {
      const api = usable(apiRef.current);
      // Old rows, and transactions the previous run still had queued, leave the grid before this run's arrive.
      if (api) {
        api.flushAsyncTransactions();
        api.setGridOption('rowData', []);
      }
      const pending = new PendingRows();
      sink.current = { api, rows: [] };
      if (!enabled || !validated.spec) return;

      let state: Snapshot = { ...initial(key), status: 'loading' };
      const update = (patch: Partial<Snapshot>) => {
        state = { ...state, ...patch };
        if (!signal.aborted) setSnapshot(state);
      };
      update({});

      // React state (rows, progress, and what renders from them, like the KPIs) is committed at most every
      // `commitIntervalMs`, or a long stream would re-render at every flush.
      let commitTimer: ReturnType<typeof setTimeout> | null = null;
      const commit = () => {
        if (commitTimer !== null) clearTimeout(commitTimer);
        commitTimer = null;
        update({ rows: sink.current.rows.slice() });
      };
      const scheduleCommit = () => {
        if (commitTimer === null) commitTimer = setTimeout(commit, commitIntervalMs);
      };

      const started = performance.now();
      let streamEnded = false;
      let flushTimer: ReturnType<typeof setTimeout> | null = null;
      // When the next flush may run: after a gap at least as long as the last flush took.
      let nextFlushAt = 0;
      const finish = () => {
        commit();
        update({
          status: 'done',
          allRowsMs: since(started),
          firstRowsMs: state.firstRowsMs ?? since(started),
        });
      };
      // One flush: at most `flushRows` waiting rows to the grid, in a task of its own; the next one waits at least as
      // long as this one took, so the grid's passes over all its rows never take the whole main thread.
      const flush = () => {
        flushTimer = null;
        if (signal.aborted) return;
        const target = usable(sink.current.api);
        const took = handOver(
          target,
          sink.current.rows,
          pending,
          target ? flushRows : Number.POSITIVE_INFINITY,
        );
        if (state.firstRowsMs === null && sink.current.rows.length > 0)
          update({ firstRowsMs: since(started) });
        nextFlushAt = performance.now() + Math.max(MIN_FLUSH_GAP_MS, took);
        if (pending.size > 0) scheduleFlush();
        else if (streamEnded) finish();
        else scheduleCommit();
      };
      const scheduleFlush = () => {
        if (flushTimer === null) flushTimer = setTimeout(flush, Math.max(0, nextFlushAt - performance.now()));
      };
      signal.addEventListener('abort', () => {
        if (commitTimer !== null) clearTimeout(commitTimer);
        if (flushTimer !== null) clearTimeout(flushTimer);
        pending.clear();
      });
      onCancelled(signal, () => {
        // The rows the grid has stay; `rows` says which.
        state = { ...state, status: 'cancelled', rows: sink.current.rows.slice() };
        setSnapshot(state);
      });

      const stream = (async () => {
        assertInteger(flushRows, 'options.flushRows', 'INVALID_OPTION', 1);
        const chunks = streamPromotionsInWorker(validated.spec, {
          chunkSize,
          signal,
          encoding: options.encoding ?? STREAMING_ENCODING,
          ...(options.prefetch !== undefined && { prefetch: options.prefetch }),
          ...(options.createWorker && { worker: options.createWorker as WorkerSource }),
        });
        for await (const chunk of chunks) {
          if (signal.aborted) return;
          pending.push(chunk.promotions);
          scheduleFlush();
        }
        if (signal.aborted) return;
        streamEnded = true;
        // The last flush finishes the load; with nothing left to hand over it ends here.
        if (flushTimer === null && pending.size === 0) finish();
      })();
      stream.catch((error: unknown) => {
        if (!signal.aborted) update({ status: 'error', error: toError(error) });
      });
    },
  );

  // A grid that appears (or is replaced) after rows arrived gets every row of the current run.
  useEffect(() => {
    const api = usable(gridApi);
    const current = sink.current;
    if (!api || current.api === api) return;
    current.api = api;
    api.setGridOption('rowData', current.rows.slice());
  }, [gridApi]);

  const current = snapshot.key === key ? snapshot : initial(key);
  const live = enabled && !validated.error;
  const rows = live ? current.rows : NO_ROWS;
  return {
    status: validated.error ? 'error' : live ? current.status : 'idle',
    rows,
    appended: rows.length,
    progress: progressOf(rows.length, validated.total),
    error: validated.error ?? current.error,
    timings: { firstRowsMs: current.firstRowsMs, allRowsMs: current.allRowsMs },
    ...controls,
  };
}

/** The rows the stream delivered that the grid has not had yet, in order. */
class PendingRows {
  #chunks: (readonly Promotion[])[] = [];
  #offset = 0;
  size = 0;

  push(rows: readonly Promotion[]): void {
    if (rows.length === 0) return;
    this.#chunks.push(rows);
    this.size += rows.length;
  }

  /** Removes and returns the first `count` rows (all when fewer wait). */
  take(count: number): Promotion[] {
    const taken: Promotion[] = [];
    while (taken.length < count && this.#chunks.length > 0) {
      const chunk = this.#chunks[0] as readonly Promotion[];
      const end = Math.min(chunk.length, this.#offset + count - taken.length);
      // A loop, not push(...rows): a large chunk would overflow the call stack.
      for (let i = this.#offset; i < end; i++) taken.push(chunk[i] as Promotion);
      if (end === chunk.length) {
        this.#chunks.shift();
        this.#offset = 0;
      } else this.#offset = end;
    }
    this.size -= taken.length;
    return taken;
  }

  clear(): void {
    this.#chunks = [];
    this.#offset = 0;
    this.size = 0;
  }
}

interface Sink {
  api: StreamingGridApi | null;
  rows: Promotion[];
}

/**
 * Moves up to `limit` waiting rows to `rows` and, when there is a grid, to the grid as one flushed transaction.
 * Returns the milliseconds it took.
 */
function handOver(
  api: StreamingGridApi | null,
  rows: Promotion[],
  pending: PendingRows,
  limit: number,
): number {
  const began = performance.now();
  const batch = pending.take(limit);
  if (api && batch.length > 0) {
    api.applyTransactionAsync({ add: batch });
    api.flushAsyncTransactions();
  }
  for (let i = 0; i < batch.length; i++) rows.push(batch[i] as Promotion);
  return performance.now() - began;
}

function usable(api: StreamingGridApi | null | undefined): StreamingGridApi | null {
  return api && !api.isDestroyed() ? api : null;
}
