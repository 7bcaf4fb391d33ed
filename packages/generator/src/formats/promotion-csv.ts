import { PromoscaleError } from '../errors.js';
import type { Promotion } from '../types.js';
import { numberText } from './number-text.js';
import {
  PROMOTION_FIELD_SET,
  PROMOTION_FIELDS,
  type PromotionField,
  promotionFieldKind,
} from './promotion-fields.js';

function assertPromotionObject(promotion: unknown): void {
  if (typeof promotion !== 'object' || promotion === null || Array.isArray(promotion)) {
    throw new PromoscaleError('INVALID_OPTION', 'promotion', promotion, 'a promotion object');
  }
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
  assertPromotionObject(promotion);
  const cells = new Array<string>(PROMOTION_FIELDS.length);
  for (let i = 0; i < PROMOTION_FIELDS.length; i++) {
    cells[i] = csvCell(promotion[PROMOTION_FIELDS[i] as PromotionField]);
  }
  // join makes one flat string. `+=` would make a rope of 67 pieces that whoever encodes the line must flatten,
  // and that the collector copies meanwhile: the CLI wrote CSV ~1.9x slower that way.
  return cells.join(',');
}

/**
 * One promotion as an NDJSON line (no line break): `JSON.stringify(promotion)`, so `JSON.parse` of it deep-equals
 * the promotion. (A field-by-field writer was measured and lost: V8's JSON.stringify makes one flat string, which
 * is what a writer that encodes the text next needs; see the bench's "Writers" lines.)
 */
export function promotionToNdjsonLine(promotion: Promotion): string {
  assertPromotionObject(promotion);
  return JSON.stringify(promotion);
}

/**
 * Parses CSV written by {@link promotionToCsvLine} (with its header) back into promotions, typed by field: the
 * result deep-equals the rows that were written.
 *
 * @example
 * parsePromotionsCsv(csvText).length; // rows written
 */
export function parsePromotionsCsv(text: string): Promotion[] {
  if (typeof text !== 'string') {
    throw new PromoscaleError('INVALID_OPTION', 'text', text, 'a string of CSV text');
  }
  const records = parseCsvRecords(text);
  const header = records.shift();
  if (!header) return [];
  const kinds = header.map((name, i) => {
    if (!PROMOTION_FIELD_SET.has(name)) {
      throw new PromoscaleError(
        'INVALID_OPTION',
        'text',
        name,
        'CSV whose header names only PROMOTION_FIELDS',
        `header column ${i + 1}`,
      );
    }
    return promotionFieldKind(name as PromotionField);
  });
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
