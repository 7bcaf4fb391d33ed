import { REGIONS, type Region, TEMPLATE_NAMES, type TemplateName } from '@promoscale/generator';
import { z } from 'zod';
import { listParam, oneOf } from './param-schemas.js';
import { pagingShape } from './promotions-query-schema.js';

/** The query of `GET /api/stores`: paging and the `template` / `region` list filters. Stores come in number order. */
export const StoresQuerySchema = z.strictObject({
  ...pagingShape,
  template: listParam('template', oneOf(TEMPLATE_NAMES)).optional(),
  region: listParam('region', oneOf(REGIONS)).optional(),
});

/** A parsed stores query (the output of `StoresQuerySchema`, held equal to it by `query-types.test-d.ts`). */
export interface StoresQuery {
  offset: number;
  limit: number;
  template?: TemplateName[] | undefined;
  region?: Region[] | undefined;
}
