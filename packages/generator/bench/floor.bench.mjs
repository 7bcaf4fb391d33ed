// The retention floor at 5, 500 and 5,000 stores: rows made the way the engine makes them (same constructor shape,
// same shared and boxed numbers, a fresh id string each) but copied from already generated rows with no
// computation, and retained the same way. It is the cost of allocating, keeping and collecting the rows
// themselves, which no generator of such rows can go below. At 5,000 stores also the shared-totals floor (only the
// row object and its id are new, with how many distinct values generated rows' totals take), and the rate both
// give once the computation is added: the computation is generating new stores minus the floor at 5 stores, where
// rows die young and cost little to collect.
//
// Run:  cd packages/generator && pnpm build && node --expose-gc bench/floor.bench.mjs [--json]
// (`pnpm bench` runs it with the other benches, bench/generator.bench.mjs.)

import { formatStoreId, PROMOTIONS_PER_STORE, processBatch } from '@promoscale/generator';
import {
  dec1,
  heapPerRetained,
  inChild,
  int,
  isMain,
  main,
  measureThroughput,
  timingFor,
} from './harness.mjs';
import { measureNewStores } from './throughput.bench.mjs';

/** The store counts measured. */
export const FLOOR_SIZES = [5, 500, 5_000];
/** The size of the shared-totals floor and of the estimate built on it (see lines). */
const BOUND_STORES = 5_000;

/**
 * Rows made the way the engine makes them (src/variance/promotion-engine.ts, initRow): a constructor whose prototype
 * is Object.prototype, the eight shared-number fields starting as null (docs/decisions/0004-shared-number-boxes.md).
 * A copy of initRow on purpose: the bench uses only the public API, and the same constructor compiled from the field
 * list with `new Function` ran ~18 % slower at 5,000 stores, which would overstate the floor.
 * `moneyInit` is what the six money totals start as: 0.5 as in the engine (each row then gets a box of its own for
 * each), or null for the shared-totals floor (the fields then hold pointers to boxes shared between rows). A child
 * process uses one of the two only, so each gets the field representation it asks for.
 */
function FloorRow(moneyInit) {
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
  this.baselineRevenue = moneyInit;
  this.revenue = moneyInit;
  this.incrementalRevenue = moneyInit;
  this.grossMargin = moneyInit;
  this.marginPct = null;
  this.incrementalMargin = moneyInit;
  this.promoSpend = moneyInit;
  this.roi = null;
  this.displaySupport = false;
  this.featureAd = false;
  this.redemptionRate = null;
}
FloorRow.prototype = Object.prototype;

/**
 * The floor at `stores` stores. With `sharedTotals`, the six money totals are shared boxes as well, so that a row
 * costs its object and its id only: the least any row of this 34-field contract can cost, whatever its numbers
 * (generated rows cannot share all their totals: 150,000 of them hold 50,000-77,000 distinct values a field).
 */
function benchFloor(stores, { sharedTotals = false } = {}) {
  const pool = processBatch(1, 10, 'MIXED').promotions; // 300 generated rows to copy
  const prefixes = Array.from({ length: stores }, (_, i) => `PRM-${formatStoreId(i + 1)}-`);
  // The pool's money totals as boxes in a tagged array (it starts with a null), so that copying one copies a pointer.
  const totals = [null];
  totals.length = 0;
  for (const p of pool) {
    totals.push(
      p.baselineRevenue,
      p.revenue,
      p.incrementalRevenue,
      p.grossMargin,
      p.incrementalMargin,
      p.promoSpend,
    );
  }
  const moneyInit = sharedTotals ? null : 0.5;
  // How many distinct values a money total takes in `stores` generated stores: why generated rows cannot share them.
  const distinctTotals = sharedTotals
    ? countDistinctTotals(processBatch(1, stores, 'MIXED').promotions)
    : null;
  const copyBatch = () => {
    const out = [];
    for (let s = 0; s < stores; s++) {
      const prefix = prefixes[s];
      for (let j = 0; j < PROMOTIONS_PER_STORE; j++) {
        const k = (s * PROMOTIONS_PER_STORE + j) % pool.length;
        const p = pool[k];
        // The same heap objects as a generated row: the eight shared numbers are copied as pointers, the six
        // money totals get fresh boxes (+ s) or, with sharedTotals, are copied as pointers too; the id is a fresh
        // string.
        const row = new FloorRow(moneyInit);
        row.id = prefix + p.sku;
        row.storeId = p.storeId;
        row.storeName = p.storeName;
        row.template = p.template;
        row.region = p.region;
        row.sku = p.sku;
        row.productName = p.productName;
        row.brand = p.brand;
        row.category = p.category;
        row.promoType = p.promoType;
        row.mechanic = p.mechanic;
        row.startDate = p.startDate;
        row.endDate = p.endDate;
        row.durationDays = p.durationDays;
        row.status = p.status;
        row.regularPrice = p.regularPrice;
        row.promoPrice = p.promoPrice;
        row.discountPct = p.discountPct;
        row.unitCost = p.unitCost;
        row.baselineUnits = p.baselineUnits;
        row.promoUnits = p.promoUnits;
        row.liftPct = p.liftPct;
        row.incrementalUnits = p.incrementalUnits;
        if (sharedTotals) {
          const t = k * 6;
          row.baselineRevenue = totals[t];
          row.revenue = totals[t + 1];
          row.incrementalRevenue = totals[t + 2];
          row.grossMargin = totals[t + 3];
          row.incrementalMargin = totals[t + 4];
          row.promoSpend = totals[t + 5];
        } else {
          row.baselineRevenue = p.baselineRevenue + s;
          row.revenue = p.revenue + s;
          row.incrementalRevenue = p.incrementalRevenue + s;
          row.grossMargin = p.grossMargin + s;
          row.incrementalMargin = p.incrementalMargin + s;
          row.promoSpend = p.promoSpend + s;
        }
        row.marginPct = p.marginPct;
        row.roi = p.roi;
        row.displaySupport = p.displaySupport;
        row.featureAd = p.featureAd;
        row.redemptionRate = p.redemptionRate;
        out.push(row);
      }
    }
    return out;
  };
  const keysMatch = Object.keys(copyBatch()[0]).join() === Object.keys(pool[0]).join();
  const { bytesPerItem } = heapPerRetained(copyBatch);
  return {
    stores,
    sharedTotals,
    distinctTotals,
    keysMatch,
    ...measureThroughput(() => copyBatch().length, timingFor(stores)),
    heapBytesPerPromotion: bytesPerItem,
  };
}

/** The fewest and the most distinct values any of the six money totals takes in `rows`. */
function countDistinctTotals(rows) {
  const fields = [
    'baselineRevenue',
    'revenue',
    'incrementalRevenue',
    'grossMargin',
    'incrementalMargin',
    'promoSpend',
  ];
  const counts = fields.map((field) => new Set(rows.map((row) => row[field])).size);
  return { rows: rows.length, min: Math.min(...counts), max: Math.max(...counts) };
}

/** The floor at each of {@link FLOOR_SIZES} and the shared-totals floor, each in a fresh Node process. */
export function measure() {
  return {
    floor: FLOOR_SIZES.map((stores) => inChild(import.meta.url, '--child-floor', String(stores))),
    sharedFloor: inChild(import.meta.url, '--child-floor-shared', String(BOUND_STORES)),
  };
}

/**
 * The report's lines for the figures of {@link measure}, against generating new stores: `sizes` holds
 * throughput.bench.mjs's figures at (at least) the sizes of {@link FLOOR_SIZES}.
 */
export function lines({ floor, sharedFloor }, sizes) {
  const lines = [
    'Retention floor: rows made like the engine makes them, copied from generated ones (no computation), kept the same way',
  ];
  const nsPerRow = (perSecond) => 1e9 / perSecond;
  const generatedAt = (stores) => sizes.find((s) => s.stores === stores);
  for (const f of floor) {
    const nsFloor = nsPerRow(f.perSecond);
    const nsGenerated = nsPerRow(generatedAt(f.stores).newStores.perSecond);
    lines.push(
      `  ${int.format(f.stores)} stores: ${int.format(f.perSecond)} rows/s (${int.format(nsFloor)} ns a row, ` +
        `heap ${f.stores < 500 ? 'noisy' : `${dec1.format(f.heapBytesPerPromotion)} B/row`}, ` +
        `same keys: ${f.keysMatch ? 'yes' : 'NO'}); generating new stores costs ${int.format(nsGenerated)} ns a row, ` +
        `so ${Math.round((100 * nsFloor) / nsGenerated)}% of it is the floor`,
    );
  }
  // The computation: generating new stores minus the floor, where both are cheapest to collect (the smallest size).
  const small = floor[0];
  const nsCompute = nsPerRow(generatedAt(small.stores).newStores.perSecond) - nsPerRow(small.perSecond);
  const nsOwn = nsPerRow(floor.find((f) => f.stores === sharedFloor.stores).perSecond);
  const nsShared = nsPerRow(sharedFloor.perSecond);
  const at = int.format(sharedFloor.stores);
  const generated = generatedAt(sharedFloor.stores).newStores;
  const distinct = sharedFloor.distinctTotals;
  lines.push(
    `  ${at} stores, generating new stores: garbage collection takes ${int.format(generated.gcNsPerRow)} of ` +
      `${int.format(nsPerRow(generated.perSecond))} ns a row (main-thread pauses, PerformanceObserver)`,
    `  ${at} stores, shared totals (only the row and its id new): ${int.format(sharedFloor.perSecond)} rows/s ` +
      `(${int.format(nsShared)} ns a row, heap ${dec1.format(sharedFloor.heapBytesPerPromotion)} B/row); ` +
      `generated rows cannot share theirs: ${int.format(distinct.rows)} rows hold ` +
      `${int.format(distinct.min)}-${int.format(distinct.max)} distinct values a money total`,
    `  Estimate at ${at} stores, floor + computation (${int.format(nsCompute)} ns a row: generating new stores ` +
      `minus the floor, at ${int.format(small.stores)} stores): ${int.format(1e9 / (nsOwn + nsCompute))} rows/s ` +
      `(measured: ${int.format(generatedAt(sharedFloor.stores).newStores.perSecond)}), and ` +
      `${int.format(1e9 / (nsShared + nsCompute))} rows/s if every total were shared`,
  );
  return lines;
}

if (isMain(import.meta.url)) {
  await main({
    child: (mode, stores) => benchFloor(Number(stores), { sharedTotals: mode === 'floor-shared' }),
    run: () => ({
      ...measure(),
      sizes: FLOOR_SIZES.map((stores) => ({ stores, newStores: measureNewStores(stores) })),
    }),
    lines: (results) => lines(results, results.sizes),
  });
}
