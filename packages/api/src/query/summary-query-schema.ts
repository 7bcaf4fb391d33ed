import { z } from 'zod';
import { enumParam } from './param-schemas.js';
import { type PromotionFilters, promotionFilterShape } from './promotion-filters-schema.js';
import { SUMMARY_GROUP_BY_FIELDS, type SummaryGroupBy } from './promotion-query-fields.js';

/**
 * The query of `GET /api/summary`: optional `groupBy` (`category`, `template`, `region`, `promoType` or
 * `status`; without it only the totals are computed) and the promotion filters.
 */
export const SummaryQuerySchema = z.strictObject({
  groupBy: enumParam('groupBy', SUMMARY_GROUP_BY_FIELDS).optional(),
  ...promotionFilterShape,
});

/** A parsed summary query (the output of `SummaryQuerySchema`, held equal to it by `query-types.test-d.ts`). */
export type SummaryQuery = PromotionFilters & { groupBy?: SummaryGroupBy | undefined };
