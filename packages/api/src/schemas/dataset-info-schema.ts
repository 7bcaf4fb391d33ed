import { z } from 'zod';
import { IsoDateSchema, TemplateNameSchema } from './enum-schemas.js';

/** A DatasetSpec with its defaults filled in, as served by `GET /api/dataset`. */
export const DatasetSpecSchema = z.object({
  seed: z.union([z.number().int(), z.string().min(1).max(256)]),
  stores: z.number().int().min(1),
  templates: z.union([
    TemplateNameSchema,
    z.literal('MIXED'),
    z.partialRecord(TemplateNameSchema, z.number().finite().min(0)),
  ]),
  asOf: IsoDateSchema,
});

/** A DatasetSpec with its defaults filled in. */
export type ServedDatasetSpec = z.infer<typeof DatasetSpecSchema>;

/**
 * The body of `GET /api/dataset`: the spec served, its counts and the contract version.
 *
 * @example
 * const { spec, promotionCount, version } = DatasetInfoSchema.parse(await (await fetch('/api/dataset')).json());
 */
export const DatasetInfoSchema = z.object({
  version: z.string(),
  spec: DatasetSpecSchema,
  storeCount: z.number().int().min(0),
  promotionCount: z.number().int().min(0),
});

/** The body of `GET /api/dataset`. */
export type DatasetInfo = z.infer<typeof DatasetInfoSchema>;
