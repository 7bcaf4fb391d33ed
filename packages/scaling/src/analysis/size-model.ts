// The size and time model behind estimateDatasetSize. O(1) in the store count: nothing is generated here.
import {
  createStore,
  PROMOTIONS_PER_STORE,
  type StoreTemplate,
  TEMPLATE_NAMES,
  type TemplateName,
  type TemplateSelection,
} from '@promoscale/generator';
import { createContext } from '@promoscale/generator/internal';
import type { ScalingCalibration } from './default-calibration.js';

/** Bytes in a MB as the seed's table counts them (MiB). */
export const BYTES_PER_MB = 1_048_576;

/**
 * Up to this many stores, the JSON estimate reads each store's name, region and template with `createStore` (no
 * promotion is generated): one store's text moves its size by up to ±2.5 %, more than an average can absorb.
 */
export const EXACT_STORE_TERMS = 64;

/** The resolved inputs of the model. */
export interface SizeModel {
  readonly calibration: ScalingCalibration;
  /** The selection, normalized (a template object becomes its name). */
  readonly templates: TemplateSelection;
  readonly seed: number | string;
  /** Share of stores per template (sums to 1). */
  readonly weights: ReadonlyArray<readonly [TemplateName, number]>;
  /** Expected per-promotion bytes of an average store, store-number digits excluded. */
  readonly meanPromotionBytes: number;
}

/** The raw figures of a store count, in bytes and milliseconds. */
export interface SizeFigures {
  promotions: number;
  jsonBytes: number;
  heapBytes: number;
  peakBytes: number;
  generateMs: number;
  parseMs: number;
}

/** Validates `templates` and `seed` (PromoscaleError on bad input) and precomputes the template mix. */
export function createSizeModel(
  calibration: ScalingCalibration,
  templates: TemplateSelection | StoreTemplate,
  seed: number | string,
): SizeModel {
  const { picker, selection } = createContext(templates, { seed }, 'options.templates', 'options');
  const weights: Array<readonly [TemplateName, number]> = [];
  if ('fixed' in picker) {
    weights.push([TEMPLATE_NAMES[picker.fixed] as TemplateName, 1]);
  } else {
    let previous = 0;
    picker.cumulative.forEach((cumulative, i) => {
      if (cumulative > previous) weights.push([TEMPLATE_NAMES[i] as TemplateName, cumulative - previous]);
      previous = cumulative;
    });
  }
  let meanPromotionBytes = 0;
  for (const [name, share] of weights) {
    meanPromotionBytes +=
      share * (calibration.jsonBytesPerPromotion[name] + calibration.storeTextBytes[name]);
  }
  return { calibration, templates: selection, seed, weights, meanPromotionBytes };
}

/** UTF-8 length of a string without encoding it. */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

/** Bytes of a store's number in its rows: `#<n>` in the name, and the id (`STORE_` + ≥ 3 digits) twice. */
function storeNumberBytes(digits: number): number {
  return digits + 2 * (6 + Math.max(3, digits));
}

/** Σ storeNumberBytes over stores 1..n, by runs of equal digit count. */
function sumStoreNumberBytes(n: number): number {
  let total = 0;
  for (let digits = 1, low = 1; low <= n; digits++, low *= 10) {
    const high = Math.min(n, low * 10 - 1);
    total += (high - low + 1) * storeNumberBytes(digits);
  }
  return total;
}

/** Bytes of `JSON.stringify(processBatch(1, stores, …).promotions)`. */
export function estimateJsonBytes(stores: number, model: SizeModel): number {
  const promotions = stores * PROMOTIONS_PER_STORE;
  const frame = 2 + (promotions - 1); // brackets and the commas between rows
  if (stores > EXACT_STORE_TERMS) {
    const perStore = stores * model.meanPromotionBytes + sumStoreNumberBytes(stores);
    return frame + PROMOTIONS_PER_STORE * perStore;
  }
  const spec = { seed: model.seed, templates: model.templates };
  let perStore = 0;
  for (let s = 1; s <= stores; s++) {
    const store = createStore(s, spec);
    perStore +=
      model.calibration.jsonBytesPerPromotion[store.template] +
      utf8Length(store.name) +
      utf8Length(store.region) +
      2 * utf8Length(store.storeId);
  }
  return frame + PROMOTIONS_PER_STORE * perStore;
}

/**
 * Time at `x` from measured `(x, time)` points: proportional below the first point, linear between points and
 * along the last segment's slope (never below the last average rate) beyond the last. Times are made
 * non-decreasing first, so noisy calibrations still give a monotonic estimate.
 */
export function interpolateTime(x: number, points: ReadonlyArray<readonly [number, number]>): number {
  const sorted = [...points].filter(([px, pt]) => px > 0 && pt > 0).sort((a, b) => a[0] - b[0]);
  const first = sorted[0];
  if (!first) return 0;
  for (let i = 1; i < sorted.length; i++) {
    const [px, pt] = sorted[i] as readonly [number, number];
    sorted[i] = [px, Math.max(pt, (sorted[i - 1] as readonly [number, number])[1])];
  }
  if (x <= first[0]) return (first[1] * x) / first[0];
  for (let i = 1; i < sorted.length; i++) {
    const [x1, t1] = sorted[i] as readonly [number, number];
    if (x <= x1) {
      const [x0, t0] = sorted[i - 1] as readonly [number, number];
      return t0 + ((t1 - t0) * (x - x0)) / (x1 - x0);
    }
  }
  const [xl, tl] = sorted[sorted.length - 1] as readonly [number, number];
  const previous = sorted[sorted.length - 2];
  const average = tl / xl;
  const slope = previous ? Math.max(average, (tl - previous[1]) / (xl - previous[0])) : average;
  return tl + slope * (x - xl);
}

/** Every figure of a store count (validated by the caller). */
export function modelFigures(stores: number, model: SizeModel): SizeFigures {
  const { calibration } = model;
  const promotions = stores * PROMOTIONS_PER_STORE;
  const jsonBytes = estimateJsonBytes(stores, model);
  const heapBytes = promotions * calibration.heapBytesPerPromotion;
  const held = heapBytes + jsonBytes;
  const peakBytes =
    held + Math.min(held * calibration.memoryHeadroom, calibration.memoryHeadroomMaxMb * BYTES_PER_MB);
  const generated = calibration.throughput.map(
    (p) => [p.promotions, p.promotions / p.generatePromotionsPerMs] as const,
  );
  const parsed = calibration.throughput.map((p) => [p.jsonBytes, p.jsonBytes / p.parseBytesPerMs] as const);
  return {
    promotions,
    jsonBytes,
    heapBytes,
    peakBytes,
    generateMs: interpolateTime(promotions, generated),
    parseMs: interpolateTime(jsonBytes, parsed),
  };
}

/** The figures as the estimate's columns, in MB (6 decimals) and ms (3 decimals). Budgets compare these. */
// snake_case: the column names of DatasetSizeEstimate (the seed POC's table), which these become.
export interface FigureColumns {
  base_size_mb: number;
  json_size_mb: number;
  memory_requirement_mb: number;
  load_time_ms: number;
}

const round = (value: number, digits: number) => Math.round(value * 10 ** digits) / 10 ** digits;

/** Rounds raw figures into the estimate's columns. */
export function figureColumns(figures: SizeFigures): FigureColumns {
  return {
    base_size_mb: round(figures.heapBytes / BYTES_PER_MB, 6),
    json_size_mb: round(figures.jsonBytes / BYTES_PER_MB, 6),
    memory_requirement_mb: round(figures.peakBytes / BYTES_PER_MB, 6),
    load_time_ms: round(figures.generateMs + figures.parseMs, 3),
  };
}
