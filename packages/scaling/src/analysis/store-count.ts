import { MAX_STORES } from '@promoscale/generator';
import { assertFiniteNumber } from '@promoscale/generator/internal';

/** Throws PromoscaleError `INVALID_STORE_COUNT` unless `value` is an integer from 1 to 100,000. */
export function assertStoreCount(value: unknown, field = 'stores'): asserts value is number {
  assertFiniteNumber(value, field, { min: 1, max: MAX_STORES, integer: true }, 'INVALID_STORE_COUNT');
}

/** Throws PromoscaleError `INVALID_OPTION` unless `value` is a finite number > 0 (budgets and thresholds). */
export function assertPositive(value: unknown, field: string): asserts value is number {
  assertFiniteNumber(value, field, { above: 0 });
}

/** Throws PromoscaleError `INVALID_OPTION` unless `value` is an integer from 1 to 100 (timed runs). */
export function assertRuns(value: unknown, field: string): asserts value is number {
  assertFiniteNumber(value, field, { min: 1, max: 100, integer: true });
}
