import { REGIONS, TEMPLATE_NAMES } from '@promoscale/generator';
import { z } from 'zod';
import { listParam, oneOf } from './param-schemas.js';
import { pagingShape } from './promotions-query-schema.js';

/** The query of `GET /api/stores`: paging and the `template` / `region` list filters. Stores come in number order. */
export const StoresQuerySchema = z.strictObject({
  ...pagingShape,
  template: listParam('template', oneOf(TEMPLATE_NAMES)).optional(),
  region: listParam('region', oneOf(REGIONS)).optional(),
});

/** A parsed stores query. */
export type StoresQuery = z.output<typeof StoresQuerySchema>;
