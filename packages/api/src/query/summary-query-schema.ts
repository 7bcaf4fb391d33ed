import { z } from 'zod';
import { enumParam } from './param-schemas.js';
import { promotionFilterShape } from './promotion-filters-schema.js';
import { SUMMARY_GROUP_BY_FIELDS } from './promotion-query-fields.js';

/**
 * The query of `GET /api/summary`: optional `groupBy` (`category`, `template`, `region`, `promoType` or
 * `status`; without it only the totals are computed) and the promotion filters.
 */
export const SummaryQuerySchema = z.strictObject({
  groupBy: enumParam('groupBy', SUMMARY_GROUP_BY_FIELDS).optional(),
  ...promotionFilterShape,
});

/** A parsed summary query. */
export type SummaryQuery = z.output<typeof SummaryQuerySchema>;
