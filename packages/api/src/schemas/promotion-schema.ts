import type { Promotion as GeneratorPromotion } from '@promoscale/generator';
import { z } from 'zod';
import {
  CategorySchema,
  IsoDateSchema,
  PromoTypeSchema,
  PromotionStatusSchema,
  RegionSchema,
  StoreIdSchema,
  TemplateNameSchema,
} from './enum-schemas.js';

const money = z.number().finite();
const units = z.number().int();

/**
 * One promotion of one product in one store (DOMAIN.md section 3), keys in the canonical `PROMOTION_FIELDS`
 * order of the generator. Money in dollars, `…Pct` in percent, `roi` and `redemptionRate` as ratios. Unknown keys
 * are stripped when parsing; the cross-field invariants are checked by the generator's `validatePromotions`.
 *
 * @example
 * const promotion = PromotionSchema.parse(await (await fetch('/api/stores/STORE_001/promotions')).json().items[0]);
 */
export const PromotionSchema = z.object({
  id: z
    .string()
    .regex(/^PRM-STORE_\d{3,6}-SKU\d{4}$/, 'must be a promotion id such as PRM-STORE_001-SKU0042'),
  storeId: StoreIdSchema,
  storeName: z.string(),
  template: TemplateNameSchema,
  region: RegionSchema,
  sku: z.string(),
  productName: z.string(),
  brand: z.string(),
  category: CategorySchema,
  promoType: PromoTypeSchema,
  mechanic: z.string(),
  startDate: IsoDateSchema,
  endDate: IsoDateSchema,
  durationDays: z.union([z.literal(7), z.literal(14), z.literal(21), z.literal(28)]),
  status: PromotionStatusSchema,
  regularPrice: money,
  promoPrice: money,
  discountPct: z.number().finite(),
  unitCost: money,
  baselineUnits: units,
  promoUnits: units,
  liftPct: z.number().finite(),
  incrementalUnits: units,
  baselineRevenue: money,
  revenue: money,
  incrementalRevenue: money,
  grossMargin: money,
  marginPct: z.number().finite(),
  incrementalMargin: money,
  promoSpend: money,
  roi: z.number().finite(),
  displaySupport: z.boolean(),
  featureAd: z.boolean(),
  redemptionRate: z.number().finite(),
});

/**
 * A promotion as served by the API: the generator's `Promotion` (one type for one row; `schema-types.test-d.ts`
 * holds it equal to the output of `PromotionSchema`).
 */
export type Promotion = GeneratorPromotion;
