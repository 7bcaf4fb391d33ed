import {
  type PROMOTION_BOOLEAN_FIELDS,
  PROMOTION_DATE_FIELDS,
  type PROMOTION_FIELDS,
  PROMOTION_NUMBER_FIELDS,
  type PROMOTION_STRING_FIELDS,
  type PromotionField,
} from '@promoscale/generator';

// Which fields take which filter: the list, search and summary fields are the contract's own; the boolean,
// numeric, date and string fields are the generator's lists (`PROMOTION_BOOLEAN_FIELDS`, `PROMOTION_NUMBER_FIELDS`,
// `PROMOTION_DATE_FIELDS`, `PROMOTION_STRING_FIELDS`; every field sorts: `PROMOTION_FIELDS`), one name each.

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

/** A field filtered by `<field>=true|false` (an extension of DOMAIN.md: analysts filter on them). */
export type BooleanFilterField = (typeof PROMOTION_BOOLEAN_FIELDS)[number];

/** A numeric Promotion field: each takes `<field>_gte` and `<field>_lte`. */
export type NumericField = (typeof PROMOTION_NUMBER_FIELDS)[number];

/** A date Promotion field (`YYYY-MM-DD`): each takes `<field>_gte` and `<field>_lte`, compared as dates. */
export type DateField = (typeof PROMOTION_DATE_FIELDS)[number];

/** Fields that take `_gte` / `_lte` ranges: every numeric and date field. */
export const RANGE_FIELDS = [...PROMOTION_NUMBER_FIELDS, ...PROMOTION_DATE_FIELDS] as const;

/** A field that takes a range. */
export type RangeField = NumericField | DateField;

/** Fields `q` searches (case-insensitive substring). */
export const SEARCH_FIELDS = [
  'productName',
  'brand',
  'storeName',
  'sku',
] as const satisfies readonly PromotionField[];

/** A sortable field: every scalar Promotion field (all 34, `PROMOTION_FIELDS`). */
export type SortField = (typeof PROMOTION_FIELDS)[number];

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

/** A string Promotion field, compared as strings when sorting (code-unit order, like SQL `COLLATE "C"`). */
export type StringField = (typeof PROMOTION_STRING_FIELDS)[number];
