// The variance engine: one store's 30 promotions from its own PRNG stream. This is the hot path (millions of
// promotions a second), so it works in integer cents, shares every repeated string and small-domain number, formats
// no date, takes a row's draws in one call and makes every row with one constructor of a fixed shape
// (docs/decisions/0004-shared-number-boxes.md). The model is documented in docs/generator-model.md ("How the
// numbers are made") and its targets in docs/REALISM.md.
import { FIRST_WEEK, LAST_WEEK, type PromotionCalendar } from '../calendar/promotion-calendar.js';
import { PRODUCTS } from '../catalog/products.js';
import { createContext, type GenerationContext } from '../dataset-spec.js';
import { assertStoreRange } from '../errors.js';
import { readOptions } from '../options/read-options.js';
import { detExp } from '../random/det-math.js';
import { normalFromU32, Sfc32, U32_TO_UNIT } from '../random/prng.js';
import { buildStoreProfile, type StoreProfile } from '../stores/create-store.js';
import { STORE_TEMPLATES, TEMPLATE_NAMES } from '../templates/store-templates.js';
import type { GenerationOptions, PromoType, Promotion, StoreTemplate, TemplateSelection } from '../types.js';
import { seasonalIndex } from './seasonality.js';
import { CENTS, TENTHS, THOUSANDTHS } from './shared-numbers.js';

/** The weeks a promotion can start in (FIRST_WEEK … LAST_WEEK around the dataset's `asOf`). */
const START_WEEKS = LAST_WEEK - FIRST_WEEK + 1;
/** Durations a promotion can have: 1 to 4 weeks. */
const DURATIONS = 4;
/** The values of `PromotionDraft.datesIndex`: one per start week and duration. */
export const DATES_INDEXES = START_WEEKS * DURATIONS;

/** Every store promotes exactly this many base products. */
export const PROMOTIONS_PER_STORE = 30;

const PRODUCT_COUNT = PRODUCTS.length;
/** How much more often a template promotes the categories it tilts to. */
const TILT_WEIGHT = 3;

/**
 * The promotion mechanics (temporary price reduction, buy-one-get-one, multi-buy, coupon, bundle), in the order
 * the engine draws them: its mix and per-mechanic lift and funding figures are indexed in this order. The home
 * of the `PromoType` union (derived from this list).
 */
export const PROMO_TYPES = ['TPR', 'BOGO', 'MULTI_BUY', 'COUPON', 'BUNDLE'] as const;

/**
 * The statuses of a promotion against the dataset's `asOf`: starts after it, runs over it, ended before it. The
 * home of the `PromotionStatus` union (derived from this list).
 */
export const PROMOTION_STATUSES = ['planned', 'active', 'completed'] as const;

const PROMO_TYPE_CUMULATIVE = [0.52, 0.64, 0.8, 0.91, 1];
/** Lift of a mechanic relative to a price cut of the same depth (quantity conditions and coupon reach damp it). */
const MECHANIC_LIFT = [1, 0.75, 0.85, 0.55, 0.6];
/** Share of the markdown a national brand funds, by mechanic (centre of a ±0.15 range). */
const VENDOR_FUNDING = [0.74, 0.72, 0.68, 0.8, 0.68];
/** The retailer always keeps at least this share of the markdown: a vendor never funds it all. */
const MAX_FUNDING_SHARE = 0.9;

/** Discount-depth bands 10-20/20-30/30-40/40-50/50-60%: mode 20-30% (Kantar). */
const DEPTH_BAND_CUMULATIVE = [0.24, 0.62, 0.84, 0.95, 1];

/** Lift at full S-curve saturation for elasticity -3.0 (a 20% TPR lifts ~+55%, a 25% one ~+75%). */
const LIFT_SCALE = 1.45;
const LIFT_THRESHOLD = 0.05;
const LIFT_SATURATION = 0.55;
/** Spread of product-level lift noise, combined with the template's cv. */
const LIFT_SIGMA = 0.35;
/** Share of extra units that are truly incremental; the rest is switching and pull-forward (CVS study: 30-55%). */
const INCREMENTAL_SHARE = 0.45;
/** Margin lost on a non-incremental unit, relative to the item's own regular margin (switching to cheaper items). */
const CANNIBALIZED_MARGIN = 0.5;
const DISPLAY_PROBABILITY = 0.28;
const FEATURE_PROBABILITY = 0.32;
/** Lift multipliers: none, display only, feature only, feature + display. */
const MERCHANDISING_LIFT = [1, 1.35, 1.5, 2.3];
const DISPLAY_FEE_CENTS_PER_WEEK = 2_000;
const FEATURE_FEE_CENTS = 3_000;
/** Shelf tags, signage and labour of any promotion. */
const EXECUTION_CENTS_PER_WEEK = 300;
/** Digital-coupon platform and clearing fees. */
const COUPON_FEE_CENTS = 1_500;

const [STATUS_PLANNED, STATUS_ACTIVE, STATUS_COMPLETED] = PROMOTION_STATUSES;

/** `part / whole` in thousandths, rounded: tenths of a percent (liftPct, marginPct) or an roi to 3 decimals. */
function permille(part: number, whole: number): number {
  return Math.round((1000 * part) / whole);
}

const BOGO_MECHANIC = 'Buy 1 Get 1 Free';

// Per template: a pool of product indices where tilted categories appear TILT_WEIGHT times.
const POOLS: Uint16Array[] = TEMPLATE_NAMES.map((name) => {
  const tilt = new Set<string>(STORE_TEMPLATES[name].categoryTilt);
  const pool: number[] = [];
  PRODUCTS.forEach((p, i) => {
    const copies = tilt.has(p.category) ? TILT_WEIGHT : 1;
    for (let c = 0; c < copies; c++) pool.push(i);
  });
  return Uint16Array.from(pool);
});

// Seasonal index by template, product and month.
const SEASON = new Float64Array(TEMPLATE_NAMES.length * PRODUCT_COUNT * 12);
TEMPLATE_NAMES.forEach((name, t) => {
  PRODUCTS.forEach((p, i) => {
    for (let m = 0; m < 12; m++) {
      SEASON[(t * PRODUCT_COUNT + i) * 12 + m] = seasonalIndex(
        p.category,
        STORE_TEMPLATES[name].seasonality,
        m,
      );
    }
  });
});

const PRODUCT_PRICE_CENTS = Float64Array.from(PRODUCTS, (p) => Math.round(p.regularPrice * 100));
const PRODUCT_COST_CENTS = Float64Array.from(PRODUCTS, (p) => Math.round(p.unitCost * 100));
// Promotional elasticity: national brands -3.5, private label -2.5, relative to the -3.0 centre.
const ELASTICITY_SCALE = Float64Array.from(PRODUCTS, (p) => (p.privateLabel ? 2.5 / 3 : 3.5 / 3));

// Mechanic texts are few: build each once and share it (a Map per mechanic keyed by an integer).
const percentOff = new Map<number, string>();
const bundleOff = new Map<number, string>();
const pricePoint = new Map<number, string>();
const multiBuy = new Map<number, string>();
const couponOff = new Map<number, string>();

function remember(cache: Map<number, string>, key: number, text: string): string {
  cache.set(key, text);
  return text;
}

// The first time a text is needed (cold: each key once), built and remembered in a function of its own, so that
// the optimizer keeps its inlining budget for the per-row code.
function pricePointText(cents: number): string {
  return remember(pricePoint, cents, `Now ${dollars(cents)}`);
}
function percentOffText(pct: number): string {
  return remember(percentOff, pct, `${pct}% off`);
}
function multiBuyText(key: number, n: number, totalCents: number): string {
  return remember(multiBuy, key, `${n} for ${dollars(totalCents)}`);
}
function couponText(cents: number): string {
  return remember(couponOff, cents, `${dollars(cents)} off with digital coupon`);
}
function bundleText(pct: number): string {
  return remember(bundleOff, pct, `Bundle & save ${pct}%`);
}

function dollars(cents: number): string {
  return cents % 100 === 0 ? `$${cents / 100}` : `$${(cents / 100).toFixed(2)}`;
}

/**
 * Sets up an empty row: the 34 fields in PROMOTION_FIELDS order, each holding a value of its final kind, except
 * the eight shared-number fields, which start as `null`. Used through {@link PromotionRow}. Why a constructor and
 * why `null` (V8 then stores those fields as plain pointers to the shared boxes of ./shared-numbers.ts instead of
 * a private box per row): docs/decisions/0004-shared-number-boxes.md.
 */
function initRow(this: Record<keyof Promotion, unknown>): void {
  this.id = '';
  this.storeId = '';
  this.storeName = '';
  this.template = '';
  this.region = '';
  this.sku = '';
  this.productName = '';
  this.brand = '';
  this.category = '';
  this.promoType = '';
  this.mechanic = '';
  this.startDate = '';
  this.endDate = '';
  this.durationDays = 0;
  this.status = '';
  this.regularPrice = null;
  this.promoPrice = null;
  this.discountPct = null;
  this.unitCost = null;
  this.baselineUnits = 0;
  this.promoUnits = 0;
  this.liftPct = null;
  this.incrementalUnits = 0;
  // A fraction, so that the six money totals are stored as doubles from the first row on.
  this.baselineRevenue = 0.5;
  this.revenue = 0.5;
  this.incrementalRevenue = 0.5;
  this.grossMargin = 0.5;
  this.marginPct = null;
  this.incrementalMargin = 0.5;
  this.promoSpend = 0.5;
  this.roi = null;
  this.displaySupport = false;
  this.featureAd = false;
  this.redemptionRate = null;
}
// Rows are plain objects, as a literal would make them: Object.prototype, no constructor of their own.
initRow.prototype = Object.prototype;
/** `new PromotionRow()`: an empty row of the final shape (see {@link initRow}), filled in by the engine. */
const PromotionRow = initRow as unknown as new () => Promotion;

const rng = new Sfc32();
/** One row's PRNG outputs (see appendStorePromotions). */
const draws = new Uint32Array(14);
const chosen = new Uint32Array(PRODUCT_COUNT);
let lastStamp = 0;

/**
 * Chooses a store's 30 distinct products from its template's pool (tilted categories appear more often) and marks
 * them in `chosen` with a new stamp, which it returns; scanning the marks afterwards keeps SKU order. A function of
 * its own, called once a store, so that the optimizer spends its inlining budget on the per-row code instead.
 */
function pickProducts(pool: Uint16Array): number {
  lastStamp = (lastStamp + 1) >>> 0;
  if (lastStamp === 0) {
    chosen.fill(0);
    lastStamp = 1;
  }
  const stamp = lastStamp;
  for (let picked = 0; picked < PROMOTIONS_PER_STORE; ) {
    const idx = pool[rng.int(pool.length)] as number;
    if (chosen[idx] !== stamp) {
      chosen[idx] = stamp;
      picked++;
    }
  }
  return stamp;
}

/**
 * Makes the 30 promotions of store `storeNumber` and hands them to `sink` (after `sink.beginStore`); returns the
 * store's profile. Internal: the public entry points validate their arguments and call this.
 */
export function emitStorePromotions(
  ctx: GenerationContext,
  storeNumber: number,
  sink: PromotionSink,
): StoreProfile {
  const profile = buildStoreProfile(ctx, storeNumber, rng);
  const { template, templateIndex, trafficFactor, priceFactor } = profile;
  const calendar = ctx.calendar;
  const asOfDay = calendar.asOfDay;
  sink.beginStore(profile, calendar);
  const priceIndex = template.priceIndex * priceFactor;
  const baseFactor = template.traffic * trafficFactor;
  const sensitivity = template.promoSensitivity;
  const cv = template.variance;
  const liftSigma = Math.sqrt(LIFT_SIGMA * LIFT_SIGMA + cv * cv);

  const stamp = pickProducts(POOLS[templateIndex] as Uint16Array);

  for (let p = 0; p < PRODUCT_COUNT; p++) {
    if (chosen[p] !== stamp) continue;
    const product = PRODUCTS[p] as (typeof PRODUCTS)[number];

    // Shelf price: catalog × template index × store factor, with a .x9 price ending.
    let regularC = Math.round((PRODUCT_PRICE_CENTS[p] as number) * priceIndex);
    regularC = regularC - (regularC % 10) + 9;
    const costC = PRODUCT_COST_CENTS[p] as number;

    // The row's draws, in stream order: 12 fixed, then the vendor-funding share (national brands only), then the
    // redemption draw. Taken in one call so that the optimizer keeps this function's inlining budget for the rest.
    const drawCount = product.privateLabel ? 13 : 14;
    rng.fillU32(draws, drawCount);

    // Mechanic and depth.
    const ut = (draws[0] as number) * U32_TO_UNIT;
    let typeIndex = 0;
    while (ut >= (PROMO_TYPE_CUMULATIVE[typeIndex] as number)) typeIndex++;
    const ub = (draws[1] as number) * U32_TO_UNIT;
    let band = 0;
    while (ub >= (DEPTH_BAND_CUMULATIVE[band] as number)) band++;
    const depth = 0.1 + 0.1 * band + 0.1 * ((draws[2] as number) * U32_TO_UNIT);
    const styleDraw = (draws[3] as number) * U32_TO_UNIT;
    let promoC: number;
    let mechanic: string;
    switch (typeIndex) {
      case 0: {
        // TPR: "25% off", or a charm price point "Now $2.99".
        const pct = Math.floor(depth * 20) * 5;
        const pointC = Math.round(regularC * (1 - depth));
        const charmC = pointC - (pointC % 10) - 1;
        if (styleDraw < 0.4 && charmC > 0 && charmC < regularC) {
          promoC = charmC;
          mechanic = pricePoint.get(charmC) ?? pricePointText(charmC);
        } else {
          promoC = Math.round((regularC * (100 - pct)) / 100);
          mechanic = percentOff.get(pct) ?? percentOffText(pct);
        }
        break;
      }
      case 1: {
        promoC = Math.round(regularC / 2);
        mechanic = BOGO_MECHANIC;
        break;
      }
      case 2: {
        // Multi-buy: "3 for $10", the total rounded to a dollar (or 50 cents when small).
        const n = styleDraw < 0.35 ? 2 : styleDraw < 0.7 ? 3 : styleDraw < 0.85 ? 4 : 5;
        const d = Math.min(depth, 0.45);
        const step = regularC * n < 800 ? 50 : 100;
        let totalC = Math.round((regularC * n * (1 - d)) / step) * step;
        while (totalC >= regularC * n && totalC > step) totalC -= step;
        if (totalC < n) totalC = n;
        promoC = Math.round(totalC / n);
        if (promoC >= regularC) promoC = regularC - 1;
        const key = n * 1_000_000 + totalC;
        mechanic = multiBuy.get(key) ?? multiBuyText(key, n, totalC);
        break;
      }
      case 3: {
        // Coupon: a value rounded to a quarter.
        let valueC = Math.max(25, Math.round((regularC * depth) / 25) * 25);
        if (valueC >= regularC) valueC = Math.max(1, regularC - 25);
        promoC = regularC - valueC;
        mechanic = couponOff.get(valueC) ?? couponText(valueC);
        break;
      }
      default: {
        const pct = Math.floor(depth * 20) * 5;
        promoC = Math.round((regularC * (100 - pct)) / 100);
        mechanic = bundleOff.get(pct) ?? bundleText(pct);
      }
    }
    if (promoC < 1) promoC = 1;

    // Calendar: durations 1/2/3/4 weeks at 40/30/15/15%, start weeks uniform around asOf.
    const ud = (draws[4] as number) * U32_TO_UNIT;
    const durationIndex = ud < 0.4 ? 0 : ud < 0.7 ? 1 : ud < 0.85 ? 2 : 3;
    const weeks = durationIndex + 1;
    const durationDays = (weeks * 7) as 7 | 14 | 21 | 28;
    const weekDraw = (draws[5] as number) * U32_TO_UNIT;
    const week = Math.floor(weekDraw * START_WEEKS);
    const startDay = calendar.weekStart(FIRST_WEEK + week);
    const endDay = startDay + durationDays - 1;
    const status = startDay > asOfDay ? STATUS_PLANNED : endDay < asOfDay ? STATUS_COMPLETED : STATUS_ACTIVE;

    // Merchandising support.
    const displaySupport = (draws[6] as number) * U32_TO_UNIT < DISPLAY_PROBABILITY;
    const featureAd = (draws[7] as number) * U32_TO_UNIT < FEATURE_PROBABILITY;

    // Baseline units: catalog rate × traffic × season × weeks, lognormal noise of the template's cv.
    const season = SEASON[(templateIndex * PRODUCT_COUNT + p) * 12 + calendar.month(startDay + 3)] as number;
    const baselineMean = product.baseWeeklyUnits * baseFactor * season * weeks;
    let baselineUnits = Math.round(
      baselineMean * detExp(cv * normalFromU32(draws[8] as number, draws[9] as number)),
    );
    if (baselineUnits < 1) baselineUnits = 1;

    // Lift: S-shaped in effective depth, × elasticity, mechanic, merchandising, sensitivity, lognormal noise.
    const effectiveDepth = 1 - promoC / regularC;
    let x = (effectiveDepth - LIFT_THRESHOLD) / (LIFT_SATURATION - LIFT_THRESHOLD);
    x = Math.max(0, Math.min(1, x));
    const merchandising = MERCHANDISING_LIFT[(displaySupport ? 1 : 0) + (featureAd ? 2 : 0)] as number;
    const lift =
      LIFT_SCALE *
      x *
      x *
      (3 - 2 * x) *
      (ELASTICITY_SCALE[p] as number) *
      (MECHANIC_LIFT[typeIndex] as number) *
      merchandising *
      sensitivity *
      detExp(liftSigma * normalFromU32(draws[10] as number, draws[11] as number));
    let promoUnits = Math.round(baselineUnits * (1 + lift));
    if (promoUnits < baselineUnits) promoUnits = baselineUnits;
    const incrementalUnits = promoUnits - baselineUnits;

    // Money, in integer cents.
    const revenueC = promoUnits * promoC;
    const baselineRevenueC = baselineUnits * regularC;
    const grossMarginC = revenueC - promoUnits * costC;
    const baselineMarginC = baselineUnits * (regularC - costC);
    const markdownC = promoUnits * (regularC - promoC);
    const fundingShare = product.privateLabel
      ? 0
      : (VENDOR_FUNDING[typeIndex] as number) - 0.15 + 0.3 * ((draws[12] as number) * U32_TO_UNIT);
    const fundingC = Math.round(markdownC * Math.min(fundingShare, MAX_FUNDING_SHARE));
    const fixedC =
      EXECUTION_CENTS_PER_WEEK * weeks +
      (typeIndex === 3 ? COUPON_FEE_CENTS : 0) +
      (displaySupport ? DISPLAY_FEE_CENTS_PER_WEEK * weeks : 0) +
      (featureAd ? FEATURE_FEE_CENTS : 0);
    const cannibalizedC = Math.round(
      incrementalUnits * (1 - INCREMENTAL_SHARE) * CANNIBALIZED_MARGIN * (regularC - costC),
    );
    const incrementalMarginC = grossMarginC + fundingC - fixedC - baselineMarginC - cannibalizedC;
    const promoSpendC = markdownC - fundingC + fixedC;

    const ur = (draws[drawCount - 1] as number) * U32_TO_UNIT;
    // The row's values, in integers (cents, tenths, thousandths), handed to the sink.
    const d = draft;
    d.product = p;
    d.typeIndex = typeIndex;
    d.mechanic = mechanic;
    d.datesIndex = week * DURATIONS + durationIndex;
    d.startDay = startDay;
    d.durationDays = durationDays;
    d.status = status;
    d.displaySupport = displaySupport;
    d.featureAd = featureAd;
    d.regularC = regularC;
    d.promoC = promoC;
    d.costC = costC;
    d.discountK = Math.round(1000 * effectiveDepth);
    d.baselineUnits = baselineUnits;
    d.promoUnits = promoUnits;
    d.liftK = permille(incrementalUnits, baselineUnits);
    d.baselineRevenueC = baselineRevenueC;
    d.revenueC = revenueC;
    d.grossMarginC = grossMarginC;
    d.marginK = permille(grossMarginC, revenueC);
    d.incrementalMarginC = incrementalMarginC;
    d.promoSpendC = promoSpendC;
    d.roiK = permille(incrementalMarginC, promoSpendC);
    d.redemptionK =
      typeIndex === 0 ? 1000 : Math.round((typeIndex === 3 ? 0.03 + 0.27 * ur * ur : 0.55 + 0.4 * ur) * 1000);
    sink.row(d);
  }
  return profile;
}

/**
 * Appends the 30 promotions of store `storeNumber` to `out` and returns the store's profile.
 * Internal: the public entry points validate their arguments and call this.
 */
export function appendStorePromotions(
  ctx: GenerationContext,
  storeNumber: number,
  out: Promotion[],
): StoreProfile {
  const sink = objectSink;
  sink.out = out;
  try {
    return emitStorePromotions(ctx, storeNumber, sink);
  } finally {
    sink.out = NO_ROWS;
  }
}

/** What {@link ObjectSink} appends to between calls: nothing may be appended there. */
const NO_ROWS: Promotion[] = [];

/**
 * The row the engine hands to a sink: a store's product `product` (an index of PRODUCTS) and the row's values as
 * the engine computes them, money in integer cents, percentages in tenths (`…K` of discount, lift and margin) and
 * ratios in thousandths (`roiK`, `redemptionK`: 1000 for a TPR, whose redemption rate is 1). The promotion's
 * fields follow from them: `regularPrice = regularC / 100`, `liftPct = liftK / 10`, `roi = roiK / 1000`, …
 * ({@link buildPromotionRow}). One object, rewritten for every row: a sink must not keep it.
 */
export interface PromotionDraft {
  product: number;
  typeIndex: number;
  mechanic: string;
  /**
   * The start week and duration as one number, 0 … {@link DATES_INDEXES} - 1: with the dataset's calendar they
   * give the dates, the duration and the status, so a writer can keep their text by it.
   */
  datesIndex: number;
  startDay: number;
  durationDays: 7 | 14 | 21 | 28;
  status: Promotion['status'];
  displaySupport: boolean;
  featureAd: boolean;
  regularC: number;
  promoC: number;
  costC: number;
  discountK: number;
  baselineUnits: number;
  promoUnits: number;
  liftK: number;
  baselineRevenueC: number;
  revenueC: number;
  grossMarginC: number;
  marginK: number;
  incrementalMarginC: number;
  promoSpendC: number;
  roiK: number;
  redemptionK: number;
}

/** Where {@link emitStorePromotions} sends a store's rows: objects (the generator's rows) or bytes (formats/). */
export interface PromotionSink {
  /** Before each store's rows: the store and the dataset's calendar (dates are days; `calendar.iso` formats). */
  beginStore(profile: StoreProfile, calendar: PromotionCalendar): void;
  /** One row of the store begun last (`draft` is reused for the next row). */
  row(draft: PromotionDraft): void;
}

const draft: PromotionDraft = {
  product: 0,
  typeIndex: 0,
  mechanic: '',
  datesIndex: 0,
  startDay: 0,
  durationDays: 7,
  status: STATUS_PLANNED,
  displaySupport: false,
  featureAd: false,
  // The unit counts start as small integers, as they always are: a row's unit fields then get them as small
  // integers too (a draft field holding doubles would hand each row a number box of its own for them: ~10 % more
  // heap a row). The others only feed the shared-number tables and divisions: doubles from the first row on, so
  // that their representation never changes at the first large value.
  regularC: 0.5,
  promoC: 0.5,
  costC: 0.5,
  discountK: 0.5,
  baselineUnits: 0,
  promoUnits: 0,
  liftK: 0.5,
  baselineRevenueC: 0.5,
  revenueC: 0.5,
  grossMarginC: 0.5,
  marginK: 0.5,
  incrementalMarginC: 0.5,
  promoSpendC: 0.5,
  roiK: 0.5,
  redemptionK: 0.5,
};

/** The store a row belongs to, as {@link buildPromotionRow} needs it. */
export interface RowStore {
  idPrefix: string;
  storeId: string;
  storeName: string;
  template: Promotion['template'];
  region: Promotion['region'];
  calendar: PromotionCalendar;
}

/** Sets `target`'s store fields to the store of `profile`. */
export function setRowStore(target: RowStore, profile: StoreProfile): void {
  const { store } = profile;
  target.idPrefix = profile.idPrefix;
  target.storeId = store.storeId;
  target.storeName = store.name;
  target.template = store.template;
  target.region = store.region;
}

/**
 * The promotion of `d` in store `s`: every field set, the eight small-domain numbers pointing at shared boxes
 * (docs/decisions/0004).
 */
export function buildPromotionRow(s: RowStore, d: PromotionDraft): Promotion {
  const product = PRODUCTS[d.product] as (typeof PRODUCTS)[number];
  const calendar = s.calendar;
  const row = new PromotionRow();
  row.id = s.idPrefix + product.sku;
  row.storeId = s.storeId;
  row.storeName = s.storeName;
  row.template = s.template;
  row.region = s.region;
  row.sku = product.sku;
  row.productName = product.name;
  row.brand = product.brand;
  row.category = product.category;
  row.promoType = PROMO_TYPES[d.typeIndex] as PromoType;
  row.mechanic = d.mechanic;
  row.startDate = calendar.iso(d.startDay);
  row.endDate = calendar.iso(d.startDay + d.durationDays - 1);
  row.durationDays = d.durationDays;
  row.status = d.status;
  row.baselineUnits = d.baselineUnits;
  row.promoUnits = d.promoUnits;
  row.incrementalUnits = d.promoUnits - d.baselineUnits;
  row.baselineRevenue = d.baselineRevenueC / 100;
  row.revenue = d.revenueC / 100;
  row.incrementalRevenue = (d.revenueC - d.baselineRevenueC) / 100;
  row.grossMargin = d.grossMarginC / 100;
  row.incrementalMargin = d.incrementalMarginC / 100;
  row.promoSpend = d.promoSpendC / 100;
  row.displaySupport = d.displaySupport;
  row.featureAd = d.featureAd;
  row.regularPrice = CENTS.get(d.regularC);
  row.promoPrice = CENTS.get(d.promoC);
  row.discountPct = TENTHS.get(d.discountK);
  row.unitCost = CENTS.get(d.costC);
  row.liftPct = TENTHS.get(d.liftK);
  // The tables give 0, never the -0 that Math.round gives for tiny negatives (JSON and CSV write 0).
  row.marginPct = TENTHS.get(d.marginK);
  row.roi = THOUSANDTHS.get(d.roiK);
  row.redemptionRate = d.typeIndex === 0 ? 1 : THOUSANDTHS.get(d.redemptionK);
  return row;
}

/**
 * The 17 number fields after the dates of the promotion of `d`, in canonical order (regularPrice … roi,
 * redemptionRate), into `out`: the same doubles {@link buildPromotionRow} puts in the row (+0, never -0, from the
 * shared tables; promotion-sink.test.ts compares the two with `Object.is`). For writers that take the engine's
 * rows without objects (the server's binary COPY). (The row keeps the tables' shared boxes, so it cannot be built
 * from these doubles.)
 */
export function promotionNumbersOf(d: PromotionDraft, out: Float64Array): void {
  out[0] = CENTS.get(d.regularC);
  out[1] = CENTS.get(d.promoC);
  out[2] = TENTHS.get(d.discountK);
  out[3] = CENTS.get(d.costC);
  out[4] = d.baselineUnits;
  out[5] = d.promoUnits;
  out[6] = TENTHS.get(d.liftK);
  out[7] = d.promoUnits - d.baselineUnits;
  out[8] = d.baselineRevenueC / 100;
  out[9] = d.revenueC / 100;
  out[10] = (d.revenueC - d.baselineRevenueC) / 100;
  out[11] = d.grossMarginC / 100;
  out[12] = TENTHS.get(d.marginK);
  out[13] = d.incrementalMarginC / 100;
  out[14] = d.promoSpendC / 100;
  out[15] = THOUSANDTHS.get(d.roiK);
  out[16] = d.typeIndex === 0 ? 1 : THOUSANDTHS.get(d.redemptionK);
}

/** The generator's rows: each store's rows appended to `out` as promotion objects. */
class ObjectSink implements PromotionSink, RowStore {
  out: Promotion[] = NO_ROWS;
  idPrefix = '';
  storeId = '';
  storeName = '';
  template: Promotion['template'] = 'SUBURBAN_FAMILY';
  region: Promotion['region'] = 'NORTHEAST';
  calendar: PromotionCalendar = undefined as unknown as PromotionCalendar;

  beginStore(profile: StoreProfile, calendar: PromotionCalendar): void {
    setRowStore(this, profile);
    this.calendar = calendar;
  }

  row(d: PromotionDraft): void {
    this.out.push(buildPromotionRow(this, d));
  }
}

const objectSink = /* @__PURE__ */ new ObjectSink();

/**
 * The promotion after `extraUnits` more units sold at its promo price, by the money rules of generation (integer
 * cents; DOMAIN.md section 4): `promoUnits`, `incrementalUnits`, `liftPct`, `revenue`, `incrementalRevenue`,
 * `grossMargin` and `marginPct` follow exactly; `incrementalMargin` grows by the truly incremental share
 * (INCREMENTAL_SHARE, 45 %) of the extra units' margin; `promoSpend` stays; `roi` follows. Live updates use it.
 *
 * @example
 * const later = addPromotionUnits(promotion, 3);
 * later.promoUnits === promotion.promoUnits + 3; // true
 */
export function addPromotionUnits(row: Promotion, extraUnits: number): Promotion {
  const promoUnits = row.promoUnits + extraUnits;
  const promoC = Math.round(row.promoPrice * 100);
  const costC = Math.round(row.unitCost * 100);
  const baselineRevenueC = Math.round(row.baselineRevenue * 100);
  const revenueC = promoUnits * promoC;
  const grossMarginC = revenueC - promoUnits * costC;
  const incrementalUnits = promoUnits - row.baselineUnits;
  const incrementalMarginC =
    Math.round(row.incrementalMargin * 100) + Math.round(extraUnits * (promoC - costC) * INCREMENTAL_SHARE);
  const promoSpendC = Math.round(row.promoSpend * 100);
  return {
    ...row,
    promoUnits,
    liftPct: permille(incrementalUnits, row.baselineUnits) / 10,
    incrementalUnits,
    revenue: revenueC / 100,
    incrementalRevenue: (revenueC - baselineRevenueC) / 100,
    grossMargin: grossMarginC / 100,
    marginPct: permille(grossMarginC, revenueC) / 10,
    incrementalMargin: incrementalMarginC / 100,
    roi: promoSpendC > 0 ? permille(incrementalMarginC, promoSpendC) / 1000 : row.roi,
  };
}

/** A sink that keeps nothing: only the rows' count and a sum, so that no work can be left out. */
class CountingSink implements PromotionSink {
  rows = 0;
  sum = 0;
  beginStore(): void {}
  row(d: PromotionDraft): void {
    this.rows++;
    this.sum += d.revenueC;
  }
}

/**
 * Runs the variance engine over stores `startStore..endStore` and keeps no row (neither objects nor bytes);
 * returns how many rows it made. For benchmarks: the generation that `generatePromotionBytes` includes, so
 * that its writing can be told apart (bench/serialize.bench.mjs). Arguments as for `processBatch`.
 */
export function generateWithoutOutput(
  startStore: number,
  endStore: number,
  template: TemplateSelection | StoreTemplate = 'MIXED',
  options?: GenerationOptions | null,
): number {
  assertStoreRange(startStore, endStore);
  const ctx = createContext(template, readOptions(options, 'options'));
  const sink = new CountingSink();
  for (let s = startStore; s <= endStore; s++) emitStorePromotions(ctx, s, sink);
  return sink.rows;
}
