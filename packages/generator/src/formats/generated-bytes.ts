// Rows straight from the variance engine to NDJSON or CSV bytes, never made into objects: the same bytes as
// generating the rows and writing them with promotionsToNdjsonBytes / promotionsToCsvBytes. Why and what it
// gains: docs/decisions/0014-fast-formatter.md ("Fifth pass").
import type { PromotionCalendar } from '../calendar/promotion-calendar.js';
import { PRODUCTS } from '../catalog/products.js';
import { createContext } from '../dataset-spec.js';
import { assertStoreRange, PromoscaleError } from '../errors.js';
import { readOptions } from '../options/read-options.js';
import type { StoreProfile } from '../stores/create-store.js';
import type { GenerationOptions, Promotion, StoreTemplate, TemplateSelection } from '../types.js';
import {
  buildPromotionRow,
  DATES_INDEXES,
  emitStorePromotions,
  PROMO_TYPES,
  PROMOTIONS_PER_STORE,
  type PromotionDraft,
  type PromotionSink,
  type RowStore,
  setRowStore,
} from '../variance/promotion-engine.js';
import {
  ByteSink,
  type Fragment,
  fragment,
  HUNDREDTHS,
  padFragment,
  piecesFragment,
  putFragment,
  TENTHS,
  type TextRule,
  THOUSANDTHS_SCALE,
  UNITS,
  writeScaledIntegers,
} from './byte-sink.js';
import { promotionToCsvLine, promotionToNdjsonLine } from './promotion-csv.js';
import {
  CSV,
  FAST_POSITIONS,
  NDJSON,
  type PromotionBytesOptions,
  ROW_RESERVE,
  type RowFormat,
  readInto,
} from './promotions-to-bytes.js';

/** What {@link generatePromotionBytes} writes. */
export type PromotionByteFormat = 'ndjson' | 'csv';

/** Options of {@link generatePromotionBytes}. */
export interface GeneratePromotionBytesOptions extends GenerationOptions, PromotionBytesOptions {
  /** `'ndjson'`: the lines of `promotionsToNdjsonBytes`; `'csv'`: those of `promotionsToCsvBytes` (no header). */
  format: PromotionByteFormat;
}

/** A format's parts that depend on the catalog only, made once: each product's sku and fields. */
interface FormatParts {
  readonly format: RowFormat;
  readonly safeLine: (row: Promotion) => string;
  /** The sku's bytes (the end of the id) by product; `null`: not plain text, its rows take the safe path. */
  readonly skus: (Fragment | null | undefined)[];
  /** The product's fragment (sku … category) by product. */
  readonly products: (Fragment | null | undefined)[];
  /** The promo type and mechanic fragment by promo type, then mechanic text. */
  readonly mechanics: Map<string, Fragment | null>[];
  /** The dates fragments of each calendar (see GeneratedRowWriter). */
  readonly dates: WeakMap<PromotionCalendar, (Fragment | null | undefined)[]>;
  /** The format's keys after the numbers, padded for writeScaledIntegers. */
  readonly keys: readonly (readonly Fragment[])[];
}

const partsOf = (format: RowFormat, safeLine: (row: Promotion) => string): FormatParts => ({
  format,
  safeLine,
  skus: [],
  products: [],
  mechanics: PROMO_TYPES.map(() => new Map()),
  keys: format.keys.map((keys) => keys.map(padFragment)),
  dates: new WeakMap(),
});
/** Each format's parts, made on first use (so that importing the package makes nothing: tree shaking). */
let formats: Record<PromotionByteFormat, FormatParts> | undefined;
const formatParts = (format: PromotionByteFormat): FormatParts => {
  formats ??= {
    ndjson: partsOf(NDJSON, promotionToNdjsonLine),
    csv: partsOf(CSV, promotionToCsvLine),
  };
  return formats[format];
};

/**
 * Printable ASCII but `"`, `\` and `,`: text both formats write as it is, one byte a character, inside or
 * outside quotes (the id's two parts: written one after the other, they are the id's text in both formats).
 */
function isPlain(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x20 || c > 0x7e || c === 0x22 || c === 0x5c || c === 0x2c) return false;
  }
  return true;
}

/** A text rule for pieces that hold no value (piecesFragment copies them as they are). */
const PLAIN: TextRule = { quoted: false, special: 0, text: (value) => value };

/** How each of the 17 numbers after the dates is written (see writeScaledIntegers), in canonical order. */
const KINDS = /* @__PURE__ */ Uint8Array.from([
  HUNDREDTHS, // regularPrice
  HUNDREDTHS, // promoPrice
  TENTHS, // discountPct
  HUNDREDTHS, // unitCost
  UNITS, // baselineUnits
  UNITS, // promoUnits
  TENTHS, // liftPct
  UNITS, // incrementalUnits
  HUNDREDTHS, // baselineRevenue
  HUNDREDTHS, // revenue
  HUNDREDTHS, // incrementalRevenue
  HUNDREDTHS, // grossMargin
  TENTHS, // marginPct
  HUNDREDTHS, // incrementalMargin
  HUNDREDTHS, // promoSpend
  THOUSANDTHS_SCALE, // roi
  THOUSANDTHS_SCALE, // redemptionRate
]);
const INTEGERS = /* @__PURE__ */ new Int32Array(KINDS.length);

/** Whether `n` is a 32-bit integer other than -2^31 (what writeScaledIntegers takes). */
const isInt32 = (n: number): boolean => (n | 0) === n && n !== -2_147_483_648;

/**
 * The engine's sink that writes each row as it is made: its store's, product's, mechanic's and dates' fragments
 * (made once each, from the same pieces as the row writers' caches) and its numbers from the engine's integers.
 * A row with a value outside what that covers (a text that is not plain, a number that is not a 32-bit integer,
 * a text over the fragment limit) is made into a promotion object and written by the safe path.
 */
export class GeneratedRowWriter implements PromotionSink, RowStore {
  idPrefix = '';
  storeId = '';
  storeName = '';
  template: Promotion['template'] = 'SUBURBAN_FAMILY';
  region: Promotion['region'] = 'NORTHEAST';
  calendar: PromotionCalendar;
  /** The format's open and the store's id prefix; `null`: not plain (the store's rows take the safe path). */
  private head: Fragment | null = null;
  private store: Fragment | null = null;
  /**
   * The dates fragment by the draft's `datesIndex` (start week and duration): with the calendar (its `asOf`), they
   * give the texts and the status. Kept with the calendar, which the generator keeps for each `asOf` it met.
   */
  private readonly dates: (Fragment | null | undefined)[];

  private readonly parts: FormatParts;

  /** Writes the rows of the dataset of `calendar` into `sink`, in `format`. */
  constructor(
    readonly sink: ByteSink,
    format: PromotionByteFormat,
    calendar: PromotionCalendar,
  ) {
    const parts = formatParts(format);
    this.parts = parts;
    this.calendar = calendar;
    let dates = parts.dates.get(calendar);
    if (dates === undefined) {
      dates = new Array<Fragment | null | undefined>(DATES_INDEXES).fill(undefined);
      parts.dates.set(calendar, dates);
    }
    this.dates = dates;
  }

  beginStore(profile: StoreProfile): void {
    setRowStore(this, profile);
    const { store } = profile;
    const format = this.parts.format;
    // Plain ASCII: copied into the fragment as it is (no TextEncoder call a store).
    this.head = isPlain(profile.idPrefix)
      ? (piecesFragment([formatOpen(format) + profile.idPrefix], PLAIN) ?? null)
      : null;
    this.store = format.stores.make(store.storeId, store.name, store.template, store.region, 0) ?? null;
  }

  row(d: PromotionDraft): void {
    const sink = this.sink;
    sink.reserve(ROW_RESERVE);
    const end = sink.pos < FAST_POSITIONS ? this.write(sink.view, sink.pos, d) : -1;
    if (end >= 0) sink.pos = end;
    else sink.writeText(`${this.parts.safeLine(buildPromotionRow(this, d))}\n`);
  }

  /** Writes the row of `d` at `start`; returns the position after it, or -1 for the safe path. */
  private write(view: DataView, start: number, d: PromotionDraft): number {
    const head = this.head;
    const store = this.store;
    if (head === null || store === null) return -1;
    const parts = this.parts;
    const p = d.product;
    const sku = parts.skus[p] ?? skuOf(parts, p);
    const product = parts.products[p] ?? productOf(parts, p);
    const mechanic =
      parts.mechanics[d.typeIndex]?.get(d.mechanic) ?? mechanicOf(parts, d.typeIndex, d.mechanic);
    const dates = this.dates[d.datesIndex] ?? this.datesOf(d);
    if (sku === null || product === null || mechanic === null || dates === null) return -1;
    const n = INTEGERS;
    const regularC = d.regularC;
    const promoC = d.promoC;
    const discountK = d.discountK;
    const costC = d.costC;
    const baselineUnits = d.baselineUnits;
    const promoUnits = d.promoUnits;
    const liftK = d.liftK;
    const incrementalUnits = promoUnits - baselineUnits;
    const baselineRevenueC = d.baselineRevenueC;
    const revenueC = d.revenueC;
    const incrementalRevenueC = revenueC - baselineRevenueC;
    const grossMarginC = d.grossMarginC;
    const marginK = d.marginK;
    const incrementalMarginC = d.incrementalMarginC;
    const promoSpendC = d.promoSpendC;
    const roiK = d.roiK;
    // A TPR's redemption rate is 1, whatever the draft holds (as buildPromotionRow makes it).
    const redemptionK = d.typeIndex === 0 ? 1000 : d.redemptionK;
    if (
      !(
        isInt32(regularC) &&
        isInt32(promoC) &&
        isInt32(discountK) &&
        isInt32(costC) &&
        isInt32(baselineUnits) &&
        isInt32(promoUnits) &&
        isInt32(liftK) &&
        isInt32(incrementalUnits) &&
        isInt32(baselineRevenueC) &&
        isInt32(revenueC) &&
        isInt32(incrementalRevenueC) &&
        isInt32(grossMarginC) &&
        isInt32(marginK) &&
        isInt32(incrementalMarginC) &&
        isInt32(promoSpendC) &&
        isInt32(roiK) &&
        isInt32(redemptionK)
      )
    ) {
      return -1;
    }
    n[0] = regularC;
    n[1] = promoC;
    n[2] = discountK;
    n[3] = costC;
    n[4] = baselineUnits;
    n[5] = promoUnits;
    n[6] = liftK;
    n[7] = incrementalUnits;
    n[8] = baselineRevenueC;
    n[9] = revenueC;
    n[10] = incrementalRevenueC;
    n[11] = grossMarginC;
    n[12] = marginK;
    n[13] = incrementalMarginC;
    n[14] = promoSpendC;
    n[15] = roiK;
    n[16] = redemptionK;
    let pos = putFragment(view, start | 0, head);
    pos = putFragment(view, pos, sku);
    pos = putFragment(view, pos, store);
    pos = putFragment(view, pos, product);
    pos = putFragment(view, pos, mechanic);
    pos = putFragment(view, pos, dates);
    const keys = parts.keys[(d.displaySupport ? 1 : 0) + (d.featureAd ? 2 : 0)] as readonly Fragment[];
    return writeScaledIntegers(view, pos, n, KINDS, keys);
  }

  private datesOf(d: PromotionDraft): Fragment | null {
    const calendar = this.calendar;
    const f =
      this.parts.format.dates.make(
        calendar.iso(d.startDay + d.durationDays - 1),
        calendar.iso(d.startDay),
        d.status,
        '',
        d.durationDays,
      ) ?? null;
    this.dates[d.datesIndex] = f;
    return f;
  }
}

/** What a row starts with: `{"id":"` (NDJSON) or nothing (CSV). */
function formatOpen(format: RowFormat): string {
  return format === NDJSON ? '{"id":"' : '';
}

function skuOf(parts: FormatParts, p: number): Fragment | null {
  const sku = (PRODUCTS[p] as (typeof PRODUCTS)[number]).sku;
  const f = isPlain(sku) ? (fragment(sku) ?? null) : null;
  parts.skus[p] = f;
  return f;
}

function productOf(parts: FormatParts, p: number): Fragment | null {
  const product = PRODUCTS[p] as (typeof PRODUCTS)[number];
  const f = parts.format.products.make(product.sku, product.name, product.brand, product.category, 0) ?? null;
  parts.products[p] = f;
  return f;
}

function mechanicOf(parts: FormatParts, typeIndex: number, mechanic: string): Fragment | null {
  const f = parts.format.mechanics.make(mechanic, PROMO_TYPES[typeIndex], '', '', 0) ?? null;
  (parts.mechanics[typeIndex] as Map<string, Fragment | null>).set(mechanic, f);
  return f;
}

/**
 * The promotions of stores `startStore..endStore` as NDJSON or CSV lines (UTF-8, each ending in `\n`; CSV
 * without its header), generated straight into bytes: exactly the bytes of
 * `promotionsToNdjsonBytes(processBatch(startStore, endStore, template, options).promotions)` (or
 * `promotionsToCsvBytes`), without making the rows into objects, at ~2× the speed of generating them and then
 * writing them. `options.into` reuses memory as for `promotionsToNdjsonBytes`. For `promoscale generate` and any
 * pipe of generated data to a file or a socket; to change rows before writing them, generate them and use the
 * row writers.
 *
 * @example
 * const lines = generatePromotionBytes(1, 100, 'MIXED', { format: 'ndjson', seed: 42 });
 * process.stdout.write(lines); // 3,000 lines
 */
export function generatePromotionBytes(
  startStore: number,
  endStore: number,
  template: TemplateSelection | StoreTemplate = 'MIXED',
  optionsArg: GeneratePromotionBytesOptions,
): Uint8Array {
  assertStoreRange(startStore, endStore);
  const options = readOptions(optionsArg, 'options');
  const format = options.format;
  if (format !== 'ndjson' && format !== 'csv') {
    throw new PromoscaleError('INVALID_OPTION', 'options.format', format, "'ndjson' or 'csv'");
  }
  const into = readInto(options);
  const ctx = createContext(template, options);
  const stores = endStore - startStore + 1;
  const sink = new ByteSink(
    stores * PROMOTIONS_PER_STORE * bytesPerRow(format) + ROW_RESERVE,
    into,
    ROW_RESERVE,
  );
  const writer = new GeneratedRowWriter(sink, format, ctx.calendar);
  for (let s = startStore; s <= endStore; s++) emitStorePromotions(ctx, s, writer);
  return sink.result();
}

/** Bytes a generated row takes, with room to spare (NDJSON ~745, CSV ~290). */
const bytesPerRow = (format: PromotionByteFormat): number => (format === 'ndjson' ? 800 : 320);
