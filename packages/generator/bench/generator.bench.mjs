// Benchmark of @promoscale/generator (the BUILT package, imported by its own name).
//
// Measures, in this run:
//   1. processBatch(1, n, 'MIXED') for n = 5 … 5,000 stores: promotions/s (total and median call), the same
//      with new stores each call (processBatch(1, n), then (n + 1, 2n), …) and its garbage-collection pauses per
//      row, heap bytes per retained promotion, JSON bytes per promotion.
//   2. storeDataIterator(100000, 100, 'MIXED') streamed (3,000,000 promotions) in a fresh child process:
//      promotions/s, RSS at start and peak RSS.
//   3. A naive @faker-js/faker generator of the same 34-field record on 50 and 500 stores' worth, and the
//      ratio at each size against new stores each call (both sides retain their rows, so both pay the same
//      garbage-collection costs, and both draw new values each call).
//   4. The retention floor at 5, 500 and 5,000 stores: rows made the way the engine makes them (same constructor
//      shape, same shared and boxed numbers, a fresh id string each) but copied from already generated rows with
//      no computation, and retained the same way. It is the cost of allocating, keeping and collecting the rows
//      themselves, which no generator of such rows can go below. At 5,000 stores also the shared-totals floor
//      (only the row object and its id are new, with how many distinct values generated rows' totals take), and
//      the rate both give once the computation is added: the computation is generating new stores minus the floor
//      at 5 stores, where rows die young and cost little to collect.
//   5. Writers as users run them (chunks of lines encoded to UTF-8): promotionToCsvLine against the first
//      release's CSV writer, and promotionToNdjsonLine (JSON.stringify), on 60,000 generated rows.
//   6. Object mode in headless Chromium (bench/chromium.mjs): 5, 50, 500 and 5,000 stores, the same stores again
//      and new stores each call, and heap bytes per kept promotion at 5,000 stores. Skipped, with the reason, when
//      Chromium cannot be launched, or with --no-chromium.
//   7. A summary against the targets. Informational only: it never asserts, a slow result exits 0.
//
// Run:  cd packages/generator && npx tsup && pnpm bench
//       (or: node --expose-gc bench/generator.bench.mjs); add --json for one JSON object of the results.
// MB in this report are 10^6 bytes.

import { spawnSync } from 'node:child_process';
import os from 'node:os';
import { PerformanceObserver, performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import v8 from 'node:v8';
import vm from 'node:vm';
import {
  CATEGORIES,
  DEFAULT_AS_OF,
  formatStoreId,
  PROMOTION_FIELDS,
  PROMOTIONS_PER_STORE,
  processBatch,
  promotionToCsvLine,
  promotionToNdjsonLine,
  REGIONS,
  storeDataIterator,
  TEMPLATE_NAMES,
} from '@promoscale/generator';
import { benchChromium } from './chromium.mjs';

const SIZES = [5, 10, 25, 50, 500, 5_000];
const FAKER_SIZES = [50, 500];
const FLOOR_SIZES = [5, 500, 5_000];
const CHROMIUM_SIZES = [5, 50, 500, 5_000];
/** The size of the shared-totals floor and of the estimate built on it (see floorLines). */
const BOUND_STORES = 5_000;
const STREAM_STORES = 100_000;
const STREAM_CHUNK = 100;
const TIMING = { warmupMs: 300, minMs: 1_000, minCalls: 5 };
/** At 5,000 stores a call takes ~80 ms and its garbage collections vary: measured longer, for ~30 calls. */
const LONG_TIMING = { warmupMs: 500, minMs: 2_500, minCalls: 5 };
const timingFor = (stores) => (stores >= 5_000 ? LONG_TIMING : TIMING);
const TARGETS = {
  promotionsPerSecond: 2_000_000,
  fakerRatio: 30,
  heapBytesPerPromotion: 650,
  streamPeakRssMb: 150,
};
const MB = 1e6;
const DAY_MS = 86_400_000;

const gc = globalThis.gc ?? exposeGc();
/** Loaded by the parent only (main), so that the streaming child's RSS holds no faker. */
let faker;

/** Lets `node bench/generator.bench.mjs` work without --expose-gc. */
function exposeGc() {
  v8.setFlagsFromString('--expose-gc');
  return vm.runInNewContext('gc');
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/**
 * Calls `fn` (which returns how many items it produced) for `warmupMs`, then again until both `minMs` have
 * passed and `minCalls` calls were made. Returns items/s over the whole measured time and the median
 * single-call rate.
 */
function measureThroughput(fn, { warmupMs, minMs, minCalls }) {
  const warmupEnd = performance.now() + warmupMs;
  do fn();
  while (performance.now() < warmupEnd);

  const callRates = [];
  let items = 0;
  let elapsed = 0;
  const started = performance.now();
  while (elapsed < minMs || callRates.length < minCalls) {
    const t0 = performance.now();
    const n = fn();
    const t1 = performance.now();
    items += n;
    callRates.push((n * 1000) / Math.max(t1 - t0, 1e-3));
    elapsed = t1 - started;
  }
  return {
    calls: callRates.length,
    items,
    ms: elapsed,
    perSecond: (items * 1000) / elapsed,
    medianPerSecond: median(callRates),
  };
}

/** Heap growth per element of the array `fn` returns, with the array kept alive across a full GC. */
function heapPerRetained(fn) {
  gc();
  gc();
  const before = process.memoryUsage().heapUsed;
  const kept = fn();
  gc();
  gc();
  const after = process.memoryUsage().heapUsed;
  return { kept, bytesPerItem: (after - before) / kept.length };
}

function jsonBytesPerPromotion(promotions) {
  return Buffer.byteLength(JSON.stringify(promotions)) / promotions.length;
}

function benchStores(stores) {
  const throughput = measureThroughput(
    () => processBatch(1, stores, 'MIXED').promotions.length,
    timingFor(stores),
  );
  const { kept, bytesPerItem } = heapPerRetained(() => processBatch(1, stores, 'MIXED').promotions);
  return {
    stores,
    promotions: kept.length,
    ...throughput,
    heapBytesPerPromotion: bytesPerItem,
    jsonBytesPerPromotion: jsonBytesPerPromotion(kept),
  };
}

/**
 * processBatch over new stores each call: each call takes the next range (1-5, 6-10, …, wrapping at 100,000, so a
 * store comes back at most every 100,000 stores). Calling processBatch(1, n) again and again replays the same draws, so for small n the
 * CPU learns the branches and keeps the few table entries in cache: 5 stores measured ~1.9x faster that way than
 * with new stores each call, which is what an application paging through stores sees.
 */
async function benchNewStores(stores) {
  let start = 1;
  const pauses = [];
  const observer = new PerformanceObserver((list) => pauses.push(...list.getEntries()));
  observer.observe({ entryTypes: ['gc'] });
  const throughput = measureThroughput(() => {
    const count = processBatch(start, start + stores - 1, 'MIXED').promotions.length;
    start += stores;
    if (start + stores - 1 > 100_000) start = 1;
    return count;
  }, timingFor(stores));
  const measuredFrom = performance.now() - throughput.ms;
  // The observer hears of a collection on a later turn of the event loop.
  await new Promise((resolve) => setTimeout(resolve, 50));
  observer.disconnect();
  const gcMs = pauses
    .filter((entry) => entry.startTime >= measuredFrom)
    .reduce((sum, entry) => sum + entry.duration, 0);
  return { stores, ...throughput, gcNsPerRow: (gcMs * 1e6) / throughput.items };
}

// --- Retention floor: rows copied, not computed. ---

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

// --- Writers: the field-by-field NDJSON and CSV writers against the built-in conversions they replace. ---

/** The CSV writer of the first release: String() per field, the line built with `+=`. */
function ropeCsvLine(row) {
  let line = '';
  for (let i = 0; i < PROMOTION_FIELDS.length; i++) {
    const value = row[PROMOTION_FIELDS[i]];
    if (i > 0) line += ',';
    line +=
      typeof value === 'string' && /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : String(value);
  }
  return line;
}

/**
 * Writers as their users run them: chunks of 3,000 rows (100 stores) turned into one text of lines and encoded to
 * UTF-8 bytes, as the CLI and the export route do, so that a writer is billed for the string it hands on.
 */
function benchWriters() {
  const chunks = [];
  for (let start = 1; start <= 2_000; start += 100)
    chunks.push(processBatch(start, start + 99, 'MIXED').promotions);
  const writers = [
    ['promotionToCsvLine', promotionToCsvLine],
    ['CSV, first release', ropeCsvLine],
    ['promotionToNdjsonLine', promotionToNdjsonLine],
  ];
  const same = chunks.every((rows) => rows.every((row) => promotionToCsvLine(row) === ropeCsvLine(row)));
  const results = writers.map(([name, write]) => {
    let bytes = 0;
    const rate = measureThroughput(() => {
      let rows = 0;
      bytes = 0;
      for (const chunk of chunks) {
        let text = '';
        for (const row of chunk) text += `${write(row)}\n`;
        bytes += Buffer.from(text).length;
        rows += chunk.length;
      }
      return rows;
    }, TIMING);
    return { name, perSecond: rate.perSecond, bytesPerRow: bytes / (chunks.length * 3_000) };
  });
  return { rows: chunks.length * 3_000, same, results };
}

// --- Faker baseline: the same 34-field record, written as a typical user would. ---

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

// --- Streaming, in a child process so its peak RSS is the streaming's alone. ---

function streamRun() {
  const rssAtStart = process.memoryUsage().rss;
  let promotions = 0;
  let revenue = 0;
  const started = performance.now();
  for (const chunk of storeDataIterator(STREAM_STORES, STREAM_CHUNK, 'MIXED')) {
    for (const promotion of chunk.promotions) revenue += promotion.revenue;
    promotions += chunk.promotions.length;
  }
  const ms = performance.now() - started;
  return {
    stores: STREAM_STORES,
    chunkSize: STREAM_CHUNK,
    promotions,
    ms,
    perSecond: (promotions * 1000) / ms,
    revenueChecksum: Math.round(revenue),
    rssAtStartBytes: rssAtStart,
    peakRssBytes: process.resourceUsage().maxRSS * 1024,
  };
}

/** Runs this file with `args` in a fresh Node process and returns the JSON it prints. */
function inChild(...args) {
  const argv = [...process.execArgv, fileURLToPath(import.meta.url), ...args];
  const child = spawnSync(process.execPath, argv, { encoding: 'utf8' });
  if (child.status !== 0) {
    throw new Error(`child ${args.join(' ')} failed (${child.status ?? child.signal}):\n${child.stderr}`);
  }
  return JSON.parse(child.stdout);
}

function benchStream() {
  return inChild('--stream');
}

// --- Report. ---

function environment() {
  const cpus = os.cpus();
  return { node: process.version, cpus: cpus.length, cpuModel: cpus[0]?.model.trim() ?? 'unknown' };
}

function check(name, value, op, target) {
  return { name, value, op, target, meets: op === '>=' ? value >= target : value <= target };
}

function summarize(sizes, fakerResults, stream) {
  const at = (stores) => sizes.find((s) => s.stores === stores);
  // Against new stores each call: the faker baseline draws new values each call too.
  const fakerRatios = fakerResults.map((fk) => ({
    stores: fk.stores,
    ratio: at(fk.stores).newStores.perSecond / fk.perSecond,
  }));
  const peakRssMb = stream.peakRssBytes / MB;
  // The lower of the two figures of a size: the same stores again, or new stores each call.
  const rate = (stores) =>
    check(
      `promotions/s, object mode, ${int.format(stores)} stores`,
      Math.min(at(stores).perSecond, at(stores).newStores.perSecond),
      '>=',
      TARGETS.promotionsPerSecond,
    );
  return {
    fakerRatios,
    targets: [
      rate(50),
      rate(500),
      rate(5_000),
      ...fakerRatios.map(({ stores, ratio }) =>
        check(`promoscale / faker at ${int.format(stores)} stores`, ratio, '>=', TARGETS.fakerRatio),
      ),
      check(
        'heap bytes / retained promotion, 5,000 stores',
        at(5_000).heapBytesPerPromotion,
        '<=',
        TARGETS.heapBytesPerPromotion,
      ),
      check('peak RSS (MB) streaming 3M promotions', peakRssMb, '<=', TARGETS.streamPeakRssMb),
    ],
  };
}

const int = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const dec1 = new Intl.NumberFormat('en-US', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const mb = (bytes) => dec1.format(bytes / MB);
const row = (cells) => `  ${cells.map((cell) => String(cell).padStart(14)).join('')}`;

function objectModeLines(sizes) {
  const header = [
    'stores',
    'promotions',
    'promotions/s',
    'median call/s',
    'calls',
    'new stores/s',
    'gc ns/row',
    'heap B/promo',
    'JSON B/promo',
  ];
  const title =
    "Object mode: processBatch(1, n, 'MIXED'), each size in a fresh process, warm-up 0.3 s then >= 1 s of calls " +
    '(5,000 stores: 0.5 s, 2.5 s)';
  const note =
    '  promotions/s: processBatch(1, n) again and again; new stores/s: each call the next n stores (1-n, n+1-2n, ...);\n' +
    '  gc ns/row: main-thread garbage-collection pauses of the new-stores run (PerformanceObserver), per row';
  const lines = [title, note, row(header)];
  for (const s of sizes) {
    const counts = [
      s.stores,
      s.promotions,
      s.perSecond,
      s.medianPerSecond,
      s.calls,
      s.newStores.perSecond,
      s.newStores.gcNsPerRow,
    ].map(int.format);
    const bytes = [s.heapBytesPerPromotion, s.jsonBytesPerPromotion].map(dec1.format);
    lines.push(row([...counts, ...bytes]) + (s.stores < 500 ? '  (heap figure noisy)' : ''));
  }
  return lines;
}

function streamLines(stream) {
  const { stores, chunkSize, promotions, ms, perSecond, revenueChecksum } = stream;
  return [
    `Streaming: storeDataIterator(${int.format(stores)}, ${chunkSize}, 'MIXED') in a child process`,
    `  ${int.format(promotions)} promotions in ${int.format(ms)} ms: ${int.format(perSecond)} promotions/s`,
    `  RSS at start ${mb(stream.rssAtStartBytes)} MB, peak RSS ${mb(stream.peakRssBytes)} MB`,
    `  (revenue checksum $${int.format(revenueChecksum)})`,
  ];
}

function fakerLines(fakerResults, fakerRatios) {
  const lines = [
    `Faker baseline (record: ${fakerResults[0].fields} fields, same keys as Promotion: ${fakerResults[0].sameShape ? 'yes' : 'NO'})`,
  ];
  fakerResults.forEach((fk, i) => {
    const records = int.format(fk.stores * PROMOTIONS_PER_STORE);
    lines.push(
      `  ${int.format(fk.stores)} stores' worth (${records} records a call): ${int.format(fk.perSecond)} promotions/s ` +
        `(median call ${int.format(fk.medianPerSecond)}/s, ${fk.calls} calls); ` +
        `promoscale / faker ${dec1.format(fakerRatios[i].ratio)}x`,
    );
  });
  return lines;
}

function summaryLines(summary, env, totalMs) {
  const lines = ['Summary against targets (informational only)'];
  for (const t of summary.targets) {
    const figure = (t.value >= 1_000 ? int.format(t.value) : dec1.format(t.value)).padStart(12);
    const target = `${t.op} ${int.format(t.target)}`.padEnd(13);
    lines.push(`  ${t.name.padEnd(46)}${figure}  target ${target}${t.meets ? 'meets' : 'misses'}`);
  }
  lines.push(`  Node ${env.node}, os.cpus().length ${env.cpus}, CPU ${env.cpuModel}`);
  lines.push(`  bench took ${dec1.format(totalMs / 1000)} s`);
  return lines;
}

function floorLines(floor, sharedFloor, sizes) {
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

function writerLines(writers) {
  const lines = [
    `Writers, ${int.format(writers.rows)} rows in chunks of 3,000 encoded to UTF-8 (CSV identical to the first release's: ${writers.same ? 'yes' : 'NO'})`,
  ];
  for (const w of writers.results) {
    lines.push(
      `  ${w.name.padEnd(28)} ${int.format(w.perSecond).padStart(10)} rows/s  ${dec1.format(w.bytesPerRow)} B/row`,
    );
  }
  return lines;
}

function chromiumLines(chromium) {
  if (chromium.skipped) return [`Chromium: skipped (${chromium.skipped})`];
  const lines = [
    `Chromium ${chromium.version} (headless, pointer compression): object mode, each size and mode in a page of its own`,
    row(['stores', 'promotions/s', 'calls', 'new stores/s', 'calls', 'heap B/promo']),
  ];
  for (const s of chromium.sizes) {
    const heap = s.heapBytesPerPromotion === undefined ? '' : dec1.format(s.heapBytesPerPromotion);
    lines.push(
      row(
        [s.stores, s.perSecond, s.calls, s.newStores.perSecond, s.newStores.calls]
          .map(int.format)
          .concat(heap),
      ),
    );
  }
  return lines;
}

function printReport({
  env,
  sizes,
  faker: fk,
  floor,
  sharedFloor,
  writers,
  stream,
  chromium,
  summary,
  totalMs,
}) {
  const title = `@promoscale/generator benchmark (Node ${env.node}, ${env.cpus} CPUs, ${env.cpuModel})`;
  const sections = [
    [title],
    objectModeLines(sizes),
    streamLines(stream),
    fakerLines(fk, summary.fakerRatios),
    floorLines(floor, sharedFloor, sizes),
    writerLines(writers),
    chromiumLines(chromium),
    summaryLines(summary, env, totalMs),
  ];
  console.log(sections.map((lines) => lines.join('\n')).join('\n\n'));
}

async function main() {
  const started = performance.now();
  const sizes = SIZES.map((stores) => ({
    ...inChild('--stores', String(stores)),
    newStores: inChild('--new-stores', String(stores)),
  }));
  const fakerResults = FAKER_SIZES.map((stores) => inChild('--faker', String(stores)));
  const floor = FLOOR_SIZES.map((stores) => inChild('--floor', String(stores)));
  const sharedFloor = inChild('--floor-shared', String(BOUND_STORES));
  const writers = inChild('--writers');
  const stream = benchStream();
  const chromium = process.argv.includes('--no-chromium')
    ? { skipped: '--no-chromium' }
    : await benchChromium(CHROMIUM_SIZES, timingFor);
  const results = {
    env: environment(),
    targets: TARGETS,
    sizes,
    faker: fakerResults,
    floor,
    sharedFloor,
    writers,
    stream,
    chromium,
    summary: summarize(sizes, fakerResults, stream),
    totalMs: performance.now() - started,
  };
  if (process.argv.includes('--json')) console.log(JSON.stringify(results, null, 2));
  else printReport(results);
}

// Child modes: each measurement runs in a fresh process, because V8's garbage-collection heuristics (allocation-site
// pretenuring) carry over from one batch size to the next: 500-store batches measured right after smaller ones ran
// ~1.8x faster than in a process of their own, which is what an application calling processBatch sees.
const childMode = process.argv[2];
if (childMode === '--stream') console.log(JSON.stringify(streamRun()));
else if (childMode === '--stores') console.log(JSON.stringify(benchStores(Number(process.argv[3]))));
else if (childMode === '--new-stores')
  console.log(JSON.stringify(await benchNewStores(Number(process.argv[3]))));
else if (childMode === '--writers') console.log(JSON.stringify(benchWriters()));
else if (childMode === '--floor') console.log(JSON.stringify(benchFloor(Number(process.argv[3]))));
else if (childMode === '--floor-shared')
  console.log(JSON.stringify(benchFloor(Number(process.argv[3]), { sharedTotals: true })));
else if (childMode === '--faker') {
  ({ faker } = await import('@faker-js/faker'));
  console.log(JSON.stringify(benchFaker(Number(process.argv[3]))));
} else await main();
