import { describe, expect, it } from 'vitest';
import { processBatch } from '../process-batch.js';
import type { Promotion } from '../types.js';
import {
  parsePromotionsCsv,
  promotionCsvHeader,
  promotionToCsvLine,
  promotionToNdjsonLine,
} from './promotion-csv.js';
import {
  PROMOTION_BOOLEAN_FIELDS,
  PROMOTION_DATE_FIELDS,
  PROMOTION_FIELDS,
  PROMOTION_NUMBER_FIELDS,
  PROMOTION_STRING_FIELDS,
  promotionFieldKind,
} from './promotion-fields.js';

const rows = processBatch(1, 20, 'MIXED', { seed: 'csv' }).promotions;

describe('promotion CSV and NDJSON', () => {
  it('lists the 34 fields in the key order of generated rows', () => {
    expect(PROMOTION_FIELDS).toHaveLength(34);
    expect(Object.keys(rows[0] as Promotion)).toEqual([...PROMOTION_FIELDS]);
  });

  it('returns field groups by kind that split the 34 fields in canonical order and match generated values', () => {
    const groups = {
      string: PROMOTION_STRING_FIELDS,
      number: PROMOTION_NUMBER_FIELDS,
      boolean: PROMOTION_BOOLEAN_FIELDS,
    };
    expect([
      PROMOTION_STRING_FIELDS.length,
      PROMOTION_NUMBER_FIELDS.length,
      PROMOTION_BOOLEAN_FIELDS.length,
    ]).toEqual([14, 18, 2]);
    for (const [kind, fields] of Object.entries(groups)) {
      expect([...fields]).toEqual(PROMOTION_FIELDS.filter((field) => promotionFieldKind(field) === kind));
      for (const row of rows) for (const field of fields) expect(typeof row[field]).toBe(kind);
    }
    expect([...PROMOTION_DATE_FIELDS]).toEqual(['startDate', 'endDate']);
    for (const field of PROMOTION_DATE_FIELDS) expect(PROMOTION_STRING_FIELDS).toContain(field);
  });

  it('writes each number as String(number) does', () => {
    const odd = {
      ...(rows[1] as Promotion),
      revenue: -0.001,
      roi: 1.005,
      liftPct: 1e21,
      grossMargin: Number.NaN,
    };
    for (const row of [...rows.slice(0, 60), odd]) {
      const reference = PROMOTION_FIELDS.map((field) => {
        const value = row[field];
        return typeof value === 'string' && /[",\r\n]/.test(value)
          ? `"${value.replace(/"/g, '""')}"`
          : String(value);
      }).join(',');
      expect(promotionToCsvLine(row)).toBe(reference);
    }
  });

  it('parses written CSV back to rows deep-equal to the originals', () => {
    const csv = `${[promotionCsvHeader(), ...rows.map(promotionToCsvLine)].join('\n')}\n`;
    expect(parsePromotionsCsv(csv)).toEqual(rows);
  });

  it('quotes cells holding commas, quotes and line breaks, and reads them back', () => {
    const tricky = {
      ...(rows[0] as Promotion),
      productName: 'Chips, "Sea Salt"\nFamily size',
      mechanic: '2 for $5',
    };
    const line = promotionToCsvLine(tricky);
    expect(line).toContain('"Chips, ""Sea Salt""\nFamily size"');
    expect(parsePromotionsCsv(`${promotionCsvHeader()}\r\n${line}\r\n`)).toEqual([tricky]);
  });

  it('writes NDJSON lines that parse back to the same row', () => {
    for (const row of rows.slice(0, 30)) expect(JSON.parse(promotionToNdjsonLine(row))).toEqual(row);
  });

  it('returns no rows for empty input', () => {
    expect(parsePromotionsCsv('')).toEqual([]);
  });
});
