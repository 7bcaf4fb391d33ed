/** Stable codes of {@link PromoscaleError}. */
export type PromoscaleErrorCode =
  | 'INVALID_STORE_NUMBER'
  | 'INVALID_STORE_RANGE'
  | 'INVALID_STORE_COUNT'
  | 'INVALID_CHUNK_SIZE'
  | 'UNKNOWN_TEMPLATE'
  | 'INVALID_TEMPLATE_WEIGHTS'
  | 'INVALID_SEED'
  | 'INVALID_DATE'
  | 'INVALID_OFFSET'
  | 'INVALID_LIMIT'
  | 'INVALID_OPTION'
  | 'ABORTED';

/**
 * The one error type promoscale throws for bad input. `code` is stable across releases; `field`, `value` and
 * `allowed` say which argument was wrong, what it was and what is accepted.
 *
 * @example
 * try { processBatch(0, 5, 'SUBURBAN_FAMILY') } catch (e) {
 *   if (e instanceof PromoscaleError && e.code === 'INVALID_STORE_NUMBER') console.error(e.message)
 * }
 */
export class PromoscaleError extends Error {
  override readonly name = 'PromoscaleError';
  readonly code: PromoscaleErrorCode;
  /** The argument or option at fault, e.g. `startStore` or `options.chunkSize`. */
  readonly field: string;
  /** The value received. */
  readonly value: unknown;
  /** What is accepted, in words, e.g. `an integer from 1 to 100000`. */
  readonly allowed: string;

  constructor(code: PromoscaleErrorCode, field: string, value: unknown, allowed: string, detail?: string) {
    super(`${field} must be ${allowed}; received ${describe(value)}${detail ? ` (${detail})` : ''}`);
    this.code = code;
    this.field = field;
    this.value = value;
    this.allowed = allowed;
  }
}

function describe(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number' || typeof value === 'boolean' || value == null) return String(value);
  if (typeof value === 'bigint') return `${value}n`;
  try {
    return JSON.stringify(value) ?? typeof value;
  } catch {
    return typeof value;
  }
}

/** The largest store number the generator accepts. */
export const MAX_STORES = 100_000;

/** Throws INVALID_STORE_NUMBER unless `value` is an integer in 1..MAX_STORES. */
export function assertStoreNumber(value: unknown, field: string): asserts value is number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > MAX_STORES) {
    throw new PromoscaleError('INVALID_STORE_NUMBER', field, value, `an integer from 1 to ${MAX_STORES}`);
  }
}

/**
 * Throws INVALID_STORE_NUMBER unless both are store numbers, and INVALID_STORE_RANGE (field `endStore`) when
 * `endStore` is below `startStore`.
 */
export function assertStoreRange(startStore: unknown, endStore: unknown): asserts startStore is number {
  assertStoreNumber(startStore, 'startStore');
  assertStoreNumber(endStore, 'endStore');
  if (startStore > endStore) {
    throw new PromoscaleError(
      'INVALID_STORE_RANGE',
      'endStore',
      endStore,
      `an integer >= startStore (${startStore})`,
    );
  }
}

/**
 * Throws a `PromoscaleError` with `code`, naming `field`, the value and the allowed range, unless `value` is an
 * integer >= `min` (and <= `max` when given).
 *
 * @example
 * assertInteger(options.chunkSize, 'options.chunkSize', 'INVALID_CHUNK_SIZE', 1, MAX_STORES);
 */
export function assertInteger(
  value: unknown,
  field: string,
  code: PromoscaleErrorCode,
  min: number,
  max = Number.MAX_SAFE_INTEGER,
): asserts value is number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    const allowed =
      max === Number.MAX_SAFE_INTEGER ? `an integer >= ${min}` : `an integer from ${min} to ${max}`;
    throw new PromoscaleError(code, field, value, allowed);
  }
}
