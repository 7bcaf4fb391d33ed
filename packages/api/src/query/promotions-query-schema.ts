import { z } from 'zod';
import { integerParam, sortParam } from './param-schemas.js';
import { promotionFilterShape } from './promotion-filters-schema.js';

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
 * typed {@link PromotionsQuery} (its output), strictly. On a `URLSearchParams`, `createApiHandler` (or
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

/** A parsed `GET /api/promotions` query: paging, sort keys (empty = dataset order) and filters. */
export type PromotionsQuery = z.output<typeof PromotionsQuerySchema>;
