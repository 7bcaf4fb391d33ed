import {
  PROMOTION_BOOLEAN_FIELDS,
  PROMOTION_DATE_FIELDS,
  PROMOTION_NUMBER_FIELDS,
} from '@promoscale/generator';
import type { PromotionFilters } from '../query/promotion-filters-schema.js';
import { LIST_FILTER_FIELDS, SEARCH_FIELDS } from '../query/promotion-query-fields.js';
import type { Promotion } from '../schemas/promotion-schema.js';

/** Every key of {@link PromotionFilters}, in a fixed order (used for cache keys). */
export const FILTER_KEYS: readonly (keyof PromotionFilters)[] = [
  'q',
  ...LIST_FILTER_FIELDS,
  ...PROMOTION_BOOLEAN_FIELDS,
  ...PROMOTION_NUMBER_FIELDS.flatMap((field) => [`${field}_gte`, `${field}_lte`] as const),
  ...PROMOTION_DATE_FIELDS.flatMap((field) => [`${field}_gte`, `${field}_lte`] as const),
];

/** Whether no filter is set (every row matches). */
export function isUnfiltered(filters: PromotionFilters): boolean {
  for (const key of FILTER_KEYS) if (filters[key] !== undefined) return false;
  return true;
}

/**
 * A canonical string for the filters of a query (any other keys ignored): equal for queries that select the same
 * rows whatever the order of their parameters or of the values in a list.
 */
export function filterKey(filters: PromotionFilters): string {
  let key = '';
  for (const name of FILTER_KEYS) {
    const value = filters[name];
    if (value === undefined) continue;
    key += `${name}=${Array.isArray(value) ? JSON.stringify([...value].sort()) : JSON.stringify(value)};`;
  }
  return key;
}

/**
 * A row-at-a-time test of the filters of a query: all filters hold (AND), a list filter matches any of its
 * values, ranges are inclusive (dates compared as `YYYY-MM-DD` strings), `q` is a case-insensitive substring of
 * `productName`, `brand`, `storeName` or `sku`. The column engine applies the same rules as masks
 * (`ColumnQuery`'s mask steps in column-query.ts, over the same field lists); filters-agree.test.ts holds the two
 * to the same rows for every filter.
 *
 * @example
 * const keep = createPromotionPredicate({ category: ['dairy'], roi_gte: 0 });
 * rows.filter(keep);
 */
export function createPromotionPredicate(filters: PromotionFilters): (promotion: Promotion) => boolean {
  const checks: ((promotion: Promotion) => boolean)[] = [];
  for (const field of LIST_FILTER_FIELDS) {
    const values = filters[field];
    if (values === undefined) continue;
    const allowed = new Set<string>(values);
    checks.push((promotion) => allowed.has(promotion[field]));
  }
  for (const field of PROMOTION_BOOLEAN_FIELDS) {
    const value = filters[field];
    if (value !== undefined) checks.push((promotion) => promotion[field] === value);
  }
  for (const field of PROMOTION_NUMBER_FIELDS) {
    const gte = filters[`${field}_gte`];
    const lte = filters[`${field}_lte`];
    if (gte !== undefined) checks.push((promotion) => promotion[field] >= gte);
    if (lte !== undefined) checks.push((promotion) => promotion[field] <= lte);
  }
  for (const field of PROMOTION_DATE_FIELDS) {
    const gte = filters[`${field}_gte`];
    const lte = filters[`${field}_lte`];
    if (gte !== undefined) checks.push((promotion) => promotion[field] >= gte);
    if (lte !== undefined) checks.push((promotion) => promotion[field] <= lte);
  }
  if (filters.q !== undefined) {
    const needle = filters.q.toLowerCase();
    checks.push((promotion) =>
      SEARCH_FIELDS.some((field) => promotion[field].toLowerCase().includes(needle)),
    );
  }
  if (checks.length === 0) return () => true;
  return (promotion) => {
    for (const check of checks) if (!check(promotion)) return false;
    return true;
  };
}
