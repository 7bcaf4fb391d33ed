import { assertFiniteNumber, assertObject } from '@promoscale/generator/internal';

/** The risk levels, from lowest to highest: the one list (api's estimate schema reads it too). */
export const RISK_LEVELS = Object.freeze(['LOW', 'MEDIUM', 'HIGH', 'CRITICAL'] as const);

/** How risky it is to load a dataset into one browser tab in one go. */
export type RiskLevel = (typeof RISK_LEVELS)[number];

/** A level is reached when any of its figures is exceeded (strictly greater). */
export interface RiskLimit {
  /** JSON payload in MB. */
  jsonMb?: number | undefined;
  /** Peak memory of generate + serialize in MB. */
  memoryMb?: number | undefined;
  /** Generation + parse time in ms. */
  loadMs?: number | undefined;
}

/** The limits of each level above LOW. */
export interface RiskLimits {
  MEDIUM: RiskLimit;
  HIGH: RiskLimit;
  CRITICAL: RiskLimit;
}

/**
 * Risk thresholds, each taken from the seed POC's browser limits and targets:
 * - MEDIUM: JSON over 5 MB (the smallest localStorage quota, "5-10MB": the payload no longer fits a client cache)
 *   or a load over 200 ms (the seed's page-change target: a visible stall).
 * - HIGH: JSON over 10 MB (over every localStorage quota) or a load over 2 s (the seed's initial-load target).
 * - CRITICAL: peak memory over 500 MB or a load over 5 s: loading at once trips the seed's own alerts
 *   (memory > 500MB, generation > 5 seconds).
 *
 * Applied to the seed table's figures they give its risk column (5-50 LOW, 100 MEDIUM, 250+ HIGH). Our rows
 * are lighter (≈ 0.73 KB of JSON a promotion), so with our figures 100 stores are LOW, 250 MEDIUM and 500 HIGH.
 */
export const RISK_LIMITS: Readonly<RiskLimits> = Object.freeze({
  MEDIUM: Object.freeze({ jsonMb: 5, loadMs: 200 }),
  HIGH: Object.freeze({ jsonMb: 10, loadMs: 2_000 }),
  CRITICAL: Object.freeze({ memoryMb: 500, loadMs: 5_000 }),
});

/** The figures a risk level is judged on (the columns of the estimate). */
// snake_case: the column names of DatasetSizeEstimate (the seed POC's table), so an estimate is passed as is.
export interface RiskFigures {
  json_size_mb: number;
  memory_requirement_mb: number;
  load_time_ms: number;
}

function exceeds(figures: RiskFigures, limit: RiskLimit): boolean {
  return (
    (limit.jsonMb !== undefined && figures.json_size_mb > limit.jsonMb) ||
    (limit.memoryMb !== undefined && figures.memory_requirement_mb > limit.memoryMb) ||
    (limit.loadMs !== undefined && figures.load_time_ms > limit.loadMs)
  );
}

const LEVELS = RISK_LEVELS.slice(1) as readonly Exclude<RiskLevel, 'LOW'>[];
const LIMIT_KEYS = ['jsonMb', 'memoryMb', 'loadMs'] as const;
const FIGURE_KEYS = ['json_size_mb', 'memory_requirement_mb', 'load_time_ms'] as const;

/**
 * Validates risk limits: `undefined`/`null` give RISK_LIMITS; otherwise an object with a `MEDIUM`, `HIGH` and
 * `CRITICAL` limit object, each figure absent or a finite number >= 0 (INVALID_OPTION naming it).
 */
export function resolveRiskLimits(limits: unknown, field: string): RiskLimits {
  if (limits == null) return RISK_LIMITS;
  assertObject(limits, field, 'an object { MEDIUM, HIGH, CRITICAL } of limits');
  const resolved = {} as RiskLimits;
  for (const level of LEVELS) {
    const limit = (limits as Record<string, unknown>)[level];
    assertObject(limit, `${field}.${level}`, 'an object { jsonMb?, memoryMb?, loadMs? }');
    const kept: RiskLimit = {};
    for (const key of LIMIT_KEYS) {
      const value = (limit as Record<string, unknown>)[key];
      if (value == null) continue; // absent: this figure sets no limit
      assertFiniteNumber(value, `${field}.${level}.${key}`, { min: 0 });
      kept[key] = value;
    }
    resolved[level] = kept;
  }
  return resolved;
}

/**
 * The highest level whose limits the figures exceed. Each figure must be a finite number >= 0 (a NaN figure would
 * exceed nothing and read as LOW): PromoscaleError `INVALID_OPTION` otherwise, as for bad `limits`.
 *
 * @example
 * classifyRisk({ json_size_mb: 5.29, memory_requirement_mb: 7, load_time_ms: 144 }); // 'MEDIUM'
 */
export function classifyRisk(figures: RiskFigures, limitsArg?: RiskLimits | null): RiskLevel {
  assertObject(figures, 'figures', 'an object { json_size_mb, memory_requirement_mb, load_time_ms }');
  for (const key of FIGURE_KEYS) assertFiniteNumber(figures[key], `figures.${key}`, { min: 0 });
  const limits = limitsArg === RISK_LIMITS ? RISK_LIMITS : resolveRiskLimits(limitsArg, 'limits');
  if (exceeds(figures, limits.CRITICAL)) return 'CRITICAL';
  if (exceeds(figures, limits.HIGH)) return 'HIGH';
  if (exceeds(figures, limits.MEDIUM)) return 'MEDIUM';
  return 'LOW';
}
