import {
  type DatasetSpec,
  generatePromotionBytes,
  MAX_STORES,
  normalizeSpec,
  PROMOTIONS_PER_STORE,
  type PromotionByteFormat,
} from '@promoscale/generator';
import { assertInteger, readSignal, yieldToEventLoop } from '@promoscale/generator/internal';

/**
 * A chunk of stores whose NDJSON or CSV lines are generated straight to bytes when `bytes` is called (the
 * generator's `generatePromotionBytes`: no promotion objects), for {@link writePromotions}.
 */
export interface GeneratedBytesChunk {
  index: number;
  startStore: number;
  endStore: number;
  /** Promotions in the chunk (30 a store). */
  promotionCount: number;
  progress: { storesDone: number; totalStores: number };
  /** The chunk's lines, written into the memory of `into` when given (see `PromotionBytesOptions.into`). */
  bytes(into?: Uint8Array): Uint8Array;
}

/**
 * The stores of `spec` in chunks of `chunkSize`, each chunk's lines generated only when its `bytes` is called,
 * after a turn of the event loop before each chunk (a signal handler can run) and stopped by `signal`: what
 * `promoscale generate` writes NDJSON and CSV from. The bytes equal those of `streamPromotions`' rows written by
 * `promotionsToNdjsonBytes` / `promotionsToCsvBytes`.
 */
export async function* generatedByteChunks(
  spec: DatasetSpec,
  format: PromotionByteFormat,
  chunkSize: number,
  signalArg?: AbortSignal,
): AsyncGenerator<GeneratedBytesChunk> {
  const { seed, stores, templates, asOf } = normalizeSpec(spec);
  assertInteger(chunkSize, 'chunkSize', 'INVALID_CHUNK_SIZE', 1, MAX_STORES);
  const signal = readSignal(signalArg, 'signal');
  for (let index = 0, startStore = 1; startStore <= stores; index++, startStore += chunkSize) {
    signal?.throwIfAborted();
    await yieldToEventLoop();
    signal?.throwIfAborted();
    const endStore = Math.min(stores, startStore + chunkSize - 1);
    const first = startStore;
    yield {
      index,
      startStore,
      endStore,
      promotionCount: (endStore - startStore + 1) * PROMOTIONS_PER_STORE,
      progress: { storesDone: endStore, totalStores: stores },
      bytes: (into) => generatePromotionBytes(first, endStore, templates, { seed, asOf, format, into }),
    };
  }
}
