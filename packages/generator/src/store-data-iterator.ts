import { createContext } from './dataset-spec.js';
import { assertInteger, assertStoreNumber, MAX_STORES, PromoscaleError } from './errors.js';
import { readOptions, readSignal } from './options/read-options.js';
import type { GenerationOptions, Promotion, StoreTemplate, TemplateSelection } from './types.js';
import { appendStorePromotions } from './variance/promotion-engine.js';
import { yieldToEventLoop } from './yield-to-event-loop.js';

/** Options of {@link storeDataIterator}. */
export interface StoreDataIteratorOptions extends GenerationOptions {
  /** First store number; the iterator covers `startStore .. startStore + totalStores - 1`. @default 1 */
  startStore?: number | undefined;
}

/** Options of {@link storeDataAsyncIterator}. */
export interface StoreDataAsyncIteratorOptions extends StoreDataIteratorOptions {
  /** Stops the iteration: the next `next()` rejects with the signal's reason. */
  signal?: AbortSignal | undefined;
}

/** One chunk of stores. */
export interface StoreChunk {
  /** 0-based chunk number. */
  index: number;
  startStore: number;
  endStore: number;
  storeIds: string[];
  promotions: Promotion[];
  progress: { storesDone: number; totalStores: number };
}

interface Plan {
  generate(index: number): StoreChunk;
  totalChunks: number;
}

function plan(
  totalStores: number,
  chunkSizeArg: number | null | undefined,
  template: TemplateSelection | StoreTemplate | null | undefined,
  options: StoreDataIteratorOptions,
): Plan {
  assertInteger(totalStores, 'totalStores', 'INVALID_STORE_COUNT', 1, MAX_STORES);
  const chunkSize = chunkSizeArg ?? 10;
  assertInteger(chunkSize, 'chunkSize', 'INVALID_CHUNK_SIZE', 1, MAX_STORES);
  const first = options.startStore ?? 1;
  assertStoreNumber(first, 'options.startStore');
  const last = first + totalStores - 1;
  if (last > MAX_STORES) {
    throw new PromoscaleError(
      'INVALID_STORE_COUNT',
      'totalStores',
      totalStores,
      `an integer from 1 to ${MAX_STORES - first + 1} when options.startStore is ${first}`,
    );
  }
  const ctx = createContext(template ?? undefined, options);
  return {
    totalChunks: Math.ceil(totalStores / chunkSize),
    generate(index) {
      const startStore = first + index * chunkSize;
      const endStore = Math.min(last, startStore + chunkSize - 1);
      const promotions: Promotion[] = [];
      const storeIds: string[] = [];
      for (let s = startStore; s <= endStore; s++) {
        storeIds.push(appendStorePromotions(ctx, s, promotions).store.storeId);
      }
      return {
        index,
        startStore,
        endStore,
        storeIds,
        promotions,
        progress: { storesDone: endStore - first + 1, totalStores },
      };
    },
  };
}

/**
 * Iterates over `totalStores` stores in chunks of `chunkSize`, generating each chunk only when it is asked for:
 * memory stays constant whatever `totalStores` is. Arguments are validated on the call, not on the first `next()`.
 *
 * @param chunkSize stores a chunk, 1..100,000 (`undefined` or `null`: 10)
 * @param template as for `processBatch` (`undefined` or `null`: `'MIXED'`)
 *
 * @example
 * for (const chunk of storeDataIterator(50, 10, 'URBAN_PREMIUM')) {
 *   console.log(chunk.index, chunk.promotions.length, chunk.progress.storesDone);
 * }
 */
export function storeDataIterator(
  totalStores: number,
  chunkSize?: number | null,
  template?: TemplateSelection | StoreTemplate | null,
  options?: StoreDataIteratorOptions | null,
): IterableIterator<StoreChunk> {
  const { generate, totalChunks } = plan(totalStores, chunkSize, template, readOptions(options));
  let index = 0;
  const iterator: IterableIterator<StoreChunk> = {
    next() {
      if (index >= totalChunks) return { done: true, value: undefined };
      return { done: false, value: generate(index++) };
    },
    return(value?: unknown) {
      index = totalChunks;
      return { done: true, value: value as undefined };
    },
    [Symbol.iterator]() {
      return iterator;
    },
  };
  return iterator;
}

/**
 * The asynchronous variant of {@link storeDataIterator}: yields to the event loop before each chunk so a UI stays
 * responsive, and stops when `options.signal` aborts. A `signal` that is not an AbortSignal throws INVALID_OPTION
 * on the call.
 *
 * @example
 * const controller = new AbortController();
 * for await (const chunk of storeDataAsyncIterator(5_000, 50, 'MIXED', { signal: controller.signal })) {
 *   grid.applyTransaction({ add: chunk.promotions });
 * }
 */
export function storeDataAsyncIterator(
  totalStores: number,
  chunkSize?: number | null,
  template?: TemplateSelection | StoreTemplate | null,
  optionsArg?: StoreDataAsyncIteratorOptions | null,
): AsyncIterableIterator<StoreChunk> {
  const options = readOptions(optionsArg);
  const { generate, totalChunks } = plan(totalStores, chunkSize, template, options);
  const signal = readSignal(options.signal, 'options.signal');
  let index = 0;
  const iterator: AsyncIterableIterator<StoreChunk> = {
    async next() {
      if (index >= totalChunks) return { done: true, value: undefined };
      signal?.throwIfAborted();
      await yieldToEventLoop();
      signal?.throwIfAborted();
      return { done: false, value: generate(index++) };
    },
    async return(value?: unknown) {
      index = totalChunks;
      return { done: true, value: value as undefined };
    },
    [Symbol.asyncIterator]() {
      return iterator;
    },
  };
  return iterator;
}
