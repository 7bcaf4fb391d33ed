import { type DatasetSizeEstimate, RISK_LEVELS, SCALING_APPROACHES } from '@promoscale/scaling';
import { z } from 'zod';

/**
 * The body of `GET /api/scaling/estimate?stores=N`: `@promoscale/scaling`'s `estimateDatasetSize(N)`, the seed
 * POC's table row (snake_case names kept from it; MB = 1,048,576 bytes). The risk levels and approaches are
 * scaling's `RISK_LEVELS` and `SCALING_APPROACHES` (no copy here).
 *
 * @example
 * const estimate = DatasetEstimateSchema.parse(await (await fetch('/api/scaling/estimate?stores=50')).json());
 * estimate.approach; // 'STREAMING_ITERATOR'
 */
export const DatasetEstimateSchema = z.object({
  store_count: z.number().int().min(1),
  promotions: z.number().int().min(0),
  base_size_mb: z.number().finite().min(0),
  json_size_mb: z.number().finite().min(0),
  memory_requirement_mb: z.number().finite().min(0),
  load_time_ms: z.number().finite().min(0),
  risk_level: z.enum(RISK_LEVELS),
  approach: z.enum(SCALING_APPROACHES),
});

/**
 * The body of `GET /api/scaling/estimate` (snake_case names kept from the seed POC's table row): scaling's
 * `DatasetSizeEstimate`, which `schema-types.test-d.ts` holds equal to the output of `DatasetEstimateSchema`.
 */
export type DatasetEstimate = DatasetSizeEstimate;
