import { PRODUCTS, PROMO_TYPES, PROMOTION_FIELDS, type Promotion } from '@promoscale/generator';
import {
  buildPromotionRow,
  type PromotionCalendar,
  type PromotionDraft,
  type RowStore,
  type StoreProfile,
  setRowStore,
} from '@promoscale/generator/internal';
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
  // The store of addDraft's rows (see beginStore).
  private readonly store = { calendar: undefined } as unknown as RowStore;
  private storeNumber = 0;
  private storeBlock: Uint8Array = EMPTY;
  private idPrefix: Uint8Array = EMPTY;
  private storeSearch: Uint8Array | null = null;
  private dates: (Uint8Array | undefined)[] = [];

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

  /** The store of the rows {@link addDraft} writes next (from the generator's engine), and its number. */
  beginStore(profile: StoreProfile, calendar: PromotionCalendar, storeNumber: number): void {
    const store = this.store;
    setRowStore(store, profile);
    store.calendar = calendar;
    this.storeNumber = storeNumber;
    this.storeBlock = fieldsBlock([store.storeId, store.storeName, store.template, store.region]);
    const idPrefix = Buffer.from(profile.idPrefix, 'utf8');
    this.idPrefix = idPrefix;
    this.storeSearch = isAscii(store.storeName)
      ? lowerAsciiBytes(`${store.storeName}${SEARCH_SEPARATOR}`)
      : null;
    this.dates = datesBlocksOf(calendar);
  }

  /**
   * Appends the row of `d` (the engine's values: see the generator's `PromotionDraft`) of the store begun last,
   * at `position` in its store: the bytes {@link add} writes for `buildPromotionRow` of it, from blocks made once
   * a store, a product, a mechanic and a start week, without the promotion object (the seed's COPY,
   * seed-database.ts). `numbers`: the row's 17 numbers, from the generator's `promotionNumbersOf(d, numbers)`.
   * batch-writer.test.ts compares the two over generated stores.
   */
  addDraft(d: PromotionDraft, position: number, numbers: Float64Array): void {
    const store = this.store;
    const product = productBlocks[d.product] ?? productBlocksOf(d.product);
    const sku = product.sku;
    const skuLength = sku.length;
    const idLength = this.idPrefix.length + skuLength;
    const storeSearch = this.storeSearch;
    if (storeSearch === null || product.search === null) {
      this.add(buildPromotionRow(store, d), this.storeNumber, position);
      return;
    }
    const mechanic = mechanicBlockOf(d.typeIndex, d.mechanic);
    const dates = this.dates[d.datesIndex] ?? datesBlockOf(this.dates, store.calendar, d);
    let at = this.offset;
    const searchLength = product.search.length + storeSearch.length + skuLength;
    this.ensure(
      at,
      ROW_FIXED_BYTES +
        idLength +
        this.storeBlock.length +
        product.block.length +
        mechanic.length +
        dates.length +
        searchLength,
    );
    const buffer = this.buffer;
    const view = this.view;
    view.setInt16(at, PROMOTION_ROW_FIELDS);
    view.setInt32(at + 2, 4);
    view.setInt32(at + 6, this.storeNumber);
    view.setInt32(at + 10, 2);
    view.setInt16(at + 14, position);
    view.setInt32(at + 16, idLength);
    at += 20;
    buffer.set(this.idPrefix, at);
    at += this.idPrefix.length;
    buffer.set(sku, at);
    at += skuLength;
    buffer.set(this.storeBlock, at);
    at += this.storeBlock.length;
    buffer.set(product.block, at);
    at += product.block.length;
    buffer.set(mechanic, at);
    at += mechanic.length;
    buffer.set(dates, at);
    at += dates.length;
    for (let i = 0; i < 16; i++) at = this.number(numbers[i] as number, at);
    at = this.boolean(d.displaySupport, at);
    at = this.boolean(d.featureAd, at);
    at = this.number(numbers[16] as number, at);
    view.setInt32(at, searchLength);
    at += 4;
    buffer.set(product.search, at);
    at += product.search.length;
    buffer.set(storeSearch, at);
    at += storeSearch.length;
    buffer.set(product.skuLower, at);
    this.offset = at + skuLength;
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

const EMPTY = new Uint8Array(0);

/** Whether `text` is ASCII only (lowerAscii then lower-cases it exactly as `toLowerCase` does). */
function isAscii(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 0x7f) return false;
  return true;
}

/** ASCII `text` lower-cased, as bytes. */
function lowerAsciiBytes(text: string): Uint8Array {
  const bytes = Buffer.allocUnsafe(text.length);
  lowerAscii(text, bytes, 0);
  return bytes;
}

/** Text fields one after another, each as its length and UTF-8 bytes (as `add` writes them). */
function fieldsBlock(texts: readonly string[]): Uint8Array {
  const parts = texts.map((text) => Buffer.from(text, 'utf8'));
  const block = Buffer.alloc(parts.reduce((sum, part) => sum + 4 + part.length, 0));
  let at = 0;
  for (const part of parts) {
    block.writeInt32BE(part.length, at);
    block.set(part, at + 4);
    at += 4 + part.length;
  }
  return block;
}

/** A product's parts: its four fields, its sku's bytes (the id's end), and its parts of the search text. */
interface ProductBlocks {
  block: Uint8Array;
  sku: Uint8Array;
  /** Lower-cased product name and brand, each followed by the separator; null when not ASCII. */
  search: Uint8Array | null;
  skuLower: Uint8Array;
}
const productBlocks: ProductBlocks[] = [];
function productBlocksOf(p: number): ProductBlocks {
  const product = PRODUCTS[p] as (typeof PRODUCTS)[number];
  const searchHead = `${product.name}${SEARCH_SEPARATOR}${product.brand}${SEARCH_SEPARATOR}`;
  const blocks: ProductBlocks = {
    block: fieldsBlock([product.sku, product.name, product.brand, product.category]),
    sku: Buffer.from(product.sku, 'utf8'),
    search: isAscii(searchHead) && isAscii(product.sku) ? lowerAsciiBytes(searchHead) : null,
    skuLower: isAscii(product.sku) ? lowerAsciiBytes(product.sku) : EMPTY,
  };
  productBlocks[p] = blocks;
  return blocks;
}

/** The promo type and mechanic fields, by promo type and mechanic text. */
const mechanicBlocks = PROMO_TYPES.map(() => new Map<string, Uint8Array>());
function mechanicBlockOf(typeIndex: number, mechanic: string): Uint8Array {
  const blocks = mechanicBlocks[typeIndex] as Map<string, Uint8Array>;
  let block = blocks.get(mechanic);
  if (block === undefined) {
    block = fieldsBlock([PROMO_TYPES[typeIndex] as string, mechanic]);
    blocks.set(mechanic, block);
  }
  return block;
}

/** The start date, end date, duration (float8) and status fields, by the draft's `datesIndex`, per calendar. */
const datesBlocks = new WeakMap<PromotionCalendar, (Uint8Array | undefined)[]>();
function datesBlocksOf(calendar: PromotionCalendar): (Uint8Array | undefined)[] {
  let blocks = datesBlocks.get(calendar);
  if (blocks === undefined) {
    blocks = [];
    datesBlocks.set(calendar, blocks);
  }
  return blocks;
}
function datesBlockOf(
  blocks: (Uint8Array | undefined)[],
  calendar: PromotionCalendar,
  d: PromotionDraft,
): Uint8Array {
  const start = fieldsBlock([calendar.iso(d.startDay), calendar.iso(d.startDay + d.durationDays - 1)]);
  const rest = fieldsBlock([d.status]);
  const block = Buffer.alloc(start.length + 12 + rest.length);
  block.set(start, 0);
  block.writeInt32BE(8, start.length);
  block.writeDoubleBE(d.durationDays, start.length + 4);
  block.set(rest, start.length + 12);
  blocks[d.datesIndex] = block;
  return block;
}
