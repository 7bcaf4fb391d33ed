import { z } from 'zod';
import { type Promotion, PromotionSchema } from './promotion-schema.js';

/**
 * The schema of one page of a list: `{ items, total, offset, limit }`. `total` counts every matching row,
 * `offset` and `limit` echo the effective paging (defaults filled in).
 *
 * @example
 * const page = PageSchema(PromotionSchema).parse(await response.json());
 */
export function PageSchema<T extends z.ZodType>(item: T) {
  return z.object({
    items: z.array(item),
    total: z.number().int().min(0),
    offset: z.number().int().min(0),
    limit: z.number().int().min(1),
  });
}

/** One page of a list. */
export interface Page<T> {
  items: T[];
  /** Rows matching the query, all pages together. */
  total: number;
  /** Rows skipped before `items[0]`. */
  offset: number;
  /** The page size asked for (`items.length` is smaller on the last page). */
  limit: number;
}

/** The body of `GET /api/stores/:storeId/promotions`: the store's 30 promotions in dataset order. */
export const StorePromotionsSchema = z.object({
  items: z.array(PromotionSchema),
  total: z.number().int().min(0),
});

/** The body of `GET /api/stores/:storeId/promotions`. */
export interface StorePromotions {
  items: Promotion[];
  total: number;
}
