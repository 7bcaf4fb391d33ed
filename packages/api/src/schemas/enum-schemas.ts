import { CATEGORIES, PROMO_TYPES, PROMOTION_STATUSES, REGIONS, TEMPLATE_NAMES } from '@promoscale/generator';
import { z } from 'zod';

// The enumerations are the generator's lists (TEMPLATE_NAMES, REGIONS, CATEGORIES, PROMO_TYPES,
// PROMOTION_STATUSES), one name per list: import them from @promoscale/generator.

/** A store template name (the generator's `TEMPLATE_NAMES`). */
export const TemplateNameSchema = z.enum(TEMPLATE_NAMES);
/** A region (the generator's `REGIONS`). */
export const RegionSchema = z.enum(REGIONS);
/** A catalog category, in catalog order (the generator's `CATEGORIES`). */
export const CategorySchema = z.enum(CATEGORIES);
/** A promotion mechanic (the generator's `PROMO_TYPES`). */
export const PromoTypeSchema = z.enum(PROMO_TYPES);
/** A promotion status against the dataset's `asOf` (the generator's `PROMOTION_STATUSES`). */
export const PromotionStatusSchema = z.enum(PROMOTION_STATUSES);

/** `STORE_001` … `STORE_999`, `STORE_1000` …: the canonical store id pattern. */
export const STORE_ID_PATTERN = /^STORE_(00[1-9]|0[1-9]\d|[1-9]\d{2,5})$/;
/** `SKU0001` …: the SKU pattern. */
export const SKU_PATTERN = /^SKU\d{4}$/;
/** A `YYYY-MM-DD` date (shape only; see `isIsoDate` for calendar validity). */
export const ISO_DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

/** A canonical store id such as `STORE_007` or `STORE_40000`. */
export const StoreIdSchema = z.string().regex(STORE_ID_PATTERN, 'must be a store id such as STORE_001');
/** A real calendar date `YYYY-MM-DD`. */
export const IsoDateSchema = z.string().refine(isIsoDate, 'must be a real date YYYY-MM-DD');

/** Whether `value` is a real calendar date written `YYYY-MM-DD` (years 0000-9999, leap years honoured). */
export function isIsoDate(value: string): boolean {
  if (!ISO_DATE_PATTERN.test(value)) return false;
  const year = Number(value.slice(0, 4));
  const month = Number(value.slice(5, 7));
  const day = Number(value.slice(8, 10));
  if (month < 1 || month > 12 || day < 1) return false;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] as number;
  return day <= days;
}
