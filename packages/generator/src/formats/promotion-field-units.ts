import type { PromotionField } from './promotion-fields.js';

/**
 * The unit of measure of a Promotion field (DOMAIN.md section 4), which decides how it is shown and filtered:
 * - `id`: an identifier (`id`, `storeId`, `sku`); `text`: free text (names, brand, mechanic);
 * - `enum`: one of a known set of values (template, region, category, promoType, status);
 * - `date`: an ISO date `YYYY-MM-DD`; `days`: a whole number of days;
 * - `money`: dollars rounded to cents; `count`: whole units;
 * - `percent`: a percentage number (`discountPct: 25` is 25 %);
 * - `ratio`: a ratio (`roi: -0.4` is -40 %); `boolean`: yes or no.
 */
export type PromotionFieldUnit =
  | 'id'
  | 'text'
  | 'enum'
  | 'date'
  | 'days'
  | 'money'
  | 'count'
  | 'percent'
  | 'ratio'
  | 'boolean';

/**
 * The unit of every Promotion field, in canonical field order: the one table that formatters, grid columns and
 * filters read, so no consumer keeps its own list of money or percentage fields.
 *
 * @example
 * PROMOTION_FIELD_UNITS.revenue; // 'money'
 * PROMOTION_FIELD_UNITS.roi; // 'ratio' (-0.4 means -40 %)
 * const moneyFields = PROMOTION_FIELDS.filter((field) => PROMOTION_FIELD_UNITS[field] === 'money');
 */
export const PROMOTION_FIELD_UNITS: Readonly<Record<PromotionField, PromotionFieldUnit>> = Object.freeze({
  id: 'id',
  storeId: 'id',
  storeName: 'text',
  template: 'enum',
  region: 'enum',
  sku: 'id',
  productName: 'text',
  brand: 'text',
  category: 'enum',
  promoType: 'enum',
  mechanic: 'text',
  startDate: 'date',
  endDate: 'date',
  durationDays: 'days',
  status: 'enum',
  regularPrice: 'money',
  promoPrice: 'money',
  discountPct: 'percent',
  unitCost: 'money',
  baselineUnits: 'count',
  promoUnits: 'count',
  liftPct: 'percent',
  incrementalUnits: 'count',
  baselineRevenue: 'money',
  revenue: 'money',
  incrementalRevenue: 'money',
  grossMargin: 'money',
  marginPct: 'percent',
  incrementalMargin: 'money',
  promoSpend: 'money',
  roi: 'ratio',
  displaySupport: 'boolean',
  featureAd: 'boolean',
  redemptionRate: 'ratio',
});
