import {
  type DatasetSpec,
  MAX_STORES,
  normalizeSpec,
  type StoreChunk,
  storeDataAsyncIterator,
} from '@promoscale/generator';
import { assertInteger, readOptions, readSignal } from '@promoscale/generator/internal';

/** Options of {@link streamPromotions}. */
export interface StreamPromotionsOptions {
  /** Stores a chunk. Never changes the rows. @default 10 */
  chunkSize?: number | undefined;
  /** Stops the stream: the next `next()` rejects with `signal.reason`. */
  signal?: AbortSignal | undefined;
}

/**
 * The STREAMING_ITERATOR strategy: an async iterator of chunks (`{ index, startStore, endStore, storeIds,
 * promotions, progress }`), each generated only when the consumer asks for it, so a slow consumer is never
 * flooded (pull-based back-pressure) and memory holds one chunk at a time whatever the store count. It yields to
 * the event loop before each chunk; `break` (or `return()`) stops it. The concatenated rows equal
 * {@link loadSingleBatch}'s. Throws `PromoscaleError` at once for an invalid spec or chunk size.
 *
 * @example
 * const controller = new AbortController();
 * for await (const chunk of streamPromotions({ stores: 50, templates: 'MIXED' }, { signal: controller.signal })) {
 *   grid.applyTransaction({ add: chunk.promotions });
 * }
 */
export function streamPromotions(
  spec: DatasetSpec,
  optionsArg?: StreamPromotionsOptions | null,
): AsyncIterableIterator<StoreChunk> {
  const { seed, stores, templates, asOf } = normalizeSpec(spec);
  const options = readOptions(optionsArg, 'options');
  const chunkSize = options.chunkSize ?? 10;
  assertInteger(chunkSize, 'options.chunkSize', 'INVALID_CHUNK_SIZE', 1, MAX_STORES);
  const signal = readSignal(options.signal, 'options.signal');
  return storeDataAsyncIterator(stores, chunkSize, templates, { seed, asOf, ...(signal && { signal }) });
}
