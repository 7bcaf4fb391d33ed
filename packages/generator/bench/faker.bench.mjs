// The faker baseline: a naive @faker-js/faker generator of the same 34-field record on 50 and 500 stores' worth,
// and the ratio at each size against processBatch on new stores each call (both sides retain their rows, so both
// pay the same garbage-collection costs, and both draw new values each call).
//
// Run:  cd packages/generator && pnpm build && node --expose-gc bench/faker.bench.mjs [--json]
// (`pnpm bench` runs it with the other benches, bench/generator.bench.mjs.)

import {
  CATEGORIES,
  DEFAULT_AS_OF,
  PROMOTIONS_PER_STORE,
  processBatch,
  REGIONS,
  TEMPLATE_NAMES,
} from '@promoscale/generator';
import { dec1, inChild, int, isMain, main, measureThroughput, TIMING } from './harness.mjs';
import { measureNewStores } from './throughput.bench.mjs';

/** The store counts measured. */
export const FAKER_SIZES = [50, 500];
const DAY_MS = 86_400_000;
/** Loaded in the child process that measures faker only. */
let faker;

const PROMO_TYPES = ['TPR', 'BOGO', 'MULTI_BUY', 'COUPON', 'BUNDLE'];
const DURATIONS = [7, 14, 21, 28];
const AS_OF = new Date(`${DEFAULT_AS_OF}T00:00:00Z`);
const WINDOW_START = new Date(AS_OF.getTime() - 30 * 7 * DAY_MS);
const WINDOW_END = new Date(AS_OF.getTime() + 9 * 7 * DAY_MS);

const round = (value, digits) => Math.round(value * 10 ** digits) / 10 ** digits;
const isoDate = (date) => date.toISOString().slice(0, 10);

function fakerMechanic(promoType, discountPct, regularPrice) {
  switch (promoType) {
    case 'TPR':
      return `${Math.round(discountPct)}% off`;
    case 'BOGO':
      return 'Buy 1 Get 1 Free';
    case 'MULTI_BUY':
      return `3 for $${Math.round(3 * regularPrice * (1 - discountPct / 100))}`;
    case 'COUPON':
      return `$${((regularPrice * discountPct) / 100).toFixed(2)} off with digital coupon`;
    default:
      return `Bundle & save ${Math.round(discountPct)}%`;
  }
}

function fakerPromotion(storeNumber) {
  const storeId = `STORE_${String(storeNumber).padStart(3, '0')}`;
  const sku = `SKU${faker.string.numeric(4)}`;
  const promoType = faker.helpers.arrayElement(PROMO_TYPES);
  const regularPrice = faker.number.float({ min: 0.99, max: 24.99, fractionDigits: 2 });
  const discountPct = faker.number.float({ min: 10, max: 60, fractionDigits: 1 });
  const promoPrice = round(regularPrice * (1 - discountPct / 100), 2);
  const unitCost = faker.number.float({
    min: regularPrice * 0.4,
    max: regularPrice * 0.8,
    fractionDigits: 2,
  });
  const start = faker.date.between({ from: WINDOW_START, to: WINDOW_END });
  const durationDays = faker.helpers.arrayElement(DURATIONS);
  const end = new Date(start.getTime() + (durationDays - 1) * DAY_MS);
  const status = start > AS_OF ? 'planned' : end < AS_OF ? 'completed' : 'active';
  const baselineUnits = faker.number.int({ min: 5, max: 400 });
  const promoUnits = Math.round(baselineUnits * (1 + faker.number.float({ min: 0, max: 1.5 })));
  const incrementalUnits = promoUnits - baselineUnits;
  const displaySupport = faker.datatype.boolean();
  const featureAd = faker.datatype.boolean();
  const fundingShare = faker.number.float({ min: 0, max: 0.85, fractionDigits: 2 });

  const baselineRevenue = round(baselineUnits * regularPrice, 2);
  const revenue = round(promoUnits * promoPrice, 2);
  const grossMargin = round(revenue - promoUnits * unitCost, 2);
  const markdown = promoUnits * (regularPrice - promoPrice);
  const fixedCost = (displaySupport ? 20 * (durationDays / 7) : 0) + (featureAd ? 30 : 0);
  const incrementalMargin = round(
    grossMargin + markdown * fundingShare - fixedCost - baselineUnits * (regularPrice - unitCost),
    2,
  );
  const promoSpend = round(markdown * (1 - fundingShare) + fixedCost, 2);

  return {
    id: `PRM-${storeId}-${sku}`,
    storeId,
    storeName: faker.company.name(),
    template: faker.helpers.arrayElement(TEMPLATE_NAMES),
    region: faker.helpers.arrayElement(REGIONS),
    sku,
    productName: faker.commerce.productName(),
    brand: faker.company.name(),
    category: faker.helpers.arrayElement(CATEGORIES),
    promoType,
    mechanic: fakerMechanic(promoType, discountPct, regularPrice),
    startDate: isoDate(start),
    endDate: isoDate(end),
    durationDays,
    status,
    regularPrice,
    promoPrice,
    discountPct,
    unitCost,
    baselineUnits,
    promoUnits,
    liftPct: round((100 * incrementalUnits) / baselineUnits, 1),
    incrementalUnits,
    baselineRevenue,
    revenue,
    incrementalRevenue: round(revenue - baselineRevenue, 2),
    grossMargin,
    marginPct: round((100 * grossMargin) / revenue, 1),
    incrementalMargin,
    promoSpend,
    roi: round(incrementalMargin / promoSpend, 3),
    displaySupport,
    featureAd,
    redemptionRate: faker.number.float({ min: 0.03, max: 0.95, fractionDigits: 3 }),
  };
}

function fakerBatch(stores) {
  faker.seed(42);
  const promotions = [];
  for (let s = 1; s <= stores; s++) {
    for (let i = 0; i < PROMOTIONS_PER_STORE; i++) promotions.push(fakerPromotion(s));
  }
  return promotions;
}

function benchFaker(stores) {
  const ours = Object.keys(processBatch(1, 1, 'MIXED').promotions[0]);
  const theirs = Object.keys(fakerPromotion(1));
  const sameShape = ours.length === theirs.length && ours.every((key, i) => key === theirs[i]);
  return {
    stores,
    fields: theirs.length,
    sameShape,
    ...measureThroughput(() => fakerBatch(stores).length, TIMING),
  };
}

/** The faker figures at each of {@link FAKER_SIZES}, each in a fresh Node process. */
export const measure = () =>
  FAKER_SIZES.map((stores) => inChild(import.meta.url, '--child-faker', String(stores)));

/**
 * promoscale / faker at each size of `fakerResults`, against processBatch on new stores each call (the faker
 * baseline draws new values each call too); `sizes` holds throughput.bench.mjs's figures at the same sizes.
 */
export function fakerRatios(fakerResults, sizes) {
  return fakerResults.map((fk) => ({
    stores: fk.stores,
    ratio: sizes.find((s) => s.stores === fk.stores).newStores.perSecond / fk.perSecond,
  }));
}

/** The report's lines for the figures of {@link measure}, against throughput.bench.mjs's `sizes`. */
export function lines(fakerResults, sizes) {
  const ratios = fakerRatios(fakerResults, sizes);
  const lines = [
    `Faker baseline (record: ${fakerResults[0].fields} fields, same keys as Promotion: ${fakerResults[0].sameShape ? 'yes' : 'NO'})`,
  ];
  fakerResults.forEach((fk, i) => {
    const records = int.format(fk.stores * PROMOTIONS_PER_STORE);
    lines.push(
      `  ${int.format(fk.stores)} stores' worth (${records} records a call): ${int.format(fk.perSecond)} promotions/s ` +
        `(median call ${int.format(fk.medianPerSecond)}/s, ${fk.calls} calls); ` +
        `promoscale / faker ${dec1.format(ratios[i].ratio)}x`,
    );
  });
  return lines;
}

if (isMain(import.meta.url)) {
  await main({
    child: async (_mode, stores) => {
      ({ faker } = await import('@faker-js/faker'));
      return benchFaker(Number(stores));
    },
    run: () => ({
      faker: measure(),
      sizes: FAKER_SIZES.map((stores) => ({ stores, newStores: measureNewStores(stores) })),
    }),
    lines: (results) => lines(results.faker, results.sizes),
  });
}
