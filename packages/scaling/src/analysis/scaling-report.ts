import { DEFAULT_SEED, PromoscaleError } from '@promoscale/generator';
import { assertBoolean, readOptions } from '@promoscale/generator/internal';
import type { MemoryEnvironment } from '../monitoring/read-memory.js';
import type { ScalingCalibration } from './default-calibration.js';
import {
  type DatasetSizeEstimate,
  type EstimateOptions,
  estimateResolved,
  resolveEstimateOptions,
} from './estimate-dataset-size.js';
import { measureDataset, resolveMeasureOptions } from './measure-dataset.js';
import { BYTES_PER_MB } from './size-model.js';
import { assertRuns, assertStoreCount } from './store-count.js';

/** Options of {@link generateScalingReport}. */
export interface ScalingReportOptions extends EstimateOptions {
  /** Generate each size and measure it beside the estimate. @default true */
  measure?: boolean | undefined;
  /** Larger sizes are estimated only (measuring holds every row and its JSON in memory). @default 10000 */
  measureMaxStores?: number | undefined;
  /** Timed runs per measurement (after ≥ 25 ms of warm-up); medians are kept. @default 3 */
  runs?: number | undefined;
  /** A full GC, needed for the measured heap. @default globalThis.gc when exposed */
  gc?: (() => void) | undefined;
  /** Stops between measurements, rejecting with the signal's reason. */
  signal?: AbortSignal | undefined;
  /** Where memory is read. @default globalThis */
  memoryEnvironment?: MemoryEnvironment | undefined;
}

/** Figures measured on this runtime. */
// snake_case: the column names of DatasetSizeEstimate (the seed POC's table), so a row reads measured beside estimated.
export interface MeasuredFigures {
  json_size_mb: number;
  /** Retained heap of the rows; `null` where no `gc` is exposed or memory cannot be read. */
  heap_mb: number | null;
  /** Median warm generation + `JSON.parse` time. */
  load_time_ms: number;
}

/** `100 × (estimate − measured) / measured` of each measured figure (heap against `base_size_mb`). */
// snake_case: the column names of DatasetSizeEstimate (the seed POC's table) that were measured.
export interface EstimateErrors {
  json_size_mb: number;
  heap_mb: number | null;
  load_time_ms: number;
}

/** One row of the report. */
// snake_case `error_pct`: named like the seed POC's table columns beside it.
export interface ScalingReportRow {
  estimate: DatasetSizeEstimate;
  measured?: MeasuredFigures | undefined;
  error_pct?: EstimateErrors | undefined;
}

/** The whole table, as data and as Markdown. */
export interface ScalingReport {
  rows: ScalingReportRow[];
  /** The seed's "Memory Usage Analysis" table, with measured columns beside the estimates when measured. */
  markdown: string;
  calibration: ScalingCalibration;
}

/** The seed table's store counts. */
export const SEED_TABLE_SIZES: readonly number[] = Object.freeze([5, 10, 25, 50, 100, 250, 500]);

const errorPct = (estimate: number, measured: number) =>
  measured === 0 ? 0 : Math.round((10_000 * (estimate - measured)) / measured) / 100;
const int = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const mb = (value: number) => `${value >= 0.1 ? value.toFixed(2) : value.toFixed(3)}MB`;
const ms = (value: number) => `${value >= 10 ? int.format(value) : value.toFixed(value >= 1 ? 1 : 2)}ms`;
const memory = (value: number) => (value < 1 ? '<1MB' : `${int.format(value)}MB`);
const signed = (pct: number) => {
  const text = Math.abs(pct).toFixed(1);
  return text === '0.0' ? '±0.0' : `${pct > 0 ? '+' : '-'}${text}`;
};
const withError = (text: string, pct: number | null | undefined) =>
  pct === null || pct === undefined ? text : `${text} (${signed(pct)}%)`;

function markdownOf(rows: ScalingReportRow[]): string {
  const measured = rows.some((row) => row.measured);
  const header = measured
    ? [
        'Store Count',
        'Promotions',
        'Base Size',
        'Measured Heap',
        'JSON Size',
        'Measured JSON',
        'Memory Req',
        'Load Time',
        'Measured Load',
        'Risk Level',
        'Approach',
      ]
    : [
        'Store Count',
        'Promotions',
        'Base Size',
        'JSON Size',
        'Memory Req',
        'Load Time',
        'Risk Level',
        'Approach',
      ];
  const lines = [`| ${header.join(' | ')} |`, `|${header.map((h) => '-'.repeat(h.length + 2)).join('|')}|`];
  for (const { estimate: e, measured: m, error_pct: err } of rows) {
    const na = m ? 'n/a' : '—';
    const cells = measured
      ? [
          int.format(e.store_count),
          int.format(e.promotions),
          mb(e.base_size_mb),
          m?.heap_mb != null ? withError(mb(m.heap_mb), err?.heap_mb) : na,
          mb(e.json_size_mb),
          m ? withError(mb(m.json_size_mb), err?.json_size_mb) : na,
          memory(e.memory_requirement_mb),
          ms(e.load_time_ms),
          m ? withError(ms(m.load_time_ms), err?.load_time_ms) : na,
          e.risk_level,
          e.approach,
        ]
      : [
          int.format(e.store_count),
          int.format(e.promotions),
          mb(e.base_size_mb),
          mb(e.json_size_mb),
          memory(e.memory_requirement_mb),
          ms(e.load_time_ms),
          e.risk_level,
          e.approach,
        ];
    lines.push(`| ${cells.join(' | ')} |`);
  }
  if (measured) {
    lines.push(
      '',
      "Measured figures are followed by the estimate's error, 100 × (estimate − measured) / measured.",
    );
  }
  return lines.join('\n');
}

/**
 * The seed's size table for `sizes`, estimated and (by default) measured beside: each size is generated, its
 * JSON measured exactly, its heap after a full GC (where `gc` is exposed) and its warm generation + parse time.
 * Sizes above `measureMaxStores` are estimated only.
 *
 * @example
 * const { rows, markdown } = await generateScalingReport([5, 10, 25, 50]);
 * console.log(markdown);
 * rows[0].error_pct?.json_size_mb; // e.g. -0.4
 */
export async function generateScalingReport(
  sizesArg?: readonly number[] | null,
  optionsArg?: ScalingReportOptions | null,
): Promise<ScalingReport> {
  const sizes = sizesArg ?? SEED_TABLE_SIZES;
  const options = readOptions(optionsArg, 'options');
  const measure = options.measure ?? true;
  const measureMaxStores = options.measureMaxStores ?? 10_000;
  const runs = options.runs ?? 3;
  if (!Array.isArray(sizes)) {
    throw new PromoscaleError('INVALID_STORE_COUNT', 'sizes', sizes, 'an array of store counts');
  }
  for (const [i, n] of sizes.entries()) assertStoreCount(n, `sizes[${i}]`);
  assertBoolean(measure, 'options.measure');
  assertStoreCount(measureMaxStores, 'options.measureMaxStores');
  assertRuns(runs, 'options.runs');
  const measureOptions = resolveMeasureOptions(options);
  const { signal } = measureOptions;
  const resolved = resolveEstimateOptions(options);
  signal?.throwIfAborted();
  const rows: ScalingReportRow[] = [];
  for (const stores of sizes) {
    const { estimate } = estimateResolved(stores, resolved);
    if (!measure || stores > measureMaxStores) {
      rows.push({ estimate });
      continue;
    }
    const m = await measureDataset(stores, {
      templates: options.templates ?? 'MIXED',
      seed: options.seed ?? DEFAULT_SEED,
      runs,
      ...measureOptions,
    });
    const measured: MeasuredFigures = {
      json_size_mb: m.jsonBytes / BYTES_PER_MB,
      heap_mb: m.heapBytes === null ? null : m.heapBytes / BYTES_PER_MB,
      load_time_ms: m.generateMs + m.parseMs,
    };
    rows.push({
      estimate,
      measured,
      error_pct: {
        json_size_mb: errorPct(estimate.json_size_mb, measured.json_size_mb),
        heap_mb: measured.heap_mb === null ? null : errorPct(estimate.base_size_mb, measured.heap_mb),
        load_time_ms: errorPct(estimate.load_time_ms, measured.load_time_ms),
      },
    });
  }
  return { rows, markdown: markdownOf(rows), calibration: resolved.model.calibration };
}
