import {
  createStore,
  DEFAULT_SEED,
  PROMOTIONS_PER_STORE,
  PromoscaleError,
  processBatch,
  TEMPLATE_NAMES,
  type TemplateName,
} from '@promoscale/generator';
import { median, readOptions, validateSeed, yieldToEventLoop } from '@promoscale/generator/internal';
import { type MemoryEnvironment, readMemory } from '../monitoring/read-memory.js';
import { DEFAULT_CALIBRATION, type ScalingCalibration, type ThroughputPoint } from './default-calibration.js';
import { measureDataset, resolveGc, resolveMeasureOptions, retainedHeapBytes } from './measure-dataset.js';
import { utf8Length } from './size-model.js';
import { assertRuns, assertStoreCount } from './store-count.js';

/** Options of {@link calibrate}. */
export interface CalibrateOptions {
  /** Store counts whose generation and parse are timed (each held in memory while timed). @default [10, 100, 500, 1000] */
  stores?: readonly number[] | undefined;
  /** Stores generated per template to measure JSON bytes exactly. @default 200 */
  jsonStores?: number | undefined;
  /** Stores (names and regions only, no promotions) sampled per template for the store-text term. @default 2000 */
  storeTextSample?: number | undefined;
  /** Stores generated to measure heap per promotion. @default 500 */
  heapStores?: number | undefined;
  /** Timed runs (after a warm-up) and heap readings per measurement; medians are kept. @default 3 */
  runs?: number | undefined;
  /** @default 42 */
  seed?: number | string | undefined;
  /** A full GC for heap readings. @default globalThis.gc when exposed */
  gc?: (() => void) | undefined;
  /** Stops between measurements, rejecting with the signal's reason. */
  signal?: AbortSignal | undefined;
  /** Where memory is read. @default globalThis */
  memoryEnvironment?: MemoryEnvironment | undefined;
}

/** The runtime's name: `node v20.20.2`, `bun 1.1.0`, `deno 2.0.0`, a user agent, or `unknown`. */
export function describeRuntime(): string {
  const g = globalThis as {
    Bun?: { version: string } | undefined;
    Deno?: { version: { deno: string } } | undefined;
    process?: { versions?: { node?: string } } | undefined;
    navigator?: { userAgent?: string } | undefined;
  };
  if (g.Bun) return `bun ${g.Bun.version}`;
  if (g.Deno) return `deno ${g.Deno.version.deno}`;
  if (g.process?.versions?.node) return `node v${g.process.versions.node}`;
  return g.navigator?.userAgent ?? 'unknown';
}

const round = (value: number, digits: number) => Math.round(value * 10 ** digits) / 10 ** digits;

async function step(signal: AbortSignal | undefined): Promise<void> {
  signal?.throwIfAborted();
  await yieldToEventLoop();
  signal?.throwIfAborted();
}

/** Per-promotion JSON bytes of a template without the store text, measured on `stores` stores. */
function templateJsonBytes(template: TemplateName, stores: number, seed: number | string): number {
  const rows = processBatch(1, stores, template, { seed }).promotions;
  let storeBytes = 0;
  for (const row of rows) {
    storeBytes += utf8Length(row.storeName) + utf8Length(row.region) + 2 * utf8Length(row.storeId);
  }
  const total = utf8Length(JSON.stringify(rows));
  return (total - 2 - (rows.length - 1) - storeBytes) / rows.length;
}

/** Mean bytes of a store's name without its number, plus its region, over `sample` stores. */
function templateStoreText(template: TemplateName, sample: number, seed: number | string): number {
  let bytes = 0;
  for (let s = 1; s <= sample; s++) {
    const store = createStore(s, { seed, templates: template });
    bytes += utf8Length(store.name) - String(s).length + utf8Length(store.region);
  }
  return bytes / sample;
}

/**
 * Re-measures the estimate's constants on the current runtime and returns them in the shape of
 * `DEFAULT_CALIBRATION`: JSON bytes exactly; heap per promotion with `process.memoryUsage()` or
 * `performance.memory` around a full GC (only where `gc` is exposed, else the default, said in `sources.heap` and
 * `notes`); generation and `JSON.parse` throughput by timing `processBatch` and `JSON.parse` warm. Yields to the
 * event loop between measurements (a page stays responsive) and stops when `options.signal` aborts. Takes about
 * a second with the defaults.
 *
 * @example
 * const calibration = await calibrate({ signal: AbortSignal.timeout(10_000) });
 * const estimate = estimateDatasetSize(200, { calibration });
 */
export async function calibrate(optionsArg?: CalibrateOptions | null): Promise<ScalingCalibration> {
  const options = readOptions(optionsArg, 'options');
  const stores = options.stores ?? [10, 100, 500, 1000];
  const jsonStores = options.jsonStores ?? 200;
  const storeTextSample = options.storeTextSample ?? 2_000;
  const heapStores = options.heapStores ?? 500;
  const runs = options.runs ?? 3;
  const seed = validateSeed(options.seed ?? DEFAULT_SEED, 'options.seed');
  if (!Array.isArray(stores) || stores.length === 0) {
    throw new PromoscaleError(
      'INVALID_STORE_COUNT',
      'options.stores',
      stores,
      'a non-empty array of store counts',
    );
  }
  for (const [i, n] of stores.entries()) assertStoreCount(n, `options.stores[${i}]`);
  assertStoreCount(jsonStores, 'options.jsonStores');
  assertStoreCount(storeTextSample, 'options.storeTextSample');
  assertStoreCount(heapStores, 'options.heapStores');
  assertRuns(runs, 'options.runs');
  const { signal, gc: gcOption, memoryEnvironment } = resolveMeasureOptions(options);
  signal?.throwIfAborted();
  const notes: string[] = [];

  const jsonBytesPerPromotion = {} as Record<TemplateName, number>;
  const storeTextBytes = {} as Record<TemplateName, number>;
  for (const template of TEMPLATE_NAMES) {
    await step(signal);
    jsonBytesPerPromotion[template] = round(templateJsonBytes(template, jsonStores, seed), 2);
    await step(signal);
    storeTextBytes[template] = round(templateStoreText(template, storeTextSample, seed), 2);
  }

  let heapBytesPerPromotion = DEFAULT_CALIBRATION.heapBytesPerPromotion;
  let heapSource: 'measured' | 'default' = 'default';
  const gc = resolveGc(gcOption);
  const memorySource = readMemory(memoryEnvironment).source;
  if (!gc) {
    notes.push(
      'heap: no gc() exposed (run Node with --expose-gc, or Chromium with --js-flags=--expose-gc), ' +
        'so heapBytesPerPromotion is the default',
    );
  } else if (memorySource === 'unavailable') {
    notes.push('heap: this runtime gives no memory reading, so heapBytesPerPromotion is the default');
  } else {
    const readings: number[] = [];
    for (let i = 0; i < runs; i++) {
      await step(signal);
      const bytes = retainedHeapBytes(
        () => processBatch(1, heapStores, 'MIXED', { seed }).promotions,
        gc,
        memoryEnvironment,
      );
      if (bytes !== null) readings.push(bytes / (heapStores * PROMOTIONS_PER_STORE));
    }
    // The one median (the mean of the middle two of an even count); NaN for no readings fails the test below.
    const perPromotion = median(readings);
    if (perPromotion > 0) {
      heapBytesPerPromotion = round(perPromotion, 1);
      heapSource = 'measured';
      if (memorySource === 'performance.memory') {
        notes.push(
          'heap: read from performance.memory, which Chromium rounds unless precise memory info is on',
        );
      }
    } else {
      notes.push(
        'heap: the readings were not usable (no growth seen), so heapBytesPerPromotion is the default',
      );
    }
  }

  const throughput: ThroughputPoint[] = [];
  for (const n of [...new Set(stores)].sort((a, b) => a - b)) {
    await step(signal);
    const m = await measureDataset(n, { runs, seed, heap: false, ...(signal && { signal }) });
    throughput.push({
      stores: n,
      promotions: m.promotions,
      jsonBytes: m.jsonBytes,
      generatePromotionsPerMs: round(m.promotions / Math.max(m.generateMs, 1e-3), 1),
      parseBytesPerMs: round(m.jsonBytes / Math.max(m.parseMs, 1e-3), 0),
    });
  }

  return {
    runtime: describeRuntime(),
    jsonBytesPerPromotion,
    storeTextBytes,
    heapBytesPerPromotion,
    memoryHeadroom: DEFAULT_CALIBRATION.memoryHeadroom,
    memoryHeadroomMaxMb: DEFAULT_CALIBRATION.memoryHeadroomMaxMb,
    throughput,
    sources: { json: 'measured', heap: heapSource, throughput: 'measured' },
    notes,
  };
}
