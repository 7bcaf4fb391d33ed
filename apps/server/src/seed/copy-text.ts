import { PROMOTION_FIELDS, type Promotion, type Store } from '@promoscale/generator';
import { fieldKind, PROMOTION_COLUMNS, searchText } from '../source/promotion-columns.js';

/** Columns of a promotions COPY, in the order {@link promotionCopyLine} writes them. */
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

/** A number in COPY's text format: JavaScript's shortest round-trip form, which `float8in` reads back exactly. */
function copyNumber(value: number): string {
  if (!Number.isFinite(value)) throw new RangeError(`Cannot store the non-finite number ${value}`);
  return String(value);
}

const KINDS = PROMOTION_FIELDS.map((field) => fieldKind(field));

/** One promotion as a line of COPY text (without the `\n`): its store number, its position in the store, its fields. */
export function promotionCopyLine(promotion: Promotion, storeNumber: number, position: number): string {
  // One array joined once: concatenating field by field left ropes of 38 pieces per row for the collector.
  const parts: string[] = new Array(PROMOTION_FIELDS.length + 3);
  parts[0] = String(storeNumber);
  parts[1] = String(position);
  const record = promotion as unknown as Record<string, unknown>;
  for (let i = 0; i < PROMOTION_FIELDS.length; i++) {
    const value = record[PROMOTION_FIELDS[i] as string];
    const kind = KINDS[i];
    parts[i + 2] =
      kind === 'number'
        ? copyNumber(value as number)
        : kind === 'boolean'
          ? value
            ? 't'
            : 'f'
          : copyText(value as string);
  }
  parts[PROMOTION_FIELDS.length + 2] = copyText(searchText(promotion));
  return parts.join('\t');
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
