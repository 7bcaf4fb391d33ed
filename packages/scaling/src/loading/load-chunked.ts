import {
  type DatasetSpec,
  MAX_STORES,
  type NormalizedDatasetSpec,
  normalizeSpec,
  PROMOTIONS_PER_STORE,
  type Promotion,
} from '@promoscale/generator';
import {
  assertFiniteNumber,
  assertFunction,
  assertInteger,
  readOptions,
  readSignal,
  yieldToEventLoop,
} from '@promoscale/generator/internal';
import { abortableDelay } from './abortable-delay.js';
import { ChunkLoadError } from './chunk-load-error.js';
import { generateStoreRange } from './generate-store-range.js';
import { roundMs } from './load-single-batch.js';

/**
 * Loads the rows of stores `startStore..endStore` (inclusive). It may be synchronous or return a promise (a fetch
 * to a server, a worker, …); throwing or rejecting counts as a failed attempt and is retried.
 */
export type ChunkLoader = (
  startStore: number,
  endStore: number,
  spec: NormalizedDatasetSpec,
  signal: AbortSignal | undefined,
) => Promotion[] | Promise<Promotion[]>;

/** Reported after each chunk of {@link loadChunked}. */
export interface ChunkedLoadProgress {
  /** 1-based number of the chunk just loaded. */
  chunk: number;
  totalChunks: number;
  /** Promotions loaded so far. */
  loaded: number;
  /** Promotions of the whole dataset (`stores × 30`). */
  total: number;
  elapsedMs: number;
  /** Remaining time at the rate so far; 0 after the last chunk. */
  etaMs: number;
}

/** Reported before each retry of a failed chunk. */
export interface ChunkRetry {
  /** 1-based chunk number. */
  chunk: number;
  startStore: number;
  endStore: number;
  /** The attempt that failed (1 for the first). */
  attempt: number;
  /** Wait before the next attempt. */
  delayMs: number;
  error: unknown;
}

/** Options of {@link loadChunked}. */
export interface ChunkedLoadOptions {
  /** Stores a chunk. Never changes the rows. @default 10 */
  chunkSize?: number | undefined;
  /** Called after each chunk, once the chunk's rows are in the result. */
  onProgress?: ((progress: ChunkedLoadProgress) => void) | undefined;
  /** Called before each retry (after a failed attempt, before the backoff wait). */
  onRetry?: ((retry: ChunkRetry) => void) | undefined;
  /**
   * Aborts between chunks and during a backoff wait: the promise rejects with `signal.reason`. It is also passed to
   * `loadChunk`, which may stop early.
   */
  signal?: AbortSignal | undefined;
  /** Further attempts of a failed chunk before giving up with a {@link ChunkLoadError}: 0 to 100. @default 3 */
  retries?: number | undefined;
  /**
   * Wait before the first retry of a chunk, 0 to 2,147,483,647 ms (the largest timer delay: beyond it `setTimeout`
   * fires at once); each further retry waits twice as long, capped at that maximum. @default 100
   */
  retryDelayMs?: number | undefined;
  /** Loads one chunk. @default generateStoreRange (the generator's `processBatch`) */
  loadChunk?: ChunkLoader | undefined;
}

/** The result of {@link loadChunked}. */
export interface ChunkedLoadResult {
  /** Every promotion of the dataset, store by store: equal to `loadSingleBatch(spec).promotions`. */
  promotions: Promotion[];
  /** Chunks loaded. */
  chunks: number;
  /** Retries made over all chunks (0 when nothing failed). */
  retried: number;
  elapsedMs: number;
}

const MAX_RETRIES = 100;
/** The largest delay `setTimeout` honours (2^31 - 1 ms, about 24.8 days); a larger one fires after ~1 ms. */
const MAX_TIMER_MS = 2 ** 31 - 1;

/**
 * The CHUNKED_PROCESSING strategy: loads the dataset `chunkSize` stores at a time, yielding to the event loop
 * before each chunk so a UI can paint, with progress, cancellation and retry. A chunk that fails is retried with
 * exponential backoff and loading resumes at that chunk: no row is lost or duplicated, and the rows equal
 * {@link loadSingleBatch}'s whatever the chunk size or the failures.
 *
 * Rejects with `PromoscaleError` for an invalid spec (its generator code), chunk size (`INVALID_CHUNK_SIZE`) or any
 * other option (`INVALID_OPTION`: `retries`, `retryDelayMs` above 2^31 - 1, a non-function callback, a `signal`
 * that is not an AbortSignal; `null` options take their defaults), `signal.reason` when aborted, and {@link ChunkLoadError} (with the rows loaded so far in `partial`) when a chunk
 * still fails after `retries` retries.
 *
 * @example
 * const controller = new AbortController();
 * const { promotions, retried } = await loadChunked(
 *   { stores: 25, templates: 'MIXED', seed: 42 },
 *   {
 *     chunkSize: 10,
 *     signal: controller.signal,
 *     onProgress: ({ chunk, totalChunks, etaMs }) => console.log(`${chunk}/${totalChunks}, ${etaMs} ms left`),
 *   },
 * );
 * promotions.length; // 750
 */
export async function loadChunked(
  spec: DatasetSpec,
  optionsArg?: ChunkedLoadOptions | null,
): Promise<ChunkedLoadResult> {
  const started = performance.now();
  const normalized = normalizeSpec(spec);
  const options = readOptions(optionsArg, 'options');
  const signal = readSignal(options.signal, 'options.signal');
  const chunkSize = options.chunkSize ?? 10;
  const retries = options.retries ?? 3;
  const retryDelayMs = options.retryDelayMs ?? 100;
  const loadChunk = options.loadChunk ?? generateStoreRange;
  const onProgress = options.onProgress ?? undefined;
  const onRetry = options.onRetry ?? undefined;
  assertInteger(chunkSize, 'options.chunkSize', 'INVALID_CHUNK_SIZE', 1, MAX_STORES);
  assertInteger(retries, 'options.retries', 'INVALID_OPTION', 0, MAX_RETRIES);
  assertFiniteNumber(retryDelayMs, 'options.retryDelayMs', { min: 0, max: MAX_TIMER_MS });
  assertFunction(loadChunk, 'options.loadChunk');
  if (onProgress !== undefined) assertFunction(onProgress, 'options.onProgress');
  if (onRetry !== undefined) assertFunction(onRetry, 'options.onRetry');

  const { stores } = normalized;
  const totalChunks = Math.ceil(stores / chunkSize);
  const total = stores * PROMOTIONS_PER_STORE;
  const promotions: Promotion[] = [];
  let retried = 0;

  for (let index = 0; index < totalChunks; index++) {
    const startStore = index * chunkSize + 1;
    const endStore = Math.min(stores, startStore + chunkSize - 1);
    signal?.throwIfAborted();
    await yieldToEventLoop();

    let rows: Promotion[];
    for (let attempt = 1; ; attempt++) {
      signal?.throwIfAborted();
      try {
        rows = await loadChunk(startStore, endStore, normalized, signal);
        checkRows(rows, (endStore - startStore + 1) * PROMOTIONS_PER_STORE);
        break;
      } catch (error) {
        // A loader that stopped because of our signal did not fail: report the abort, not a chunk error.
        signal?.throwIfAborted();
        if (attempt > retries) {
          throw new ChunkLoadError(
            { chunk: index + 1, totalChunks, startStore, endStore, attempts: attempt, partial: promotions },
            error,
          );
        }
        // Doubling can pass the timer maximum, where setTimeout would fire at once: wait the maximum instead.
        const delayMs = Math.min(retryDelayMs * 2 ** (attempt - 1), MAX_TIMER_MS);
        onRetry?.({ chunk: index + 1, startStore, endStore, attempt, delayMs, error });
        retried++;
        await abortableDelay(delayMs, signal);
      }
    }
    // A loop, not push(...rows): spreading a chunk of 100,000 stores would overflow the call stack.
    for (let i = 0; i < rows.length; i++) promotions.push(rows[i] as Promotion);

    if (onProgress) {
      const elapsedMs = performance.now() - started;
      const storesDone = endStore;
      onProgress({
        chunk: index + 1,
        totalChunks,
        loaded: promotions.length,
        total,
        elapsedMs: roundMs(elapsedMs),
        etaMs: Math.round((elapsedMs / storesDone) * (stores - storesDone)),
      });
    }
  }
  return { promotions, chunks: totalChunks, retried, elapsedMs: roundMs(performance.now() - started) };
}

/**
 * A loader that returns too few or too many rows would lose or duplicate rows: treat it as a failed attempt. These
 * errors are retried like any loader failure and reach the caller only as a `ChunkLoadError`'s `cause`.
 */
function checkRows(rows: unknown, expected: number): asserts rows is Promotion[] {
  if (!Array.isArray(rows)) {
    throw new TypeError(`loadChunk must return an array of promotions; received ${typeof rows}`);
  }
  if (rows.length !== expected) {
    throw new RangeError(`loadChunk returned ${rows.length} promotions; expected ${expected}`);
  }
}
