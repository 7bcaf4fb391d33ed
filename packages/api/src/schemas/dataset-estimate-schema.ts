import type { DatasetSizeEstimate } from '@promoscale/scaling';
import { z } from 'zod';

/** The scaling phases, in store-count order (DOMAIN.md section 5). */
export const SCALING_APPROACH_VALUES = [
  'SINGLE_BATCH',
  'CHUNKED_PROCESSING',
  'STREAMING_ITERATOR',
  'DATABASE_BACKEND',
] as const;

/** Risk levels of loading a dataset at once. */
export const RISK_LEVEL_VALUES = ['LOW', 'MEDIUM', 'HIGH', 'CRITICAL'] as const;

/**
 * The body of `GET /api/scaling/estimate?stores=N`: `@promoscale/scaling`'s `estimateDatasetSize(N)`, the seed
 * POC's table row (snake_case names kept from it; MB = 1,048,576 bytes).
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
  risk_level: z.enum(RISK_LEVEL_VALUES),
  approach: z.enum(SCALING_APPROACH_VALUES),
});

/** The body of `GET /api/scaling/estimate`. */
export type DatasetEstimate = z.infer<typeof DatasetEstimateSchema>;

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const schemaMatchesScaling: Same<DatasetEstimate, DatasetSizeEstimate> = true;
void schemaMatchesScaling;
