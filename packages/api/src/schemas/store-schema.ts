import type { Store as GeneratorStore } from '@promoscale/generator';
import { z } from 'zod';
import { RegionSchema, StoreIdSchema, TemplateNameSchema } from './enum-schemas.js';

/**
 * A generated store (DOMAIN.md section 3).
 *
 * @example
 * const store = StoreSchema.parse(await (await fetch('/api/stores/STORE_001')).json());
 */
export const StoreSchema = z.object({
  storeId: StoreIdSchema,
  storeNumber: z.number().int().min(1),
  name: z.string(),
  template: TemplateNameSchema,
  region: RegionSchema,
  city: z.string(),
  openedYear: z.number().int(),
  sqft: z.number().int().min(0),
  weeklyTraffic: z.number().int(),
});

/**
 * A store as served by the API: the generator's `Store` without `readonly` (a parsed body is the caller's to
 * change). `schema-types.test-d.ts` holds it equal to the output of `StoreSchema`.
 */
export type Store = { -readonly [K in keyof GeneratorStore]: GeneratorStore[K] };
