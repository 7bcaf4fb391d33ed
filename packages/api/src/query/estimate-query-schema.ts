import { MAX_STORES } from '@promoscale/generator';
import { z } from 'zod';
import { integerParam } from './param-schemas.js';

/** The query of `GET /api/scaling/estimate`: `stores`, required, an integer from 1 to 100,000. */
export const EstimateQuerySchema = z.strictObject({
  stores: integerParam('stores', 1, MAX_STORES),
});

/** A parsed estimate query. */
export type EstimateQuery = z.output<typeof EstimateQuerySchema>;
