import { z } from 'zod';
import { REGION_VALUES, TEMPLATE_NAME_VALUES } from '../schemas/enum-schemas.js';
import { listParam, oneOf } from './param-schemas.js';
import { pagingShape } from './promotions-query-schema.js';

/** The query of `GET /api/stores`: paging and the `template` / `region` list filters. Stores come in number order. */
export const StoresQuerySchema = z.strictObject({
  ...pagingShape,
  template: listParam('template', oneOf(TEMPLATE_NAME_VALUES)).optional(),
  region: listParam('region', oneOf(REGION_VALUES)).optional(),
});

/** A parsed stores query. */
export type StoresQuery = z.output<typeof StoresQuerySchema>;
