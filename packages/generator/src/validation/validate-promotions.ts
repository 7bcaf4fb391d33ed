import { DEFAULT_AS_OF, parseIsoDate, tryParseIsoDate } from '../calendar/iso-date.js';
import { assertInteger, MAX_STORES, PromoscaleError } from '../errors.js';
import {
  PROMOTION_BOOLEAN_FIELDS,
  PROMOTION_DATE_FIELDS,
  PROMOTION_NUMBER_FIELDS,
  PROMOTION_STRING_FIELDS,
} from '../formats/promotion-fields.js';
import { readOptions } from '../options/read-options.js';
import { TEMPLATE_NAMES } from '../templates/store-templates.js';
import type { Promotion } from '../types.js';
import { PROMO_TYPES, PROMOTION_STATUSES, PROMOTIONS_PER_STORE } from '../variance/promotion-engine.js';

/** The rules {@link validatePromotions} checks (DOMAIN.md section 4 plus count and structure). */
export type ValidationRule =
  | 'structure'
  | 'promoPrice'
  | 'discountPct'
  | 'revenue'
  | 'baselineRevenue'
  | 'incrementalRevenue'
  | 'incrementalUnits'
  | 'liftPct'
  | 'grossMargin'
  | 'marginPct'
  | 'roi'
  | 'dates'
  | 'status'
  | 'uniqueId'
  | 'storeCount';

/** One broken rule of one promotion (or of a store, for `storeCount`). */
export interface ValidationError {
  /** The promotion id, or the store id for `storeCount`. */
  id: string;
  rule: ValidationRule;
  message: string;
}

/** The outcome of {@link validatePromotions}. */
export interface ValidationResult {
  valid: boolean;
  /** Promotions checked. */
  checked: number;
  errors: ValidationError[];
  /** True when more than `maxErrors` errors were found and the rest were counted but not listed. */
  truncated: boolean;
  /** Every error found, listed or not. */
  errorCount: number;
}

/** What the set as a whole must satisfy. */
export interface ValidationExpectations {
  /** Status is checked against this date. @default '2026-06-01' */
  asOf?: string | undefined;
  /** The store ids that must all be present (or just their count, an integer from 0 to 100,000). */
  stores?: readonly string[] | number | undefined;
  /** An integer >= 1. @default 30 */
  promotionsPerStore?: number | undefined;
  /** Errors listed before `truncated` is set: an integer >= 0 (0 counts errors without listing them). @default 1000 */
  maxErrors?: number | undefined;
}

const INTEGER_FIELDS = ['baselineUnits', 'promoUnits', 'incrementalUnits'] as const;
const PROMO_TYPE_SET = new Set<string>(PROMO_TYPES);
const STATUS_SET = new Set<string>(PROMOTION_STATUSES);
const TEMPLATES = new Set<string>(TEMPLATE_NAMES);
const DURATIONS = new Set([7, 14, 21, 28]);
const CENT = 0.005 + 1e-9;

/**
 * Checks every invariant of DOMAIN.md section 4 (money to the cent, percentages to ±0.5, ROI to ±0.01, dates,
 * status against `asOf`, unique ids), the structure of each row and exactly 30 promotions a store.
 *
 * @example
 * const { valid, errors } = validatePromotions(processBatch(1, 7, 'MIXED').promotions, { stores: 7 });
 */
export function validatePromotions(
  promotions: readonly Promotion[],
  expectationsArg?: ValidationExpectations | null,
): ValidationResult {
  if (!Array.isArray(promotions)) {
    throw new PromoscaleError('INVALID_OPTION', 'promotions', promotions, 'an array of promotions');
  }
  const expectations = readOptions(expectationsArg, 'expectations');
  const asOf = expectations.asOf ?? DEFAULT_AS_OF;
  const asOfDay = parseIsoDate(asOf, 'expectations.asOf');
  const perStore = expectations.promotionsPerStore ?? PROMOTIONS_PER_STORE;
  assertInteger(perStore, 'expectations.promotionsPerStore', 'INVALID_OPTION', 1);
  const maxErrors = expectations.maxErrors ?? 1000;
  assertInteger(maxErrors, 'expectations.maxErrors', 'INVALID_OPTION', 0);
  const expectedStores = expectations.stores ?? undefined;
  if (Array.isArray(expectedStores)) {
    expectedStores.forEach((storeId: unknown, i) => {
      if (typeof storeId !== 'string') {
        throw new PromoscaleError(
          'INVALID_OPTION',
          `expectations.stores[${i}]`,
          storeId,
          'a store id string',
        );
      }
    });
  } else if (expectedStores !== undefined) {
    assertInteger(expectedStores, 'expectations.stores', 'INVALID_OPTION', 0, MAX_STORES);
  }
  const errors: ValidationError[] = [];
  let errorCount = 0;
  const fail = (id: string, rule: ValidationRule, message: string) => {
    errorCount++;
    if (errors.length < maxErrors) errors.push({ id, rule, message });
  };
  const ids = new Set<string>();
  const perStoreCount = new Map<string, number>();

  for (let i = 0; i < promotions.length; i++) {
    const p = promotions[i] as Promotion;
    const id = typeof p?.id === 'string' ? p.id : `#${i}`;
    // Count the row for its store even when it is malformed, so one bad row does not also read as a missing one.
    if (typeof p?.storeId === 'string') perStoreCount.set(p.storeId, (perStoreCount.get(p.storeId) ?? 0) + 1);
    const problem = structureProblem(p);
    if (problem) {
      fail(id, 'structure', problem);
      continue;
    }
    if (ids.has(p.id)) fail(id, 'uniqueId', `id ${p.id} appears more than once`);
    ids.add(p.id);

    if (!(p.promoPrice < p.regularPrice)) {
      fail(id, 'promoPrice', `promoPrice ${p.promoPrice} is not below regularPrice ${p.regularPrice}`);
    }
    near(id, 'discountPct', p.discountPct, 100 * (1 - p.promoPrice / p.regularPrice), 0.5);
    near(id, 'revenue', p.revenue, p.promoUnits * p.promoPrice, CENT);
    near(id, 'baselineRevenue', p.baselineRevenue, p.baselineUnits * p.regularPrice, CENT);
    near(id, 'incrementalRevenue', p.incrementalRevenue, p.revenue - p.baselineRevenue, CENT);
    if (p.incrementalUnits !== p.promoUnits - p.baselineUnits) {
      fail(id, 'incrementalUnits', `incrementalUnits ${p.incrementalUnits} ≠ promoUnits - baselineUnits`);
    }
    if (p.baselineUnits > 0) near(id, 'liftPct', p.liftPct, 100 * (p.promoUnits / p.baselineUnits - 1), 0.5);
    near(id, 'grossMargin', p.grossMargin, p.revenue - p.promoUnits * p.unitCost, CENT);
    if (p.revenue !== 0) near(id, 'marginPct', p.marginPct, (100 * p.grossMargin) / p.revenue, 0.5);
    if (p.promoSpend !== 0) near(id, 'roi', p.roi, p.incrementalMargin / p.promoSpend, 0.01);

    const startDay = tryParseIsoDate(p.startDate) as number;
    const endDay = tryParseIsoDate(p.endDate) as number;
    if (endDay - startDay !== p.durationDays - 1) {
      fail(
        id,
        'dates',
        `endDate - startDate is ${endDay - startDay} days; expected durationDays - 1 = ${p.durationDays - 1}`,
      );
    }
    const expected = startDay > asOfDay ? 'planned' : endDay < asOfDay ? 'completed' : 'active';
    if (p.status !== expected)
      fail(id, 'status', `status is ${p.status}; expected ${expected} as of ${asOf}`);
  }

  if (typeof expectedStores === 'number' && perStoreCount.size !== expectedStores) {
    fail('*', 'storeCount', `found ${perStoreCount.size} stores; expected ${expectedStores}`);
  }
  if (Array.isArray(expectedStores)) {
    for (const storeId of expectedStores)
      if (!perStoreCount.has(storeId)) fail(storeId, 'storeCount', `store ${storeId} has no promotions`);
    const expectedSet = new Set(expectedStores);
    for (const storeId of perStoreCount.keys())
      if (!expectedSet.has(storeId)) fail(storeId, 'storeCount', `store ${storeId} was not expected`);
  }
  for (const [storeId, count] of perStoreCount) {
    if (count !== perStore)
      fail(storeId, 'storeCount', `store ${storeId} has ${count} promotions; expected ${perStore}`);
  }
  return {
    valid: errorCount === 0,
    checked: promotions.length,
    errors,
    truncated: errorCount > errors.length,
    errorCount,
  };

  function near(id: string, rule: ValidationRule, actual: number, expected: number, tolerance: number) {
    if (!(Math.abs(actual - expected) <= tolerance)) {
      fail(
        id,
        rule,
        `${rule} is ${actual}; expected ${round(expected)} (±${tolerance < 0.01 ? '0.005' : tolerance})`,
      );
    }
  }
}

function round(x: number): number {
  return Math.round(x * 10_000) / 10_000;
}

function structureProblem(p: Promotion): string | null {
  if (typeof p !== 'object' || p === null) return 'not an object';
  for (const f of PROMOTION_STRING_FIELDS)
    if (typeof p[f] !== 'string' || p[f] === '') return `${f} is not a non-empty string`;
  for (const f of PROMOTION_NUMBER_FIELDS)
    if (typeof p[f] !== 'number' || !Number.isFinite(p[f])) return `${f} is not a finite number`;
  for (const f of PROMOTION_BOOLEAN_FIELDS) if (typeof p[f] !== 'boolean') return `${f} is not a boolean`;
  for (const f of INTEGER_FIELDS) if (!Number.isInteger(p[f])) return `${f} is not an integer`;
  if (!TEMPLATES.has(p.template)) return `template ${String(p.template)} is not a template name`;
  if (!PROMO_TYPE_SET.has(p.promoType))
    return `promoType ${String(p.promoType)} is not one of ${PROMO_TYPES.join(', ')}`;
  if (!STATUS_SET.has(p.status))
    return `status ${String(p.status)} is not one of ${PROMOTION_STATUSES.join(', ')}`;
  if (!DURATIONS.has(p.durationDays)) return `durationDays ${String(p.durationDays)} is not 7, 14, 21 or 28`;
  for (const f of PROMOTION_DATE_FIELDS) {
    if (tryParseIsoDate(p[f]) === null) return `${f} is not a real YYYY-MM-DD date`;
  }
  if (p.id !== `PRM-${p.storeId}-${p.sku}`) return `id ${p.id} is not PRM-<storeId>-<sku>`;
  if (p.baselineUnits < 0 || p.promoUnits < 0) return 'units must not be negative';
  return null;
}
