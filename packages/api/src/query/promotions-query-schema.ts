import { z } from 'zod';
import { integerParam, type SortKey, sortParam } from './param-schemas.js';
import { type PromotionFilters, promotionFilterShape } from './promotion-filters-schema.js';

/** Largest `limit`. */
export const MAX_LIMIT = 1000;
/** `limit` when none is given. */
export const DEFAULT_LIMIT = 100;

/** The paging parameters of a list route: `offset` >= 0 (default 0), `limit` 1..1000 (default 100). */
export const pagingShape = {
  offset: integerParam('offset', 0, Number.MAX_SAFE_INTEGER).default(0),
  limit: integerParam('limit', 1, MAX_LIMIT).default(DEFAULT_LIMIT),
};

/**
 * The query of `GET /api/promotions`: parses search parameters given as a record of strings (its input) into a
 * typed `PromotionsQuery` (its output, a type of the main entry), strictly. On a `URLSearchParams`, `createApiHandler` (or
 * `parsePromotionsQuery` of `@promoscale/api/engine`) applies it.
 *
 * @example
 * PromotionsQuerySchema.parse({ sort: '-roi,storeId', category: 'dairy,frozen', roi_gte: '0' });
 * // { offset: 0, limit: 100, sort: [{ field: 'roi', direction: 'desc' }, …], category: ['dairy', 'frozen'], roi_gte: 0 }
 */
export const PromotionsQuerySchema = z.strictObject({
  ...pagingShape,
  sort: sortParam('sort').default(() => []),
  ...promotionFilterShape,
});

/**
 * A parsed `GET /api/promotions` query: paging, sort keys (empty = dataset order) and filters. Written out (the
 * output of `PromotionsQuerySchema`, held equal to it by `query-types.test-d.ts`).
 */
export type PromotionsQuery = PromotionFilters & {
  /** Rows skipped, >= 0. */
  offset: number;
  /** Page size, 1..`MAX_LIMIT`. */
  limit: number;
  sort: SortKey[];
};
