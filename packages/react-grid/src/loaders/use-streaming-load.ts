import type { DatasetSpec, Promotion } from '@promoscale/generator';
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
   * How often `rows`, `appended` and `progress` are committed to React state while rows stream in (the grid itself
   * gets every chunk as it arrives). @default 100
   */
  commitIntervalMs?: number;
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

function initial(key: string): Snapshot {
  return { key, status: 'idle', rows: NO_ROWS, error: null, firstRowsMs: null, allRowsMs: null };
}

/**
 * Phase 3 (STREAMING_ITERATOR): generates a `DatasetSpec` in a Web Worker with `@promoscale/scaling`'s
 * `streamPromotionsInWorker` and appends each chunk to the grid with `applyTransactionAsync`, so the main thread
 * only receives rows and the page stays responsive. `timings.firstRowsMs` is when the first chunk was handed to
 * the grid. A new spec or an unmount aborts the stream and terminates the worker (no late rows); `retry()` starts
 * the stream again on an empty grid.
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
  const { key, validated } = useValidatedSpec(spec);
  const [snapshot, setSnapshot] = useState<Snapshot>(() => initial(key));
  // What the grid holds: the api the rows went to and how many of the current run's rows it has.
  const sink = useRef<{ api: StreamingGridApi | null; rows: Promotion[]; pushed: number }>({
    api: null,
    rows: NO_ROWS,
    pushed: 0,
  });
  const apiRef = useRef(gridApi);
  apiRef.current = gridApi;

  const controls = useLoadRun(`${key}|${chunkSize}|${options.encoding}|${enabled}`, ({ signal }) => {
    const api = usable(apiRef.current);
    // Old rows, and transactions the previous run still had queued, leave the grid before this run's arrive.
    if (api) {
      api.flushAsyncTransactions();
      api.setGridOption('rowData', []);
    }
    sink.current = { api, rows: [], pushed: 0 };
    if (!enabled || !validated.spec) return;

    let state: Snapshot = { ...initial(key), status: 'loading' };
    const update = (patch: Partial<Snapshot>) => {
      state = { ...state, ...patch };
      if (!signal.aborted) setSnapshot(state);
    };
    onCancelled(signal, () => {
      state = { ...state, status: 'cancelled' };
      setSnapshot(state);
    });
    update({});

    // The grid gets every chunk at once; React state (rows, progress, and what renders from them, like the KPIs
    // over every loaded row) at most every `commitIntervalMs`, or a long stream would re-render per chunk.
    let timer: ReturnType<typeof setTimeout> | null = null;
    const commit = () => {
      if (timer !== null) clearTimeout(timer);
      timer = null;
      update({ rows: sink.current.rows.slice() });
    };
    const scheduleCommit = () => {
      if (timer === null) timer = setTimeout(commit, commitIntervalMs);
    };
    signal.addEventListener('abort', () => {
      if (timer !== null) clearTimeout(timer);
    });

    const started = performance.now();
    const stream = (async () => {
      const chunks = streamPromotionsInWorker(validated.spec, {
        chunkSize,
        signal,
        encoding: options.encoding ?? STREAMING_ENCODING,
        ...(options.prefetch !== undefined && { prefetch: options.prefetch }),
        ...(options.createWorker && { worker: options.createWorker as WorkerSource }),
      });
      for await (const chunk of chunks) {
        if (signal.aborted) return;
        const all = sink.current.rows;
        // A loop, not push(...rows): a large chunk would overflow the call stack.
        for (let i = 0; i < chunk.promotions.length; i++) all.push(chunk.promotions[i] as Promotion);
        const target = usable(sink.current.api);
        if (target) {
          target.applyTransactionAsync({ add: chunk.promotions });
          sink.current.pushed = all.length;
        }
        // Handed to the grid, as in the other phases (AG Grid applies async transactions within 50 ms).
        if (state.firstRowsMs === null) update({ firstRowsMs: since(started) });
        scheduleCommit();
      }
      if (signal.aborted) return;
      usable(sink.current.api)?.flushAsyncTransactions();
      commit();
      update({ status: 'done', allRowsMs: since(started), firstRowsMs: state.firstRowsMs ?? since(started) });
    })();
    stream.catch((error: unknown) => {
      if (!signal.aborted) update({ status: 'error', error: toError(error) });
    });
  });

  // A grid that appears (or is replaced) after rows arrived gets every row of the current run.
  useEffect(() => {
    const api = usable(gridApi);
    const current = sink.current;
    if (!api || current.api === api) return;
    current.api = api;
    api.setGridOption('rowData', current.rows.slice());
    current.pushed = current.rows.length;
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

function usable(api: StreamingGridApi | null | undefined): StreamingGridApi | null {
  return api && !api.isDestroyed() ? api : null;
}
