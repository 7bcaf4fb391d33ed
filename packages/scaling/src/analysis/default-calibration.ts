import type { TemplateName } from '@promoscale/generator';

/** Where a calibrated figure came from: measured on this runtime, or taken from {@link DEFAULT_CALIBRATION}. */
export type CalibrationSource = 'measured' | 'default';

/** Timings of one store count: `processBatch(1, stores, 'MIXED')` and `JSON.parse` of its JSON, warm. */
export interface ThroughputPoint {
  stores: number;
  promotions: number;
  /** UTF-8 bytes of `JSON.stringify(promotions)`. */
  jsonBytes: number;
  /** Promotions generated per millisecond (median of the timed runs). */
  generatePromotionsPerMs: number;
  /** JSON bytes parsed per millisecond (median of the timed runs). */
  parseBytesPerMs: number;
}

/**
 * The constants behind every estimate, measured from our generator. {@link calibrate} returns a fresh object of
 * this shape for the runtime it runs on; pass it as `options.calibration` to estimate for that device.
 *
 * JSON size model (bytes of `JSON.stringify(promotions)`, UTF-8):
 * `2 + (P - 1) + Σ stores 30 × (jsonBytesPerPromotion[T] + storeBytes)`, where `storeBytes` is the store's name,
 * region and twice its id (`id` and `storeId`), exactly for small counts and in expectation
 * (`storeTextBytes[T]` + the store number's digits) beyond.
 */
export interface ScalingCalibration {
  /** The runtime measured, e.g. `node v20.20.2` or a user agent. */
  runtime: string;
  /**
   * Mean UTF-8 JSON bytes of one promotion of each template, without the comma between rows and without the
   * store-specific text (store name, region, the store id twice), which is added per store.
   */
  jsonBytesPerPromotion: Readonly<Record<TemplateName, number>>;
  /** Mean bytes of a store's name without its number (`"Charlotte Family Market #"`) plus its region's name. */
  storeTextBytes: Readonly<Record<TemplateName, number>>;
  /** Retained heap of one promotion row, its array slot included (after a full GC). */
  heapBytesPerPromotion: number;
  /**
   * Heap on top of rows + JSON string at the peak of generate + `JSON.stringify` (stringify's intermediate
   * buffers and young-generation garbage), as a share of rows + JSON, capped by `memoryHeadroomMaxMb`:
   * `memory = rows + json + min(memoryHeadroom × (rows + json), memoryHeadroomMaxMb)`.
   */
  memoryHeadroom: number;
  /** The cap of the headroom in MB: the garbage is bounded by the young generation, not by the dataset. */
  memoryHeadroomMaxMb: number;
  /** Warm timings at a few store counts, ascending; times in between are interpolated, beyond extrapolated. */
  throughput: readonly ThroughputPoint[];
  sources: { json: CalibrationSource; heap: CalibrationSource; throughput: CalibrationSource };
  /** Why a figure fell back to its default, and anything else worth knowing about this calibration. */
  notes: readonly string[];
}

/**
 * Constants measured from `@promoscale/generator` on Node v20.20.2 (2 vCPUs, x86-64) with
 * `node --expose-gc bench/estimates.bench.mjs --calibrate` (run from packages/scaling after a build), which
 * prints a fresh object of this shape. Re-run it and paste the output here when the generator's rows change.
 *
 * The headroom is not measured by `calibrate()`. The heap growth over generate + `JSON.stringify` before any GC
 * (the bench's "peak memory" lines) was 1.2-1.4 × (rows + JSON) up to 250 stores and 1-2 MB above it from 500
 * stores on (1.07 × at 500, 1.01 × at 5,000): 25 %, at most 4 MB, follows both.
 */
export const DEFAULT_CALIBRATION: ScalingCalibration = deepFreeze({
  runtime: 'node v20.20.2',
  jsonBytesPerPromotion: {
    SUBURBAN_FAMILY: 690.98,
    URBAN_PREMIUM: 686.78,
    RURAL_VALUE: 686.73,
    CAMPUS_EXPRESS: 688.16,
    COASTAL_SEASONAL: 691.03,
  },
  storeTextBytes: {
    SUBURBAN_FAMILY: 31.83,
    URBAN_PREMIUM: 29.83,
    RURAL_VALUE: 29.83,
    CAMPUS_EXPRESS: 32.83,
    COASTAL_SEASONAL: 31.83,
  },
  heapBytesPerPromotion: 441.4,
  memoryHeadroom: 0.25,
  memoryHeadroomMaxMb: 4,
  throughput: [
    {
      stores: 1,
      promotions: 30,
      jsonBytes: 22_490,
      generatePromotionsPerMs: 4732.6,
      parseBytesPerMs: 411_366,
    },
    {
      stores: 10,
      promotions: 300,
      jsonBytes: 222_514,
      generatePromotionsPerMs: 5086.2,
      parseBytesPerMs: 470_551,
    },
    {
      stores: 100,
      promotions: 3000,
      jsonBytes: 2_223_388,
      generatePromotionsPerMs: 3110.6,
      parseBytesPerMs: 461_743,
    },
    {
      stores: 500,
      promotions: 15_000,
      jsonBytes: 11_129_432,
      generatePromotionsPerMs: 2945.7,
      parseBytesPerMs: 416_671,
    },
    {
      stores: 1000,
      promotions: 30_000,
      jsonBytes: 22_262_261,
      generatePromotionsPerMs: 2795.4,
      parseBytesPerMs: 331_281,
    },
    {
      stores: 2000,
      promotions: 60_000,
      jsonBytes: 44_613_753,
      generatePromotionsPerMs: 1281,
      parseBytesPerMs: 336_906,
    },
    {
      stores: 5000,
      promotions: 150_000,
      jsonBytes: 111_676_375,
      generatePromotionsPerMs: 1184.5,
      parseBytesPerMs: 301_734,
    },
  ],
  sources: { json: 'measured', heap: 'measured', throughput: 'measured' },
  notes: [],
});

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}
