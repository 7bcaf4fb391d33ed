import type { Store } from '@promoscale/generator';
import { PROMOTION_COLUMNS } from '../source/promotion-columns.js';

/** Columns of a promotions COPY, in the order `PromotionCopyWriter` writes them. */
export const PROMOTION_COPY_COLUMNS: readonly string[] = [
  'store_number',
  'position',
  ...PROMOTION_COLUMNS,
  'search',
];

/** Columns of a stores COPY, in the order {@link storeCopyLine} writes them. */
export const STORE_COPY_COLUMNS: readonly string[] = [
  'store_number',
  'store_id',
  'name',
  'template',
  'region',
  'city',
  'opened_year',
  'sqft',
  'weekly_traffic',
];

const SPECIAL = /[\\\t\n\r]/;
const ESCAPES: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };

/** A text value in COPY's text format: backslash, tab, newline and carriage return escaped. */
export function copyText(value: string): string {
  return SPECIAL.test(value) ? value.replace(/[\\\t\n\r]/g, (c) => ESCAPES[c] as string) : value;
}

/** One store as a line of COPY text (without the `\n`). */
export function storeCopyLine(store: Store): string {
  return [
    store.storeNumber,
    copyText(store.storeId),
    copyText(store.name),
    store.template,
    store.region,
    copyText(store.city),
    store.openedYear,
    store.sqft,
    store.weeklyTraffic,
  ].join('\t');
}
