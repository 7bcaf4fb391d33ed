import {
  CATEGORIES,
  type Category,
  PRODUCTS,
  PROMO_TYPES,
  PROMOTION_DATE_FIELDS,
  PROMOTION_NUMBER_FIELDS,
  PROMOTION_STATUSES,
  type PromoType,
  type PromotionStatus,
  REGIONS,
  type Region,
  TEMPLATE_NAMES,
  type TemplateName,
} from '@promoscale/generator';
import { z } from 'zod';
import { STORE_ID_PATTERN } from '../schemas/enum-schemas.js';
import { booleanParam, dateParam, listParam, numberParam, oneOf, searchParam } from './param-schemas.js';
import type { DateField, NumericField } from './promotion-query-fields.js';

const SKUS = [...new Set(PRODUCTS.map((product) => product.sku))];
const BRANDS = [...new Set(PRODUCTS.map((product) => product.brand))].sort();

type NumberParam = ReturnType<typeof numberParam>;
type DateParam = ReturnType<typeof dateParam>;

type RangeShape = {
  [K in NumericField as `${K}_gte` | `${K}_lte`]: z.ZodOptional<NumberParam>;
} & {
  [K in DateField as `${K}_gte` | `${K}_lte`]: z.ZodOptional<DateParam>;
};

function rangeShape(): RangeShape {
  const shape: Record<string, z.ZodType> = {};
  for (const field of PROMOTION_NUMBER_FIELDS) {
    shape[`${field}_gte`] = numberParam(`${field}_gte`).optional();
    shape[`${field}_lte`] = numberParam(`${field}_lte`).optional();
  }
  for (const field of PROMOTION_DATE_FIELDS) {
    shape[`${field}_gte`] = dateParam(`${field}_gte`).optional();
    shape[`${field}_lte`] = dateParam(`${field}_lte`).optional();
  }
  return shape as RangeShape;
}

/**
 * The filter parameters shared by `/api/promotions`, `/api/promotions/export` and `/api/summary`: `q`, the list
 * filters, `displaySupport` / `featureAd` and a `_gte` / `_lte` pair for every numeric and date field.
 */
export const promotionFilterShape = {
  q: searchParam('q').optional(),
  template: listParam('template', oneOf(TEMPLATE_NAMES)).optional(),
  region: listParam('region', oneOf(REGIONS)).optional(),
  category: listParam('category', oneOf(CATEGORIES)).optional(),
  promoType: listParam('promoType', oneOf(PROMO_TYPES)).optional(),
  status: listParam('status', oneOf(PROMOTION_STATUSES)).optional(),
  storeId: listParam('storeId', {
    accepts: (value: string): value is string => STORE_ID_PATTERN.test(value),
    describe: 'a store id such as STORE_001 or STORE_1234',
  }).optional(),
  sku: listParam('sku', oneOf(SKUS, 'a catalog SKU from SKU0001 to SKU0132')).optional(),
  brand: listParam('brand', oneOf(BRANDS, 'a catalog brand (exact, case-sensitive)')).optional(),
  displaySupport: booleanParam('displaySupport').optional(),
  featureAd: booleanParam('featureAd').optional(),
  ...rangeShape(),
};

/**
 * The filters of a promotions query, parsed from search parameters (a record of strings) into typed values:
 * `{ category: ['dairy'], roi_gte: 0, startDate_lte: '2026-06-30', q: 'milk' }`. Strict: unknown keys fail.
 */
export const PromotionFiltersSchema = z.strictObject(promotionFilterShape);

/**
 * The range filters: `<field>_gte` / `<field>_lte` for every numeric field (numbers) and date field
 * (`YYYY-MM-DD`), inclusive. The same in a parsed query and in a client's.
 */
export type RangeFilters = {
  [K in (typeof PROMOTION_NUMBER_FIELDS)[number] as `${K}_gte` | `${K}_lte`]?: number | undefined;
} & {
  [K in (typeof PROMOTION_DATE_FIELDS)[number] as `${K}_gte` | `${K}_lte`]?: string | undefined;
};

/**
 * Parsed promotion filters. All given filters must hold (AND); a list filter matches any of its values (OR);
 * ranges are inclusive; `q` is a case-insensitive substring of `productName`, `brand`, `storeName` or `sku`.
 * Written out so that the main entry need not export the schema; `query-types.test-d.ts` holds it equal to
 * the output of `PromotionFiltersSchema`.
 */
export type PromotionFilters = RangeFilters & {
  /** A search text, never empty (an empty `q` is no search). */
  q?: string | undefined;
  template?: TemplateName[] | undefined;
  region?: Region[] | undefined;
  category?: Category[] | undefined;
  promoType?: PromoType[] | undefined;
  status?: PromotionStatus[] | undefined;
  storeId?: string[] | undefined;
  sku?: string[] | undefined;
  brand?: string[] | undefined;
  displaySupport?: boolean | undefined;
  featureAd?: boolean | undefined;
};
