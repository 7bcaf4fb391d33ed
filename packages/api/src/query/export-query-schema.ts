import { z } from 'zod';
import { enumParam, type SortKey, sortParam } from './param-schemas.js';
import { type PromotionFilters, promotionFilterShape } from './promotion-filters-schema.js';

/** The formats of `GET /api/promotions/export`. */
export const EXPORT_FORMATS = ['ndjson', 'csv'] as const;

/** An export format. */
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/**
 * The query of `GET /api/promotions/export`: `format` (`ndjson` by default, or `csv`), optional `sort` and the
 * promotion filters. No paging: the whole filtered set is streamed.
 */
export const ExportQuerySchema = z.strictObject({
  format: enumParam('format', EXPORT_FORMATS).default('ndjson'),
  sort: sortParam('sort').default(() => []),
  ...promotionFilterShape,
});

/** A parsed export query (the output of `ExportQuerySchema`, held equal to it by `query-types.test-d.ts`). */
export type ExportQuery = PromotionFilters & { format: ExportFormat; sort: SortKey[] };
