// The one home of the Promotion field lists (names, canonical order, kinds): the CSV writer, the validators, the
// api's query fields and the grid columns all read them from here.
import { PromoscaleError } from '../errors.js';
import type { Promotion } from '../types.js';

/** The Promotion fields whose values are of type `T`. */
type FieldOf<T> = { [K in keyof Promotion]: Promotion[K] extends T ? K : never }[keyof Promotion];

// The canonical order below is made of runs of one kind, so each field is named once and every group by kind
// is the concatenation of its runs, in canonical order.
const DESCRIPTION_FIELDS = [
  'id',
  'storeId',
  'storeName',
  'template',
  'region',
  'sku',
  'productName',
  'brand',
  'category',
  'promoType',
  'mechanic',
] as const satisfies readonly FieldOf<string>[];
const MEASURE_FIELDS = [
  'regularPrice',
  'promoPrice',
  'discountPct',
  'unitCost',
  'baselineUnits',
  'promoUnits',
  'liftPct',
  'incrementalUnits',
  'baselineRevenue',
  'revenue',
  'incrementalRevenue',
  'grossMargin',
  'marginPct',
  'incrementalMargin',
  'promoSpend',
  'roi',
] as const satisfies readonly FieldOf<number>[];

/** The Promotion fields holding an ISO date `YYYY-MM-DD` (a subset of {@link PROMOTION_STRING_FIELDS}). */
export const PROMOTION_DATE_FIELDS = ['startDate', 'endDate'] as const satisfies readonly FieldOf<string>[];

/** The Promotion fields holding a boolean, in canonical order. */
export const PROMOTION_BOOLEAN_FIELDS = [
  'displaySupport',
  'featureAd',
] as const satisfies readonly FieldOf<boolean>[];

/**
 * The 34 Promotion fields in their canonical order: CSV columns and JSON key order. `id` … `mechanic`,
 * `startDate`, `endDate`, `durationDays`, `status`, `regularPrice` … `roi`, `displaySupport`, `featureAd`,
 * `redemptionRate`.
 */
export const PROMOTION_FIELDS = [
  ...DESCRIPTION_FIELDS,
  ...PROMOTION_DATE_FIELDS,
  'durationDays',
  'status',
  ...MEASURE_FIELDS,
  ...PROMOTION_BOOLEAN_FIELDS,
  'redemptionRate',
] as const satisfies readonly (keyof Promotion)[];

/** A Promotion field name. */
export type PromotionField = (typeof PROMOTION_FIELDS)[number];

/** The 14 Promotion fields holding a string (ids, names, enumerations and dates), in canonical order. */
export const PROMOTION_STRING_FIELDS = [
  ...DESCRIPTION_FIELDS,
  ...PROMOTION_DATE_FIELDS,
  'status',
] as const satisfies readonly FieldOf<string>[];

/** The 18 Promotion fields holding a number (prices, units, money, percentages, ratios), in canonical order. */
export const PROMOTION_NUMBER_FIELDS = [
  'durationDays',
  ...MEASURE_FIELDS,
  'redemptionRate',
] as const satisfies readonly FieldOf<number>[];

type FieldKind = 'string' | 'number' | 'boolean';

const BOOLEAN_FIELDS = new Set<string>(PROMOTION_BOOLEAN_FIELDS);
const STRING_FIELDS = new Set<string>(PROMOTION_STRING_FIELDS);
/** Every Promotion field name, for membership tests. */
export const PROMOTION_FIELD_SET: ReadonlySet<string> = new Set<string>(PROMOTION_FIELDS);

/** Whether a Promotion field holds a string, a number or a boolean. */
export function promotionFieldKind(field: PromotionField): FieldKind {
  if (!PROMOTION_FIELD_SET.has(field)) {
    throw new PromoscaleError('INVALID_OPTION', 'field', field, 'one of the PROMOTION_FIELDS');
  }
  return BOOLEAN_FIELDS.has(field) ? 'boolean' : STRING_FIELDS.has(field) ? 'string' : 'number';
}
