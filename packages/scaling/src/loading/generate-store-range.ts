import { type NormalizedDatasetSpec, type Promotion, processBatch } from '@promoscale/generator';
import { assertObject } from '@promoscale/generator/internal';

/**
 * The promotions of stores `startStore..endStore` (inclusive) of a normalized spec: one `processBatch` call. The
 * default chunk loader of {@link loadChunked}; any range of any spec can be generated without the stores before it.
 *
 * @example
 * const spec = normalizeSpec({ stores: 50, templates: 'MIXED', seed: 7 });
 * generateStoreRange(11, 20, spec).length; // 300
 */
export function generateStoreRange(
  startStore: number,
  endStore: number,
  spec: NormalizedDatasetSpec,
): Promotion[] {
  assertObject(spec, 'spec', 'a normalized DatasetSpec (from normalizeSpec)');
  return processBatch(startStore, endStore, spec.templates, { seed: spec.seed, asOf: spec.asOf }).promotions;
}
