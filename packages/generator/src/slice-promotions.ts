import { specContext } from './dataset-spec.js';
import { assertInteger, MAX_STORES } from './errors.js';
import type { DatasetSpec, Promotion } from './types.js';
import { appendStorePromotions, PROMOTIONS_PER_STORE } from './variance/promotion-engine.js';

/**
 * Random access into a dataset in its natural order (store by store, SKU order within a store): returns
 * promotions `offset .. offset + limit - 1`, generating only the stores that hold them.
 *
 * @example
 * // The first rows of store 40,000, without generating stores 1..39,999:
 * slicePromotions({ seed: 42, stores: 50_000 }, 39_999 * 30, 30);
 */
export function slicePromotions(spec: DatasetSpec, offset: number, limit: number): Promotion[] {
  assertInteger(spec?.stores, 'spec.stores', 'INVALID_STORE_COUNT', 1, MAX_STORES);
  const total = spec.stores * PROMOTIONS_PER_STORE;
  assertInteger(offset, 'offset', 'INVALID_OFFSET', 0);
  assertInteger(limit, 'limit', 'INVALID_LIMIT', 0);
  const ctx = specContext(spec);
  const end = Math.min(total, offset + limit);
  if (offset >= end) return [];
  const firstStore = Math.floor(offset / PROMOTIONS_PER_STORE) + 1;
  const lastStore = Math.floor((end - 1) / PROMOTIONS_PER_STORE) + 1;
  const rows: Promotion[] = [];
  for (let s = firstStore; s <= lastStore; s++) appendStorePromotions(ctx, s, rows);
  const skip = offset - (firstStore - 1) * PROMOTIONS_PER_STORE;
  return rows.slice(skip, skip + (end - offset));
}
