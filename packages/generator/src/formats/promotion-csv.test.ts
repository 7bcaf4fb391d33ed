import { describe, expect, it } from 'vitest';
import { processBatch } from '../process-batch.js';
import type { Promotion } from '../types.js';
import {
  PROMOTION_FIELDS,
  parsePromotionsCsv,
  promotionCsvHeader,
  promotionToCsvLine,
  promotionToNdjsonLine,
} from './promotion-csv.js';

const rows = processBatch(1, 20, 'MIXED', { seed: 'csv' }).promotions;

describe('promotion CSV and NDJSON', () => {
  it('lists the 34 fields in the key order of generated rows', () => {
    expect(PROMOTION_FIELDS).toHaveLength(34);
    expect(Object.keys(rows[0] as Promotion)).toEqual([...PROMOTION_FIELDS]);
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
