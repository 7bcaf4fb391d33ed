import type { TemplateName } from '@promoscale/generator';
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

/** A DatasetSpec with its defaults filled in, as JSON. */
export interface ServedDatasetSpec {
  seed: number | string;
  stores: number;
  templates: TemplateName | 'MIXED' | Partial<Record<TemplateName, number>>;
  /** `YYYY-MM-DD`. */
  asOf: string;
}

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
export interface DatasetInfo {
  /** The contract version, `CONTRACT_VERSION`. */
  version: string;
  spec: ServedDatasetSpec;
  storeCount: number;
  promotionCount: number;
}
