import {
  DEFAULT_SEED,
  PROMOTIONS_PER_STORE,
  type StoreTemplate,
  type TemplateSelection,
} from '@promoscale/generator';
import {
  type ApproachThresholds,
  approachFor,
  budgetThresholds,
  resolveBudget,
  resolveThresholds,
  type ScalingApproach,
  type ScalingBudget,
} from './approach-thresholds.js';
import { DEFAULT_CALIBRATION, type ScalingCalibration } from './default-calibration.js';
import { classifyRisk, RISK_LIMITS, type RiskLevel, type RiskLimits } from './risk-level.js';
import {
  createSizeModel,
  type FigureColumns,
  figureColumns,
  modelFigures,
  type SizeModel,
} from './size-model.js';
import { assertStoreCount } from './store-count.js';

/** Options of {@link estimateDatasetSize}. */
export interface EstimateOptions {
  /** Constants to estimate with, e.g. the result of `calibrate()` on this device. @default DEFAULT_CALIBRATION */
  calibration?: ScalingCalibration;
  /** The template selection the dataset will be generated with. @default 'MIXED' */
  templates?: TemplateSelection | StoreTemplate;
  /** The seed the dataset will be generated with (it decides small datasets' store names). @default 42 */
  seed?: number | string;
  /** Store-count thresholds of the approaches. @default DEFAULT_THRESHOLDS (10 / 25 / 50) */
  thresholds?: Partial<ApproachThresholds>;
  /** A memory/time budget that moves the thresholds down (see `recommendApproach`). */
  budget?: ScalingBudget;
  /** Limits of the risk levels. @default RISK_LIMITS */
  riskLimits?: RiskLimits;
}

/** The seed table's row for a store count, from calibrated constants (MB = 1,048,576 bytes). */
export interface DatasetSizeEstimate {
  store_count: number;
  /** 30 a store. */
  promotions: number;
  /** Retained heap of the promotion rows. */
  base_size_mb: number;
  /** UTF-8 size of `JSON.stringify(promotions)`. */
  json_size_mb: number;
  /** Peak while generating and serializing: `base + json + min(25 % of that, 4 MB)` (see the calibration). */
  memory_requirement_mb: number;
  /** Warm generation + `JSON.parse` time at the calibrated throughputs. */
  load_time_ms: number;
  risk_level: RiskLevel;
  approach: ScalingApproach;
}

/** An estimate with the model and thresholds it was made with (shared with recommendApproach). */
export interface DetailedEstimate {
  estimate: DatasetSizeEstimate;
  columns: FigureColumns;
  model: SizeModel;
  configured: ApproachThresholds;
  thresholds: ApproachThresholds;
  budget: ScalingBudget;
}

/** Internal: validates everything and computes the estimate and the (budget-moved) thresholds. */
export function estimateDetailed(
  stores: number,
  options: EstimateOptions = {},
  budgetArg?: ScalingBudget,
): DetailedEstimate {
  assertStoreCount(stores, 'stores');
  const model = createSizeModel(
    options.calibration ?? DEFAULT_CALIBRATION,
    options.templates ?? 'MIXED',
    options.seed ?? DEFAULT_SEED,
  );
  const configured = resolveThresholds(options.thresholds);
  const budget = resolveBudget(budgetArg ?? options.budget);
  const columns = figureColumns(modelFigures(stores, model));
  const thresholds = budgetThresholds(configured, budget, (n) =>
    n === stores ? columns : figureColumns(modelFigures(n, model)),
  );
  const estimate: DatasetSizeEstimate = {
    store_count: stores,
    promotions: stores * PROMOTIONS_PER_STORE,
    ...columns,
    risk_level: classifyRisk(columns, options.riskLimits ?? RISK_LIMITS),
    approach: approachFor(stores, thresholds),
  };
  return { estimate, columns, model, configured, thresholds, budget };
}

/**
 * Estimates the seed table's columns for a store count without generating anything (constant time, any count
 * up to 100,000). JSON size is within ±3 % of `JSON.stringify(processBatch(1, stores).promotions)`; memory and
 * load time come from the calibration (our generator on Node by default, or `calibrate()` on this device).
 *
 * @throws PromoscaleError `INVALID_STORE_COUNT` unless `stores` is an integer from 1 to 100,000.
 * @example
 * const estimate = estimateDatasetSize(50);
 * estimate.promotions; // 1500
 * estimate.approach; // 'STREAMING_ITERATOR'
 * estimateDatasetSize(50, { calibration: await calibrate() }).load_time_ms; // this device's figure
 */
export function estimateDatasetSize(stores: number, options: EstimateOptions = {}): DatasetSizeEstimate {
  return estimateDetailed(stores, options).estimate;
}
