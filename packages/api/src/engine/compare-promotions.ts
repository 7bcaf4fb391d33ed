import type { SortKey } from '../query/param-schemas.js';
import type { Promotion } from '../schemas/promotion-schema.js';

/** A canonical string for sort keys: `-roi,storeId`. */
export function sortKeyString(sort: readonly SortKey[]): string {
  return sort.map((key) => (key.direction === 'desc' ? `-${key.field}` : key.field)).join(',');
}

/**
 * A comparator for the sort keys of a query, ties broken by `id` ascending. Strings compare by UTF-16 code
 * unit (SQL: `COLLATE "C"`), numbers numerically (`-0` equals `0`), booleans `false` before `true`.
 *
 * @example
 * rows.sort(createPromotionComparator([{ field: 'roi', direction: 'desc' }]));
 */
export function createPromotionComparator(sort: readonly SortKey[]): (a: Promotion, b: Promotion) => number {
  const keys = sort.map((key) => ({ field: key.field, sign: key.direction === 'desc' ? -1 : 1 }));
  return (a, b) => {
    for (const { field, sign } of keys) {
      const x = a[field];
      const y = b[field];
      if (x !== y) return x < y ? -sign : sign;
    }
    return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
  };
}
