// The variance engine: one store's 30 promotions from its own PRNG stream. This is the hot path (millions of
// promotions a second), so it works in integer cents, shares every repeated string, formats no date and builds
// each row as one object literal of a fixed shape. The model is documented in the package README ("How the
// numbers are made") and its targets in REALISM.md.
import { FIRST_WEEK, LAST_WEEK } from '../calendar/promotion-calendar.js';
import { PRODUCTS } from '../catalog/products.js';
import type { GenerationContext } from '../dataset-spec.js';
import { detExp } from '../random/det-math.js';
import { Sfc32 } from '../random/prng.js';
import { buildStoreProfile, type StoreProfile } from '../stores/create-store.js';
import { groupTemplates, TEMPLATE_NAMES } from '../templates/group-templates.js';
import type { PromoType, Promotion, PromotionStatus } from '../types.js';
import { seasonalIndex } from './seasonality.js';

/** Every store promotes exactly this many base products. */
export const PROMOTIONS_PER_STORE = 30;

const PRODUCT_COUNT = PRODUCTS.length;
/** How much more often a template promotes the categories it tilts to. */
const TILT_WEIGHT = 3;

/**
 * The promotion mechanics (temporary price reduction, buy-one-get-one, multi-buy, coupon, bundle), in the order
 * the engine draws them: its mix and per-mechanic lift and funding figures are indexed in this order.
 */
export const PROMO_TYPES = [
  'TPR',
  'BOGO',
  'MULTI_BUY',
  'COUPON',
  'BUNDLE',
] as const satisfies readonly PromoType[];

/** The statuses of a promotion against the dataset's `asOf`: starts after it, runs over it, ended before it. */
export const PROMOTION_STATUSES = [
  'planned',
  'active',
  'completed',
] as const satisfies readonly PromotionStatus[];

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
const BOGO_MECHANIC = 'Buy 1 Get 1 Free';

// Per template: a pool of product indices where tilted categories appear TILT_WEIGHT times.
const POOLS: Uint16Array[] = TEMPLATE_NAMES.map((name) => {
  const tilt = new Set<string>(groupTemplates[name].categoryTilt);
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
        groupTemplates[name].seasonality,
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

function dollars(cents: number): string {
  return cents % 100 === 0 ? `$${cents / 100}` : `$${(cents / 100).toFixed(2)}`;
}

const rng = new Sfc32();
const chosen = new Uint32Array(PRODUCT_COUNT);
let stamp = 0;

/**
 * Appends the 30 promotions of store `storeNumber` to `out` and returns the store's profile.
 * Internal: the public entry points validate their arguments and call this.
 */
export function appendStorePromotions(
  ctx: GenerationContext,
  storeNumber: number,
  out: Promotion[],
): StoreProfile {
  const profile = buildStoreProfile(ctx, storeNumber, rng);
  const { store, template, templateIndex, trafficFactor, priceFactor, idPrefix } = profile;
  const calendar = ctx.calendar;
  const asOfDay = calendar.asOfDay;
  const storeId = store.storeId;
  const storeName = store.name;
  const templateName = store.template;
  const region = store.region;
  const priceIndex = template.priceIndex * priceFactor;
  const baseFactor = template.traffic * trafficFactor;
  const sensitivity = template.promoSensitivity;
  const cv = template.variance;
  const liftSigma = Math.sqrt(LIFT_SIGMA * LIFT_SIGMA + cv * cv);

  // Choose 30 distinct products by the template's tilt; scanning the marks afterwards keeps SKU order.
  const pool = POOLS[templateIndex] as Uint16Array;
  stamp = (stamp + 1) >>> 0;
  if (stamp === 0) {
    chosen.fill(0);
    stamp = 1;
  }
  for (let picked = 0; picked < PROMOTIONS_PER_STORE; ) {
    const idx = pool[rng.int(pool.length)] as number;
    if (chosen[idx] !== stamp) {
      chosen[idx] = stamp;
      picked++;
    }
  }

  for (let p = 0; p < PRODUCT_COUNT; p++) {
    if (chosen[p] !== stamp) continue;
    const product = PRODUCTS[p] as (typeof PRODUCTS)[number];

    // Shelf price: catalog × template index × store factor, with a .x9 price ending.
    let regularC = Math.round((PRODUCT_PRICE_CENTS[p] as number) * priceIndex);
    regularC = regularC - (regularC % 10) + 9;
    const costC = PRODUCT_COST_CENTS[p] as number;

    // Mechanic and depth.
    const ut = rng.next();
    let typeIndex = 0;
    while (ut >= (PROMO_TYPE_CUMULATIVE[typeIndex] as number)) typeIndex++;
    const ub = rng.next();
    let band = 0;
    while (ub >= (DEPTH_BAND_CUMULATIVE[band] as number)) band++;
    const depth = 0.1 + 0.1 * band + 0.1 * rng.next();
    const styleDraw = rng.next();
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
          mechanic = pricePoint.get(charmC) ?? remember(pricePoint, charmC, `Now ${dollars(charmC)}`);
        } else {
          promoC = Math.round((regularC * (100 - pct)) / 100);
          mechanic = percentOff.get(pct) ?? remember(percentOff, pct, `${pct}% off`);
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
        mechanic = multiBuy.get(key) ?? remember(multiBuy, key, `${n} for ${dollars(totalC)}`);
        break;
      }
      case 3: {
        // Coupon: a value rounded to a quarter.
        let valueC = Math.max(25, Math.round((regularC * depth) / 25) * 25);
        if (valueC >= regularC) valueC = Math.max(1, regularC - 25);
        promoC = regularC - valueC;
        mechanic =
          couponOff.get(valueC) ?? remember(couponOff, valueC, `${dollars(valueC)} off with digital coupon`);
        break;
      }
      default: {
        const pct = Math.floor(depth * 20) * 5;
        promoC = Math.round((regularC * (100 - pct)) / 100);
        mechanic = bundleOff.get(pct) ?? remember(bundleOff, pct, `Bundle & save ${pct}%`);
      }
    }
    if (promoC < 1) promoC = 1;

    // Calendar: durations 1/2/3/4 weeks at 40/30/15/15%, start weeks uniform around asOf.
    const ud = rng.next();
    const durationIndex = ud < 0.4 ? 0 : ud < 0.7 ? 1 : ud < 0.85 ? 2 : 3;
    const weeks = durationIndex + 1;
    const durationDays = (weeks * 7) as 7 | 14 | 21 | 28;
    const startDay = calendar.weekStart(FIRST_WEEK + rng.int(LAST_WEEK - FIRST_WEEK + 1));
    const endDay = startDay + durationDays - 1;
    const status = startDay > asOfDay ? STATUS_PLANNED : endDay < asOfDay ? STATUS_COMPLETED : STATUS_ACTIVE;

    // Merchandising support.
    const displaySupport = rng.next() < DISPLAY_PROBABILITY;
    const featureAd = rng.next() < FEATURE_PROBABILITY;

    // Baseline units: catalog rate × traffic × season × weeks, lognormal noise of the template's cv.
    const season = SEASON[(templateIndex * PRODUCT_COUNT + p) * 12 + calendar.month(startDay + 3)] as number;
    const baselineMean = product.baseWeeklyUnits * baseFactor * season * weeks;
    let baselineUnits = Math.round(baselineMean * detExp(cv * rng.normal()));
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
      detExp(liftSigma * rng.normal());
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
      : (VENDOR_FUNDING[typeIndex] as number) - 0.15 + 0.3 * rng.next();
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

    const ur = rng.next();
    const redemptionRate =
      typeIndex === 0
        ? 1
        : typeIndex === 3
          ? Math.round((0.03 + 0.27 * ur * ur) * 1000) / 1000
          : Math.round((0.55 + 0.4 * ur) * 1000) / 1000;

    out.push({
      id: idPrefix + product.sku,
      storeId,
      storeName,
      template: templateName,
      region,
      sku: product.sku,
      productName: product.name,
      brand: product.brand,
      category: product.category,
      promoType: PROMO_TYPES[typeIndex] as PromoType,
      mechanic,
      startDate: calendar.iso(startDay),
      endDate: calendar.iso(endDay),
      durationDays,
      status,
      regularPrice: regularC / 100,
      promoPrice: promoC / 100,
      discountPct: Math.round(1000 * effectiveDepth) / 10,
      unitCost: costC / 100,
      baselineUnits,
      promoUnits,
      liftPct: Math.round((1000 * incrementalUnits) / baselineUnits) / 10,
      incrementalUnits,
      baselineRevenue: baselineRevenueC / 100,
      revenue: revenueC / 100,
      incrementalRevenue: (revenueC - baselineRevenueC) / 100,
      grossMargin: grossMarginC / 100,
      // `+ 0` turns the -0 that Math.round gives for tiny negatives into 0, as JSON and CSV write it.
      marginPct: Math.round((1000 * grossMarginC) / revenueC) / 10 + 0,
      incrementalMargin: incrementalMarginC / 100,
      promoSpend: promoSpendC / 100,
      roi: Math.round((1000 * incrementalMarginC) / promoSpendC) / 1000 + 0,
      displaySupport,
      featureAd,
      redemptionRate,
    });
  }
  return profile;
}
