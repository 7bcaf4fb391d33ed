import {
  PROMOTION_BOOLEAN_FIELDS,
  PROMOTION_DATE_FIELDS,
  PROMOTION_FIELDS,
  PROMOTION_NUMBER_FIELDS,
  PROMOTION_STRING_FIELDS,
  type PromotionField,
} from '@promoscale/generator';

/** Fields filtered by `<field>=a,b` (equality or any-of): the enumerated and id fields. */
export const LIST_FILTER_FIELDS = [
  'template',
  'region',
  'category',
  'promoType',
  'status',
  'storeId',
  'sku',
  'brand',
] as const satisfies readonly PromotionField[];

/** A field filtered by `<field>=a,b`. */
export type ListFilterField = (typeof LIST_FILTER_FIELDS)[number];

/** Boolean fields filtered by `<field>=true|false` (an extension of DOMAIN.md: analysts filter on them). */
export const BOOLEAN_FILTER_FIELDS = PROMOTION_BOOLEAN_FIELDS;

/** A field filtered by `<field>=true|false`. */
export type BooleanFilterField = (typeof BOOLEAN_FILTER_FIELDS)[number];

/** Numeric fields: each takes `<field>_gte` and `<field>_lte`. */
export const NUMERIC_FIELDS = PROMOTION_NUMBER_FIELDS;

/** A numeric Promotion field. */
export type NumericField = (typeof NUMERIC_FIELDS)[number];

/** Date fields (`YYYY-MM-DD`): each takes `<field>_gte` and `<field>_lte`, compared as dates. */
export const DATE_FIELDS = PROMOTION_DATE_FIELDS;

/** A date Promotion field. */
export type DateField = (typeof DATE_FIELDS)[number];

/** Fields that take `_gte` / `_lte` ranges: every numeric and date field. */
export const RANGE_FIELDS = [...NUMERIC_FIELDS, ...DATE_FIELDS] as const;

/** A field that takes a range. */
export type RangeField = NumericField | DateField;

/** Fields `q` searches (case-insensitive substring). */
export const SEARCH_FIELDS = [
  'productName',
  'brand',
  'storeName',
  'sku',
] as const satisfies readonly PromotionField[];

/** Sortable fields: every scalar Promotion field (all 34). */
export const SORT_FIELDS: readonly PromotionField[] = PROMOTION_FIELDS;

/** A sortable field. */
export type SortField = PromotionField;

/**
 * A field a summary groups by. Written out for the main entry (which does not export the list below);
 * `query-types.test-d.ts` holds it equal to `SUMMARY_GROUP_BY_FIELDS`.
 */
export type SummaryGroupBy = 'category' | 'template' | 'region' | 'promoType' | 'status';

/** Fields `GET /api/summary?groupBy=` accepts. */
export const SUMMARY_GROUP_BY_FIELDS = [
  'category',
  'template',
  'region',
  'promoType',
  'status',
] as const satisfies readonly SummaryGroupBy[];

/** Fields compared as strings when sorting (code-unit order, like SQL `COLLATE "C"`). */
export const STRING_FIELDS = PROMOTION_STRING_FIELDS;

/** A string Promotion field. */
export type StringField = (typeof STRING_FIELDS)[number];
