import type { Promotion } from '../types.js';
import { numberText } from './number-text.js';

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

/** Whether a Promotion field holds a string, a number or a boolean. */
export function promotionFieldKind(field: PromotionField): FieldKind {
  return BOOLEAN_FIELDS.has(field) ? 'boolean' : STRING_FIELDS.has(field) ? 'string' : 'number';
}

const NEEDS_QUOTES = /[",\r\n]/;

function csvCell(value: string | number | boolean): string {
  if (typeof value === 'number') return numberText(value);
  if (typeof value !== 'string') return String(value);
  return NEEDS_QUOTES.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** The CSV header line (RFC 4180, no line break). */
export function promotionCsvHeader(): string {
  return PROMOTION_FIELDS.join(',');
}

/**
 * One promotion as an RFC 4180 CSV line (no line break): fields in {@link PROMOTION_FIELDS} order, strings quoted
 * only when they hold a comma, a quote or a line break.
 *
 * @example
 * const csv = [promotionCsvHeader(), ...rows.map(promotionToCsvLine)].join('\n') + '\n';
 */
export function promotionToCsvLine(promotion: Promotion): string {
  let line = '';
  for (let i = 0; i < PROMOTION_FIELDS.length; i++) {
    if (i > 0) line += ',';
    line += csvCell(promotion[PROMOTION_FIELDS[i] as PromotionField]);
  }
  return line;
}

/** `{"id":`, `,"storeId":`, …: each field's JSON key with what comes before it. */
const JSON_KEYS = PROMOTION_FIELDS.map((field, i) => `${i === 0 ? '{' : ','}${JSON.stringify(field)}:`);
const JSON_KINDS: readonly FieldKind[] = PROMOTION_FIELDS.map(promotionFieldKind);
/** A string JSON.stringify would escape: a quote, a backslash, a control character or a lone surrogate. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: these are exactly the characters JSON escapes.
const NEEDS_ESCAPE = /["\\\u0000-\u001f\ud800-\udfff]/;

/**
 * One promotion as an NDJSON line (no line break): exactly `JSON.stringify(promotion)`, so `JSON.parse` of it
 * deep-equals the promotion. A plain row of the 34 fields in order, of their kinds, numbers finite, is written
 * field by field (≈ 1.7× faster: numbers via {@link numberText}); anything else (extra or reordered keys, another
 * prototype, a changed type) goes to `JSON.stringify`.
 */
export function promotionToNdjsonLine(promotion: Promotion): string {
  return fastJsonLine(promotion) ?? JSON.stringify(promotion);
}

/** The field-by-field writer of {@link promotionToNdjsonLine}: `undefined` when the row is not a plain one. */
export function fastJsonLine(promotion: Promotion): string | undefined {
  if (Object.getPrototypeOf(promotion) !== Object.prototype) return undefined;
  let line = '';
  let i = 0;
  // for-in visits own enumerable string keys in JSON.stringify's order (no inherited ones on a plain object
  // unless Object.prototype was given enumerable keys, and then the names differ and this gives up).
  for (const key in promotion) {
    if (key !== PROMOTION_FIELDS[i]) return undefined;
    const value = (promotion as unknown as Record<string, unknown>)[key];
    const kind = JSON_KINDS[i];
    if (typeof value !== kind) return undefined;
    if (kind === 'number') {
      if (!Number.isFinite(value)) return undefined;
      line += JSON_KEYS[i] + numberText(value as number);
    } else if (kind === 'string') {
      const text = value as string;
      line += JSON_KEYS[i] + (NEEDS_ESCAPE.test(text) ? JSON.stringify(text) : `"${text}"`);
    } else {
      line += `${JSON_KEYS[i] as string}${value as boolean}`;
    }
    i++;
  }
  return i === PROMOTION_FIELDS.length ? `${line}}` : undefined;
}

/**
 * Parses CSV written by {@link promotionToCsvLine} (with its header) back into promotions, typed by field: the
 * result deep-equals the rows that were written.
 *
 * @example
 * parsePromotionsCsv(csvText).length; // rows written
 */
export function parsePromotionsCsv(text: string): Promotion[] {
  const records = parseCsvRecords(text);
  const header = records.shift();
  if (!header) return [];
  const kinds = header.map((name) => promotionFieldKind(name as PromotionField));
  return records.map((cells) => {
    const row: Record<string, string | number | boolean> = {};
    header.forEach((name, i) => {
      const cell = cells[i] ?? '';
      const kind = kinds[i];
      row[name] = kind === 'number' ? Number(cell) : kind === 'boolean' ? cell === 'true' : cell;
    });
    return row as unknown as Promotion;
  });
}

function parseCsvRecords(text: string): string[][] {
  const records: string[][] = [];
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          cell += '"';
          i++;
        } else {
          quoted = false;
        }
      } else {
        cell += c;
      }
    } else if (c === '"') {
      quoted = true;
    } else if (c === ',') {
      cells.push(cell);
      cell = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      cells.push(cell);
      records.push(cells);
      cells = [];
      cell = '';
    } else {
      cell += c;
    }
  }
  if (cell !== '' || cells.length > 0) {
    cells.push(cell);
    records.push(cells);
  }
  return records;
}
