import { MAX_STORES, PromoscaleError } from '@promoscale/generator';

/** Throws PromoscaleError `INVALID_STORE_COUNT` unless `value` is an integer from 1 to 100,000. */
export function assertStoreCount(value: unknown, field = 'stores'): asserts value is number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > MAX_STORES) {
    throw new PromoscaleError('INVALID_STORE_COUNT', field, value, `an integer from 1 to ${MAX_STORES}`);
  }
}

/** Throws PromoscaleError `INVALID_OPTION` unless `value` is a finite number > 0 (budgets and thresholds). */
export function assertPositive(value: unknown, field: string): asserts value is number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) {
    throw new PromoscaleError('INVALID_OPTION', field, value, 'a finite number > 0');
  }
}

/** Throws PromoscaleError `INVALID_OPTION` unless `value` is an integer from 1 to 100 (timed runs). */
export function assertRuns(value: unknown, field: string): asserts value is number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > 100) {
    throw new PromoscaleError('INVALID_OPTION', field, value, 'an integer from 1 to 100');
  }
}
