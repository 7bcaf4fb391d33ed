import { processBatch } from '@promoscale/generator';
import { describe, expect, it } from 'vitest';
import { copyText, PROMOTION_COPY_COLUMNS, promotionCopyLine } from './copy-text.js';

describe('copyText', () => {
  it('escapes backslash, tab, newline and carriage return, and leaves other text alone', () => {
    expect(copyText('a\\b\tc\nd\re')).toBe('a\\\\b\\tc\\nd\\re');
    expect(copyText("Dave's Killer Bread #1")).toBe("Dave's Killer Bread #1");
  });
});

describe('promotionCopyLine', () => {
  it('writes one field per column: store number, position, the 34 fields, the search text', () => {
    const [promotion] = processBatch(3, 3, 'URBAN_PREMIUM', { seed: 9 }).promotions;
    if (!promotion) throw new Error('no promotion generated');
    const fields = promotionCopyLine(promotion, 3, 0).split('\t');
    expect(fields).toHaveLength(PROMOTION_COPY_COLUMNS.length);
    expect(fields.slice(0, 3)).toEqual(['3', '0', promotion.id]);
    expect(fields[PROMOTION_COPY_COLUMNS.indexOf('roi')]).toBe(String(promotion.roi));
    expect(fields[PROMOTION_COPY_COLUMNS.indexOf('feature_ad')]).toBe(promotion.featureAd ? 't' : 'f');
    expect(fields.at(-1)).toBe(
      [promotion.productName, promotion.brand, promotion.storeName, promotion.sku]
        .join('\u0001')
        .toLowerCase(),
    );
  });

  it('refuses a number PostgreSQL would store but JSON could not give back', () => {
    const [promotion] = processBatch(1, 1, 'RURAL_VALUE', { seed: 1 }).promotions;
    if (!promotion) throw new Error('no promotion generated');
    expect(() => promotionCopyLine({ ...promotion, roi: Number.NaN }, 1, 0)).toThrow(RangeError);
  });
});
