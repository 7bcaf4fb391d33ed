import { MAX_STORES, PromoscaleError } from '@promoscale/generator';
import { readOptions } from '@promoscale/generator/internal';
import type { FigureColumns } from './size-model.js';
import { assertPositive } from './store-count.js';

/** The approaches in escalation order: the one list (api's estimate schema reads it too). */
export const SCALING_APPROACHES = Object.freeze([
  'SINGLE_BATCH',
  'CHUNKED_PROCESSING',
  'STREAMING_ITERATOR',
  'DATABASE_BACKEND',
] as const);

/** The four loading approaches of the seed POC, from lightest to heaviest machinery. */
export type ScalingApproach = (typeof SCALING_APPROACHES)[number];

/** The largest store count of each approach; anything above `streamingMax` is DATABASE_BACKEND. */
export interface ApproachThresholds {
  /** @default 10 */
  singleBatchMax: number;
  /** @default 25 */
  chunkedMax: number;
  /** @default 50 */
  streamingMax: number;
}

/** The seed's ranges: 1-10 SINGLE_BATCH, 11-25 CHUNKED_PROCESSING, 26-50 STREAMING_ITERATOR, 51+ DATABASE_BACKEND. */
export const DEFAULT_THRESHOLDS: Readonly<ApproachThresholds> = Object.freeze({
  singleBatchMax: 10,
  chunkedMax: 25,
  streamingMax: 50,
});

/** What the device may spend on a load. Either figure may be left out. */
export interface ScalingBudget {
  /** Peak memory the load may take, in MB (1,048,576 bytes). */
  memoryMb?: number | undefined;
  /** Main-thread time the load may block, in ms. */
  timeMs?: number | undefined;
}

/** A budget figure an approach would exceed at the requested store count. */
export interface BudgetExcess {
  approach: ScalingApproach;
  /** The estimate's figure compared: peak memory and load time for a single batch, rows alone for streaming. */
  figure: 'memory_requirement_mb' | 'load_time_ms' | 'base_size_mb';
  value: number;
  budget: number;
  /** `value - budget`, in MB or ms. */
  over: number;
  /** `over` as a percentage of the budget. */
  overPct: number;
}

/** Validates thresholds (merged over the defaults): integers 0..100,000, non-decreasing. */
export function resolveThresholds(
  thresholds?: Partial<ApproachThresholds> | null,
  field = 'options.thresholds',
): ApproachThresholds {
  const given = readOptions(thresholds, field);
  const merged = { ...DEFAULT_THRESHOLDS };
  for (const key of ['singleBatchMax', 'chunkedMax', 'streamingMax'] as const) {
    const value = given[key];
    if (value != null) merged[key] = value;
  }
  let floor = 0;
  for (const key of ['singleBatchMax', 'chunkedMax', 'streamingMax'] as const) {
    const value = merged[key];
    if (typeof value !== 'number' || !Number.isInteger(value) || value < floor || value > MAX_STORES) {
      throw new PromoscaleError(
        'INVALID_STORE_COUNT',
        `${field}.${key}`,
        value,
        `an integer from ${floor} to ${MAX_STORES}`,
      );
    }
    floor = value;
  }
  return merged;
}

/** Validates a budget: each figure, when given (not `undefined` or `null`), a finite number > 0. */
export function resolveBudget(budget: ScalingBudget | null | undefined, field = 'budget'): ScalingBudget {
  if (budget == null) return {};
  if (typeof budget !== 'object' || Array.isArray(budget)) {
    throw new PromoscaleError(
      'INVALID_OPTION',
      field,
      budget,
      'an object { memoryMb?, timeMs? }, undefined or null',
    );
  }
  const resolved: ScalingBudget = {};
  if (budget.memoryMb != null) {
    assertPositive(budget.memoryMb, `${field}.memoryMb`);
    resolved.memoryMb = budget.memoryMb;
  }
  if (budget.timeMs != null) {
    assertPositive(budget.timeMs, `${field}.timeMs`);
    resolved.timeMs = budget.timeMs;
  }
  return resolved;
}

/** The approach of a store count under thresholds. */
export function approachFor(stores: number, thresholds: ApproachThresholds): ScalingApproach {
  if (stores <= thresholds.singleBatchMax) return 'SINGLE_BATCH';
  if (stores <= thresholds.chunkedMax) return 'CHUNKED_PROCESSING';
  if (stores <= thresholds.streamingMax) return 'STREAMING_ITERATOR';
  return 'DATABASE_BACKEND';
}

/** The largest n in 0..limit with `fits(n)`, for a `fits` that stays false once false. */
function largestFitting(limit: number, fits: (stores: number) => boolean): number {
  let low = 0;
  let high = limit;
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (fits(mid)) low = mid;
    else high = mid - 1;
  }
  return low;
}

/** Budget checks of each approach against one store count's figures. */
export function budgetExcesses(columns: FigureColumns, budget: ScalingBudget): BudgetExcess[] {
  const { memory_requirement_mb: peakMb, base_size_mb: rowsMb, load_time_ms: loadMs } = columns;
  const checks: Array<[ScalingApproach, BudgetExcess['figure'], number, number | undefined]> = [
    ['SINGLE_BATCH', 'memory_requirement_mb', peakMb, budget.memoryMb],
    ['SINGLE_BATCH', 'load_time_ms', loadMs, budget.timeMs],
    ['CHUNKED_PROCESSING', 'memory_requirement_mb', peakMb, budget.memoryMb],
    ['STREAMING_ITERATOR', 'base_size_mb', rowsMb, budget.memoryMb],
  ];
  const excesses: BudgetExcess[] = [];
  for (const [approach, figure, value, limit] of checks) {
    if (limit !== undefined && value > limit) {
      const over = value - limit;
      excesses.push({ approach, figure, value, budget: limit, over, overPct: (100 * over) / limit });
    }
  }
  return excesses;
}

/**
 * Thresholds moved down by a budget. A single batch holds rows + JSON and blocks for the whole load, so it must
 * fit both figures; chunked loading holds the same memory but yields between chunks (lower the chunk size to fit
 * a time budget); streaming into a worker holds only the rows and leaves the main thread free. The server-backed
 * approach has no client-side limit.
 */
export function budgetThresholds(
  configured: ApproachThresholds,
  budget: ScalingBudget,
  columnsAt: (stores: number) => FigureColumns,
): ApproachThresholds {
  if (budget.memoryMb === undefined && budget.timeMs === undefined) return configured;
  const fits = (approach: ScalingApproach) => (stores: number) =>
    stores === 0 || !budgetExcesses(columnsAt(stores), budget).some((e) => e.approach === approach);
  return {
    singleBatchMax: largestFitting(configured.singleBatchMax, fits('SINGLE_BATCH')),
    chunkedMax: largestFitting(configured.chunkedMax, fits('CHUNKED_PROCESSING')),
    streamingMax: largestFitting(configured.streamingMax, fits('STREAMING_ITERATOR')),
  };
}
