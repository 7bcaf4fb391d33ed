import { PROMOTION_FIELDS, type Promotion } from '@promoscale/generator';
import { fieldKind, searchText } from '../source/promotion-columns.js';

/** PostgreSQL's binary COPY signature, flags and header extension length. */
const HEADER = Buffer.from([
  0x50, 0x47, 0x43, 0x4f, 0x50, 0x59, 0x0a, 0xff, 0x0d, 0x0a, 0x00, 0, 0, 0, 0, 0, 0, 0, 0,
]);
const KINDS = PROMOTION_FIELDS.map((field) => fieldKind(field));
/** Text up to this many code units is tried as ASCII by a loop before `buffer.write`. */
const ASCII_LOOP_MAX = 64;
/** Fields of a promotions row: store number, position, the Promotion's fields, the search text. */
const PROMOTION_ROW_FIELDS = PROMOTION_FIELDS.length + 3;

/**
 * Promotions in PostgreSQL's binary COPY format, written straight into one growing buffer: `float8` numbers as
 * their 8 bytes (exact, no number text), text as UTF-8 with its length (no escaping), booleans as one byte.
 * The promotions table's columns, in {@link PROMOTION_COPY_COLUMNS}' order.
 */
export class PromotionCopyWriter {
  private buffer: Buffer<ArrayBuffer>;
  private offset = 0;

  /** `expectedRows` sizes the first buffer (it grows when needed). */
  constructor(expectedRows = 1000) {
    this.buffer = Buffer.allocUnsafe(Math.max(1024, expectedRows * 600));
    HEADER.copy(this.buffer, 0);
    this.offset = HEADER.length;
  }

  private ensure(bytes: number): void {
    if (this.offset + bytes <= this.buffer.length) return;
    const grown = Buffer.allocUnsafe(Math.max(this.buffer.length * 2, this.offset + bytes));
    this.buffer.copy(grown, 0, 0, this.offset);
    this.buffer = grown;
  }

  private text(value: string): void {
    // UTF-8 takes at most 3 bytes per UTF-16 code unit.
    const n = value.length;
    this.ensure(4 + n * 3);
    const buffer = this.buffer;
    const start = this.offset + 4;
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
    buffer.writeInt32BE(length, this.offset);
    this.offset = start + length;
  }

  /** Appends one promotion with its store number and its position in the store. */
  add(promotion: Promotion, storeNumber: number, position: number): void {
    this.ensure(2 + 8 + 6 + PROMOTION_ROW_FIELDS * 12);
    const buffer = this.buffer;
    let at = this.offset;
    buffer.writeInt16BE(PROMOTION_ROW_FIELDS, at);
    buffer.writeInt32BE(4, at + 2);
    buffer.writeInt32BE(storeNumber, at + 6);
    buffer.writeInt32BE(2, at + 10);
    buffer.writeInt16BE(position, at + 14);
    at += 16;
    const record = promotion as unknown as Record<string, unknown>;
    for (let i = 0; i < PROMOTION_FIELDS.length; i++) {
      const value = record[PROMOTION_FIELDS[i] as string];
      const kind = KINDS[i];
      if (kind === 'number') {
        if (typeof value !== 'number' || !Number.isFinite(value)) {
          throw new RangeError(`Cannot store the non-finite number ${String(value)}`);
        }
        this.buffer.writeInt32BE(8, at);
        this.buffer.writeDoubleBE(value, at + 4);
        at += 12;
      } else if (kind === 'boolean') {
        this.buffer.writeInt32BE(1, at);
        this.buffer[at + 4] = value ? 1 : 0;
        at += 5;
      } else {
        this.offset = at;
        this.text(value as string);
        at = this.offset;
        // Room for the fixed-size fields still to come after a long text.
        this.ensure(PROMOTION_ROW_FIELDS * 12);
      }
    }
    this.offset = at;
    this.text(searchText(promotion));
  }

  /** The COPY data: header, rows, trailer. The writer is spent afterwards. */
  finish(): Buffer<ArrayBuffer> {
    this.ensure(2);
    this.buffer.writeInt16BE(-1, this.offset);
    this.offset += 2;
    return this.buffer.subarray(0, this.offset);
  }
}
