import { type DatasetSpec, PROMOTIONS_PER_STORE, type Promotion } from '@promoscale/generator';
import {
  ChunkLoadError,
  type ChunkLoader,
  type ChunkRetry,
  generateStoreRange,
  loadChunked,
} from '@promoscale/scaling';
import { useRef, useState } from 'react';
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

/** Options of {@link useChunkedLoad}. */
export interface ChunkedLoadHookOptions {
  /** Stores a chunk. @default 10 */
  chunkSize?: number;
  /** Automatic retries of a failed chunk (by `loadChunked`) before the load stops with an error. @default 3 */
  retries?: number;
  /** Wait before the first automatic retry, doubling for each further one. @default 100 */
  retryDelayMs?: number;
  /**
   * Loads the rows of stores `startStore..endStore` (a fetch, a worker, a test's failing stub).
   * @default generateStoreRange (the generator's processBatch)
   */
  loadChunk?: ChunkLoader;
  /** Whether to load; `false` keeps the hook `idle`. @default true */
  enabled?: boolean;
}

/** What {@link useChunkedLoad} returns. */
export interface ChunkedLoadState extends LoadState {
  /** The rows loaded so far, growing chunk by chunk (a new array after each chunk). */
  rows: Promotion[];
  /** 1-based number of the last chunk loaded (0 before the first) and the chunk count. */
  chunk: number;
  totalChunks: number;
  /** Automatic retries made by this run. */
  retried: number;
  /** The store the next load starts from: 1, or the first store of the chunk that failed or was cancelled. */
  resumeFromStore: number;
}

interface Snapshot {
  key: string;
  status: LoadStatus;
  rows: Promotion[];
  chunk: number;
  retried: number;
  error: Error | null;
  firstRowsMs: number | null;
  allRowsMs: number | null;
}

const NO_ROWS: Promotion[] = [];

function initial(key: string): Snapshot {
  return {
    key,
    status: 'idle',
    rows: NO_ROWS,
    chunk: 0,
    retried: 0,
    error: null,
    firstRowsMs: null,
    allRowsMs: null,
  };
}

/**
 * Phase 2 (CHUNKED_PROCESSING): loads a `DatasetSpec` with `@promoscale/scaling`'s `loadChunked`, `chunkSize`
 * stores at a time, yielding between chunks so the page paints: `rows` and `progress` grow after each chunk. A
 * failed chunk is retried automatically (`retries`, with backoff); when it still fails, `status` is `error`, the
 * rows before it stay, and `retry()` resumes from that chunk without loading the earlier chunks again (as it does
 * after `cancel()`). A new spec or an unmount aborts the load: no late rows.
 *
 * @example
 * const { rows, progress, status, error, retry, cancel } = useChunkedLoad({ stores: 25 }, { chunkSize: 5 });
 */
export function useChunkedLoad(spec: DatasetSpec, options: ChunkedLoadHookOptions = {}): ChunkedLoadState {
  const enabled = options.enabled ?? true;
  const chunkSize = options.chunkSize ?? 10;
  const { key, validated } = useValidatedSpec(spec);
  const [snapshot, setSnapshot] = useState<Snapshot>(() => initial(key));
  // The rows of the last run that stopped early, to resume from (same spec and chunk size only).
  const kept = useRef<{ key: string; rows: Promotion[] }>({ key: '', rows: NO_ROWS });
  const runKey = `${key}|${chunkSize}|${enabled}`;

  const controls = useLoadRun(runKey, ({ signal, attempt }) => {
    if (!enabled || !validated.spec) return;
    const nspec = validated.spec;
    const resumed = attempt > 0 && kept.current.key === runKey ? kept.current.rows : NO_ROWS;
    let rows = resumed;
    let state: Snapshot = { ...initial(key), status: 'loading', rows };
    const update = (patch: Partial<Snapshot>) => {
      state = { ...state, ...patch };
      if (!signal.aborted) setSnapshot(state);
    };
    const keep = () => {
      kept.current = { key: runKey, rows };
    };
    onCancelled(signal, () => {
      keep();
      state = { ...state, status: 'cancelled' };
      setSnapshot(state);
    });
    update({});

    const started = performance.now();
    const load = options.loadChunk ?? generateStoreRange;
    let arrived: Promotion[] = NO_ROWS;
    const loadChunk: ChunkLoader = async (startStore, endStore, normalized, chunkSignal) => {
      // Chunks loaded before the failure or the cancel are served from memory, never loaded again.
      if (endStore * PROMOTIONS_PER_STORE <= resumed.length) {
        return resumed.slice((startStore - 1) * PROMOTIONS_PER_STORE, endStore * PROMOTIONS_PER_STORE);
      }
      arrived = await load(startStore, endStore, normalized, chunkSignal);
      return arrived;
    };

    loadChunked(nspec, {
      chunkSize,
      signal,
      loadChunk,
      ...(options.retries !== undefined && { retries: options.retries }),
      ...(options.retryDelayMs !== undefined && { retryDelayMs: options.retryDelayMs }),
      onRetry: (_retry: ChunkRetry) => update({ retried: state.retried + 1 }),
      onProgress: ({ chunk, loaded }) => {
        if (signal.aborted) return;
        if (loaded > rows.length) {
          rows = rows.concat(arrived);
          update({ rows, chunk, firstRowsMs: state.firstRowsMs ?? since(started) });
        } else {
          update({ chunk });
        }
      },
    }).then(
      () => {
        kept.current = { key: '', rows: NO_ROWS };
        update({ status: 'done', allRowsMs: since(started) });
      },
      (error: unknown) => {
        if (signal.aborted) return;
        if (error instanceof ChunkLoadError) rows = error.partial;
        keep();
        update({ status: 'error', rows, error: toError(error) });
      },
    );
  });

  const current = snapshot.key === key ? snapshot : initial(key);
  const live = enabled && !validated.error;
  const rows = live ? current.rows : NO_ROWS;
  const totalChunks =
    validated.spec && Number.isInteger(chunkSize) && chunkSize > 0
      ? Math.ceil(validated.spec.stores / chunkSize)
      : 0;
  const resumeFromStore = current.status === 'done' ? 1 : Math.floor(rows.length / PROMOTIONS_PER_STORE) + 1;
  return {
    status: validated.error ? 'error' : live ? current.status : 'idle',
    rows,
    progress: progressOf(rows.length, validated.total),
    chunk: live ? current.chunk : 0,
    totalChunks,
    retried: live ? current.retried : 0,
    resumeFromStore,
    error: validated.error ?? current.error,
    timings: { firstRowsMs: current.firstRowsMs, allRowsMs: current.allRowsMs },
    ...controls,
  };
}
