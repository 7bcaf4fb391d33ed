import {
  type ApproachThresholds,
  approachFor,
  type BudgetExcess,
  budgetExcesses,
  SCALING_APPROACHES,
  type ScalingApproach,
  type ScalingBudget,
} from './approach-thresholds.js';
import { type DatasetSizeEstimate, type EstimateOptions, estimateDetailed } from './estimate-dataset-size.js';

/** Options of {@link recommendApproach}: those of an estimate (calibration, templates, seed, thresholds). */
export type RecommendOptions = Omit<EstimateOptions, 'budget'>;

/** The recommendation and what it rests on. */
export interface ApproachRecommendation {
  approach: ScalingApproach;
  /** One or two sentences a person can read: the range the count falls in and any budget figure exceeded. */
  reason: string;
  estimate: DatasetSizeEstimate;
  /** The thresholds applied: the configured ones, moved down by the budget when one was given. */
  thresholds: ApproachThresholds;
  /** The approach by store count alone (configured thresholds, no budget). */
  byStoreCount: ScalingApproach;
  /** The budget figures the skipped approaches exceed at this store count (empty without a budget). */
  exceeded: BudgetExcess[];
}

const LABEL: Record<ScalingApproach, string> = {
  SINGLE_BATCH: 'a single batch',
  CHUNKED_PROCESSING: 'chunked processing',
  STREAMING_ITERATOR: 'a streaming iterator',
  DATABASE_BACKEND: 'a database backend',
};

const FIGURE: Record<BudgetExcess['figure'], [name: string, unit: string]> = {
  memory_requirement_mb: ['peak memory', 'MB'],
  base_size_mb: ['rows alone', 'MB'],
  load_time_ms: ['load time', 'ms'],
};

const count = new Intl.NumberFormat('en-US');

/** 1234, 12.35, 0.0687: three significant digits, at most two decimals from 1 up, no trailing zeros. */
const number = (value: number) =>
  String(value >= 100 ? Math.round(value) : Number(value >= 1 ? value.toFixed(2) : value.toPrecision(3)));

function rangeOf(approach: ScalingApproach, t: ApproachThresholds): string {
  const bounds: Record<ScalingApproach, [number, number]> = {
    SINGLE_BATCH: [1, t.singleBatchMax],
    CHUNKED_PROCESSING: [t.singleBatchMax + 1, t.chunkedMax],
    STREAMING_ITERATOR: [t.chunkedMax + 1, t.streamingMax],
    DATABASE_BACKEND: [t.streamingMax + 1, Number.POSITIVE_INFINITY],
  };
  const [low, high] = bounds[approach];
  return high === Number.POSITIVE_INFINITY ? `${low}+` : low === high ? `${low}` : `${low}-${high}`;
}

function describeExcess(e: BudgetExcess): string {
  const [name, unit] = FIGURE[e.figure];
  return `${name} ${number(e.value)} ${unit} exceeds the ${number(e.budget)} ${unit} budget by ${number(e.over)} ${unit} (+${e.overPct.toFixed(1)}%)`;
}

/**
 * Recommends how to load `stores` stores: SINGLE_BATCH, CHUNKED_PROCESSING, STREAMING_ITERATOR or
 * DATABASE_BACKEND. By default by store count (1-10, 11-25, 26-50, 51+; `options.thresholds` changes them). A
 * budget moves the thresholds down wherever the estimate does not fit it: a single batch must fit the peak memory
 * and the load time, chunked processing the peak memory, streaming the rows alone. A calibration from this
 * device (`options.calibration`) changes the estimate and so where a budget bites.
 *
 * @throws PromoscaleError `INVALID_STORE_COUNT` for a bad store count or thresholds, `INVALID_OPTION` for a bad budget
 * or option (as `estimateDatasetSize`). A `null` budget or options are the same as none.
 * @example
 * recommendApproach(30).approach; // 'STREAMING_ITERATOR'
 * const { approach, reason } = recommendApproach(8, { memoryMb: 0.3 });
 * // approach 'STREAMING_ITERATOR'; reason: peak memory 0.375 MB exceeds the 0.3 MB budget by 0.0752 MB (+25.1%)
 */
export function recommendApproach(
  stores: number,
  budget?: ScalingBudget | null,
  options?: RecommendOptions | null,
): ApproachRecommendation {
  const detail = estimateDetailed(stores, options, budget);
  const { estimate, configured, thresholds } = detail;
  const approach = estimate.approach;
  const byStoreCount = approachFor(stores, configured);
  const from = SCALING_APPROACHES.indexOf(byStoreCount);
  const to = SCALING_APPROACHES.indexOf(approach);
  const skipped = new Set(SCALING_APPROACHES.slice(from, to));
  const exceeded = budgetExcesses(detail.columns, detail.budget).filter((e) => skipped.has(e.approach));

  const summary =
    `${count.format(stores)} ${stores === 1 ? 'store' : 'stores'} (${count.format(estimate.promotions)} promotions: ` +
    `~${number(estimate.memory_requirement_mb)} MB peak, ~${number(estimate.load_time_ms)} ms to load, ` +
    `${estimate.risk_level} risk)`;
  let reason = `${summary} falls in ${rangeOf(byStoreCount, configured)}, the ${byStoreCount} range`;
  if (to === from) {
    reason += thresholds === configured ? '.' : '; the budget leaves that range in place.';
    return { approach, reason, estimate, thresholds, byStoreCount, exceeded };
  }
  // Skipped approaches that exceed the same figures are named together.
  const groups: Array<{ names: string[]; why: string }> = [];
  for (const skip of skipped) {
    const why = exceeded
      .filter((e) => e.approach === skip)
      .map(describeExcess)
      .join('; ');
    const last = groups[groups.length - 1];
    if (last && last.why === why) last.names.push(LABEL[skip]);
    else groups.push({ names: [LABEL[skip]], why });
  }
  const steps = groups.map(
    ({ names, why }) =>
      `${names.join(' and ')} ${names.length > 1 ? 'do' : 'does'} not fit the budget (${why || 'its range is moved below this count'})`,
  );
  reason += `, but ${steps.join(', and ')}: ${approach} instead.`;
  return { approach, reason, estimate, thresholds, byStoreCount, exceeded };
}
