import {
  DEFAULT_SEED,
  PROMOTIONS_PER_STORE,
  PromoscaleError,
  type StoreTemplate,
  type TemplateSelection,
} from '@promoscale/generator';
import { readOptions } from '@promoscale/generator/internal';
import {
  type ApproachThresholds,
  approachFor,
  budgetThresholds,
  resolveBudget,
  resolveThresholds,
  type ScalingApproach,
  type ScalingBudget,
} from './approach-thresholds.js';
import { checkCalibration } from './check-calibration.js';
import { DEFAULT_CALIBRATION, type ScalingCalibration } from './default-calibration.js';
import { classifyRisk, type RiskLevel, type RiskLimits, resolveRiskLimits } from './risk-level.js';
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
  calibration?: ScalingCalibration | undefined;
  /** The template selection the dataset will be generated with. @default 'MIXED' */
  templates?: TemplateSelection | StoreTemplate | undefined;
  /** The seed the dataset will be generated with (it decides small datasets' store names). @default 42 */
  seed?: number | string | undefined;
  /** Store-count thresholds of the approaches. @default DEFAULT_THRESHOLDS (10 / 25 / 50) */
  thresholds?: Partial<ApproachThresholds> | undefined;
  /** A memory/time budget that moves the thresholds down (see `recommendApproach`). */
  budget?: ScalingBudget | undefined;
  /** Limits of the risk levels. @default RISK_LIMITS */
  riskLimits?: RiskLimits | undefined;
}

/** The seed table's row for a store count, from calibrated constants (MB = 1,048,576 bytes). */
// snake_case: the seed POC's table's column names, kept so its code and saved outputs read these objects unchanged.
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

/** Every option of an estimate, validated (PromoscaleError naming the option) and with its default filled in. */
export interface ResolvedEstimateOptions {
  model: SizeModel;
  configured: ApproachThresholds;
  budget: ScalingBudget;
  riskLimits: RiskLimits;
}

/** Internal: validates the options of an estimate at the door; `budgetArg` (recommendApproach's) wins over `options.budget`. */
export function resolveEstimateOptions(
  optionsArg: EstimateOptions | null | undefined,
  budgetArg?: ScalingBudget | null,
): ResolvedEstimateOptions {
  const options = readOptions(optionsArg, 'options');
  const calibration =
    options.calibration == null
      ? DEFAULT_CALIBRATION
      : checkCalibration(options.calibration, 'options.calibration');
  const model = createSizeModel(calibration, options.templates ?? 'MIXED', options.seed ?? DEFAULT_SEED);
  return {
    model,
    configured: resolveThresholds(options.thresholds),
    budget: resolveBudget(
      budgetArg ?? options.budget ?? undefined,
      budgetArg == null ? 'options.budget' : 'budget',
    ),
    riskLimits: resolveRiskLimits(options.riskLimits, 'options.riskLimits'),
  };
}

/** Internal: validates everything and computes the estimate and the (budget-moved) thresholds. */
export function estimateDetailed(
  stores: number,
  options?: EstimateOptions | null,
  budgetArg?: ScalingBudget | null,
): DetailedEstimate {
  assertStoreCount(stores, 'stores');
  return estimateResolved(stores, resolveEstimateOptions(options, budgetArg));
}

/** The estimate of `stores` (validated by the caller) with options already resolved. */
export function estimateResolved(stores: number, resolved: ResolvedEstimateOptions): DetailedEstimate {
  const { model, configured, budget, riskLimits } = resolved;
  const columns = figureColumns(modelFigures(stores, model));
  if (!Object.values(columns).every(Number.isFinite)) {
    // Each figure passed its own check, but together they overflow (e.g. 1e308 bytes a promotion).
    throw new PromoscaleError(
      'INVALID_OPTION',
      'options.calibration',
      columns,
      `figures whose estimate for ${stores} stores is finite`,
    );
  }
  const thresholds = budgetThresholds(configured, budget, (n) =>
    n === stores ? columns : figureColumns(modelFigures(n, model)),
  );
  const estimate: DatasetSizeEstimate = {
    store_count: stores,
    promotions: stores * PROMOTIONS_PER_STORE,
    ...columns,
    risk_level: classifyRisk(columns, riskLimits),
    approach: approachFor(stores, thresholds),
  };
  return { estimate, columns, model, configured, thresholds, budget };
}

/**
 * Estimates the seed table's columns for a store count without generating anything (constant time, any count
 * up to 100,000). JSON size is within ±3 % of `JSON.stringify(processBatch(1, stores).promotions)`; memory and
 * load time come from the calibration (our generator on Node by default, or `calibrate()` on this device).
 *
 * @throws PromoscaleError `INVALID_STORE_COUNT` unless `stores` is an integer from 1 to 100,000; `INVALID_OPTION`
 * (or the generator's template/seed codes) for an option of the wrong type or range, e.g. a calibration figure that
 * is NaN or negative (`options.calibration.jsonBytesPerPromotion.URBAN_PREMIUM`).
 * @example
 * const estimate = estimateDatasetSize(50);
 * estimate.promotions; // 1500
 * estimate.approach; // 'STREAMING_ITERATOR'
 * estimateDatasetSize(50, { calibration: await calibrate() }).load_time_ms; // this device's figure
 */
export function estimateDatasetSize(stores: number, options?: EstimateOptions | null): DatasetSizeEstimate {
  return estimateDetailed(stores, options).estimate;
}
