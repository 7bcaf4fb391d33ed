import { PROMOTION_FIELDS, type Promotion, processBatch } from '@promoscale/generator';
import { describe, expect, it } from 'vitest';
import { searchText } from '../source/promotion-columns.js';
import { PromotionCopyWriter } from './copy-binary.js';
import { PROMOTION_COPY_COLUMNS } from './copy-text.js';

/** Reads binary COPY data back: each row's fields as raw bytes (null for NULL). */
function decode(data: Buffer): Buffer[][] {
  expect(data.subarray(0, 11).toString('latin1')).toBe('PGCOPY\n\xff\r\n\0');
  let at = 19;
  const rows: Buffer[][] = [];
  while (true) {
    const count = data.readInt16BE(at);
    at += 2;
    if (count === -1) break;
    const row: Buffer[] = [];
    for (let i = 0; i < count; i++) {
      const length = data.readInt32BE(at);
      row.push(data.subarray(at + 4, at + 4 + length));
      at += 4 + length;
    }
    rows.push(row);
  }
  expect(at).toBe(data.length);
  return rows;
}

describe('PromotionCopyWriter', () => {
  const promotions = processBatch(3, 4, 'URBAN_PREMIUM', { seed: 9 }).promotions;

  it('writes one field per column: store number, position, the fields exactly, the search text', () => {
    const writer = new PromotionCopyWriter(1);
    promotions.forEach((promotion, i) => {
      writer.add(promotion, 3, i);
    });
    const rows = decode(writer.finish());
    expect(rows).toHaveLength(promotions.length);
    rows.forEach((row, i) => {
      const promotion = promotions[i] as Promotion;
      const record = promotion as unknown as Record<string, unknown>;
      expect(row).toHaveLength(PROMOTION_COPY_COLUMNS.length);
      expect(row[0]?.readInt32BE(0)).toBe(3);
      expect(row[1]?.readInt16BE(0)).toBe(i);
      PROMOTION_FIELDS.forEach((field, f) => {
        const bytes = row[f + 2] as Buffer;
        const value = record[field];
        if (typeof value === 'number') expect(Object.is(bytes.readDoubleBE(0), value)).toBe(true);
        else if (typeof value === 'boolean') expect(bytes[0]).toBe(value ? 1 : 0);
        else expect(bytes.toString('utf8')).toBe(value);
      });
      expect(row.at(-1)?.toString('utf8')).toBe(
        [promotion.productName, promotion.brand, promotion.storeName, promotion.sku]
          .join('\u0001')
          .toLowerCase(),
      );
    });
  });

  it('grows its buffer for long and non-ASCII text, tabs and backslashes included', () => {
    const [first] = promotions;
    if (!first) throw new Error('no promotion generated');
    const name = `Crème brûlée \\ \t "quoted" ${'é'.repeat(5000)} 🍰`;
    const writer = new PromotionCopyWriter(1);
    writer.add({ ...first, productName: name }, 1, 0);
    const [row] = decode(writer.finish());
    expect(row?.[2 + PROMOTION_FIELDS.indexOf('productName')]?.toString('utf8')).toBe(name);
    expect(row?.at(-1)?.toString('utf8')).toBe(searchText({ ...first, productName: name }));
  });

  it('writes the search text exactly as searchText gives it, whichever of its four values is not ASCII', () => {
    const [first] = promotions;
    if (!first) throw new Error('no promotion generated');
    const rows: Promotion[] = [
      first,
      { ...first, productName: 'CRÈME Brûlée' },
      { ...first, brand: 'ÉCLAIR & Co' },
      { ...first, storeName: 'Straße Market ΣΑΣ' },
      { ...first, sku: 'SKU-İ' },
      { ...first, storeName: 'A'.repeat(300) },
    ];
    const writer = new PromotionCopyWriter(1);
    rows.forEach((promotion, i) => {
      writer.add(promotion, 1, i);
    });
    const decoded = decode(writer.finish());
    rows.forEach((promotion, i) => {
      expect(decoded[i]?.at(-1)?.toString('utf8')).toBe(searchText(promotion));
      expect(decoded[i]?.[2 + PROMOTION_FIELDS.indexOf('storeName')]?.toString('utf8')).toBe(
        promotion.storeName,
      );
    });
  });

  it('refuses a number PostgreSQL would store but JSON could not give back', () => {
    const [first] = promotions;
    if (!first) throw new Error('no promotion generated');
    for (const roi of [Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(() => new PromotionCopyWriter().add({ ...first, roi }, 1, 0)).toThrow(RangeError);
    }
  });
});
