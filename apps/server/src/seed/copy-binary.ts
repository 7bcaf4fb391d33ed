import { PROMOTION_FIELDS, type Promotion } from '@promoscale/generator';
import { SEARCH_SEPARATOR, searchText } from '../source/promotion-columns.js';

/** PostgreSQL's binary COPY signature, flags and header extension length. */
const HEADER = Buffer.from([
  0x50, 0x47, 0x43, 0x4f, 0x50, 0x59, 0x0a, 0xff, 0x0d, 0x0a, 0x00, 0, 0, 0, 0, 0, 0, 0, 0,
]);
/** Text up to this many code units is tried as ASCII by a loop before `buffer.write`. */
const ASCII_LOOP_MAX = 64;
/** Fields of a promotions row: store number, position, the Promotion's fields, the search text. */
const PROMOTION_ROW_FIELDS = PROMOTION_FIELDS.length + 3;
/** The most bytes a row takes besides its text: each field's length, numbers as 8 bytes. */
const ROW_FIXED_BYTES = 2 + PROMOTION_ROW_FIELDS * 12;
const SEPARATOR = SEARCH_SEPARATOR.charCodeAt(0);

/**
 * Promotions in PostgreSQL's binary COPY format, written straight into one growing buffer: `float8` numbers as
 * their 8 bytes (exact, no number text), text as UTF-8 with its length (no escaping), booleans as one byte.
 * The promotions table's columns, in {@link PROMOTION_COPY_COLUMNS}' order.
 */
export class PromotionCopyWriter {
  private buffer: Buffer<ArrayBuffer>;
  private view: DataView;
  private offset = 0;

  /** `expectedRows` sizes the first buffer (it grows when needed). */
  constructor(expectedRows = 1000) {
    this.buffer = Buffer.allocUnsafeSlow(Math.max(1024, expectedRows * 600));
    this.view = new DataView(this.buffer.buffer, this.buffer.byteOffset, this.buffer.byteLength);
    HEADER.copy(this.buffer, 0);
    this.offset = HEADER.length;
  }

  /** Room for `bytes` more bytes after `at`. */
  private ensure(at: number, bytes: number): void {
    if (at + bytes <= this.buffer.length) return;
    const grown = Buffer.allocUnsafeSlow(Math.max(this.buffer.length * 2, at + bytes));
    this.buffer.copy(grown, 0, 0, at);
    this.buffer = grown;
    this.view = new DataView(grown.buffer, grown.byteOffset, grown.byteLength);
  }

  /** Writes `value` with its length at `at`, answering where the next field goes. */
  private text(value: string, at: number): number {
    // UTF-8 takes at most 3 bytes per UTF-16 code unit; the row's fixed-size fields still to come stay in room.
    const n = value.length;
    this.ensure(at, 4 + n * 3 + ROW_FIXED_BYTES);
    const buffer = this.buffer;
    const start = at + 4;
    // Short ASCII text (nearly every value) is copied code unit by code unit: cheaper than a call into
    // `buffer.write` per value. Anything else is encoded by `buffer.write`.
    let i = 0;
    if (n <= ASCII_LOOP_MAX) {
      for (; i < n; i++) {
        const code = value.charCodeAt(i);
        if (code > 0x7f) break;
        buffer[start + i] = code;
      }
    }
    const length = i === n ? n : buffer.write(value, start, 'utf8');
    this.view.setInt32(at, length);
    return start + length;
  }

  /** A `float8` field at `at`; NaN and infinities are refused (JSON could not give them back). */
  private number(value: number, at: number): number {
    if (!Number.isFinite(value)) throw new RangeError(`Cannot store the non-finite number ${String(value)}`);
    this.view.setInt32(at, 8);
    this.view.setFloat64(at + 4, value);
    return at + 12;
  }

  private boolean(value: boolean, at: number): number {
    this.view.setInt32(at, 1);
    this.buffer[at + 4] = value ? 1 : 0;
    return at + 5;
  }

  /**
   * The search text (searchText: product name, brand, store name and sku lower-cased, joined by the separator)
   * written from the four values without building it: ASCII lower-cased code unit by code unit; anything else
   * is built and encoded as before.
   */
  private search(promotion: Promotion, at: number): number {
    const { productName, brand, storeName, sku } = promotion;
    const n = productName.length + brand.length + storeName.length + sku.length + 3;
    if (n > ASCII_LOOP_MAX * 4) return this.text(searchText(promotion), at);
    this.ensure(at, 4 + n);
    const buffer = this.buffer;
    const start = at + 4;
    let end = lowerAscii(productName, buffer, start);
    if (end >= 0) {
      buffer[end] = SEPARATOR;
      end = lowerAscii(brand, buffer, end + 1);
    }
    if (end >= 0) {
      buffer[end] = SEPARATOR;
      end = lowerAscii(storeName, buffer, end + 1);
    }
    if (end >= 0) {
      buffer[end] = SEPARATOR;
      end = lowerAscii(sku, buffer, end + 1);
    }
    if (end < 0) return this.text(searchText(promotion), at);
    this.view.setInt32(at, end - start);
    return end;
  }

  /**
   * Appends one promotion with its store number and its position in the store. Each field is read by name (much
   * cheaper than a lookup by a variable key), in PROMOTION_FIELDS' order: copy-binary.test.ts decodes every row
   * and compares each field with PROMOTION_FIELDS, so a field added there and not here fails it.
   */
  add(p: Promotion, storeNumber: number, position: number): void {
    let at = this.offset;
    this.ensure(at, ROW_FIXED_BYTES);
    const view = this.view;
    view.setInt16(at, PROMOTION_ROW_FIELDS);
    view.setInt32(at + 2, 4);
    view.setInt32(at + 6, storeNumber);
    view.setInt32(at + 10, 2);
    view.setInt16(at + 14, position);
    at = this.text(p.id, at + 16);
    at = this.text(p.storeId, at);
    at = this.text(p.storeName, at);
    at = this.text(p.template, at);
    at = this.text(p.region, at);
    at = this.text(p.sku, at);
    at = this.text(p.productName, at);
    at = this.text(p.brand, at);
    at = this.text(p.category, at);
    at = this.text(p.promoType, at);
    at = this.text(p.mechanic, at);
    at = this.text(p.startDate, at);
    at = this.text(p.endDate, at);
    at = this.number(p.durationDays, at);
    at = this.text(p.status, at);
    at = this.number(p.regularPrice, at);
    at = this.number(p.promoPrice, at);
    at = this.number(p.discountPct, at);
    at = this.number(p.unitCost, at);
    at = this.number(p.baselineUnits, at);
    at = this.number(p.promoUnits, at);
    at = this.number(p.liftPct, at);
    at = this.number(p.incrementalUnits, at);
    at = this.number(p.baselineRevenue, at);
    at = this.number(p.revenue, at);
    at = this.number(p.incrementalRevenue, at);
    at = this.number(p.grossMargin, at);
    at = this.number(p.marginPct, at);
    at = this.number(p.incrementalMargin, at);
    at = this.number(p.promoSpend, at);
    at = this.number(p.roi, at);
    at = this.boolean(p.displaySupport, at);
    at = this.boolean(p.featureAd, at);
    at = this.number(p.redemptionRate, at);
    this.offset = this.search(p, at);
  }

  /** The COPY data: header, rows, trailer. The writer is spent afterwards. */
  finish(): Buffer<ArrayBuffer> {
    this.ensure(this.offset, 2);
    this.view.setInt16(this.offset, -1);
    this.offset += 2;
    return this.buffer.subarray(0, this.offset);
  }
}

/**
 * Writes ASCII `value` lower-cased at `at` (what `toLowerCase` gives for ASCII), answering where it ends; -1
 * when `value` holds anything else (then nothing written counts).
 */
function lowerAscii(value: string, buffer: Buffer, at: number): number {
  const n = value.length;
  for (let i = 0; i < n; i++) {
    const code = value.charCodeAt(i);
    if (code > 0x7f) return -1;
    buffer[at + i] = code >= 0x41 && code <= 0x5a ? code + 0x20 : code;
  }
  return at + n;
}
