import { type DatasetSpec, normalizeSpec, type Promotion, processBatch } from '@promoscale/generator';

/** The result of {@link loadSingleBatch}. */
export interface SingleBatchResult {
  /** Every promotion of the dataset, store by store. */
  promotions: Promotion[];
  /** `STORE_001` … in order. */
  storeIds: string[];
  /** Wall-clock time of the call. */
  elapsedMs: number;
}

/**
 * The SINGLE_BATCH strategy: the whole dataset in one synchronous `processBatch` call. Fine up to a few hundred
 * stores; it blocks the thread for the whole generation, so larger datasets want {@link loadChunked},
 * {@link streamPromotions} or a worker. Throws `PromoscaleError` for an invalid spec.
 *
 * @example
 * const { promotions } = loadSingleBatch({ stores: 10, templates: 'SUBURBAN_FAMILY', seed: 42 });
 * promotions.length; // 300
 */
export function loadSingleBatch(spec: DatasetSpec): SingleBatchResult {
  const started = performance.now();
  const { seed, stores, templates, asOf } = normalizeSpec(spec);
  const { promotions, storeIds } = processBatch(1, stores, templates, { seed, asOf });
  return { promotions, storeIds, elapsedMs: roundMs(performance.now() - started) };
}

/** Milliseconds rounded to the microsecond, as the generator reports them. */
export function roundMs(ms: number): number {
  return Math.round(ms * 1000) / 1000;
}
