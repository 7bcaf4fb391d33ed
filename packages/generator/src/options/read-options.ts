// Door checks for options and optional arguments, shared by every package built on the generator: each either
// returns the value (typed) or throws PromoscaleError INVALID_OPTION naming the field and what is allowed. The
// rule everywhere: `undefined` and `null` mean "absent" (callers write `value ?? default` before checking).
import { PromoscaleError } from '../errors.js';

const OPTIONS_ALLOWED = 'an options object, undefined or null';

/**
 * An options argument as an object: `undefined` and `null` give `{}`; anything else but a plain object (a
 * string, number, array, function, …) throws INVALID_OPTION naming `field`.
 *
 * @example
 * const options = readOptions(rawOptions, 'options'); // {} for null
 * const chunkSize = options.chunkSize ?? 10;
 */
export function readOptions<T extends object>(value: T | null | undefined, field = 'options'): Partial<T> {
  if (value === undefined || value === null) return {};
  if (typeof value !== 'object' || Array.isArray(value)) {
    throw new PromoscaleError('INVALID_OPTION', field, value, OPTIONS_ALLOWED);
  }
  return value;
}

/**
 * An optional AbortSignal: `undefined` and `null` give `undefined`; anything that is not an AbortSignal (checked
 * by shape, so a signal from another realm passes: `aborted`, `throwIfAborted`, `addEventListener`,
 * `removeEventListener`) throws INVALID_OPTION.
 *
 * @example
 * const signal = readSignal(options.signal, 'options.signal');
 */
export function readSignal(value: unknown, field: string): AbortSignal | undefined {
  if (value === undefined || value === null) return undefined;
  const signal = value as Partial<AbortSignal>;
  if (
    typeof value !== 'object' ||
    typeof signal.aborted !== 'boolean' ||
    typeof signal.throwIfAborted !== 'function' ||
    typeof signal.addEventListener !== 'function' ||
    typeof signal.removeEventListener !== 'function'
  ) {
    throw new PromoscaleError('INVALID_OPTION', field, value, 'an AbortSignal, undefined or null');
  }
  return value as AbortSignal;
}

/** The range of {@link assertFiniteNumber}: inclusive `min`/`max`, or exclusive `above`. */
export interface NumberRange {
  min?: number | undefined;
  max?: number | undefined;
  /** Values must be strictly greater than this. */
  above?: number | undefined;
  /** Only whole numbers. @default false */
  integer?: boolean | undefined;
}

/** The words of a range, e.g. `a finite number > 0`, `an integer from 0 to 100`. */
function rangeText({ min, max, above, integer }: NumberRange): string {
  const kind = integer ? 'an integer' : 'a finite number';
  if (above !== undefined)
    return max === undefined ? `${kind} > ${above}` : `${kind} > ${above} and <= ${max}`;
  if (min !== undefined && max !== undefined) return `${kind} from ${min} to ${max}`;
  if (min !== undefined) return `${kind} >= ${min}`;
  if (max !== undefined) return `${kind} <= ${max}`;
  return kind;
}

/**
 * Throws INVALID_OPTION (or `code`) naming `field` and the range unless `value` is a finite number in `range`.
 *
 * @example
 * assertFiniteNumber(options.retryDelayMs, 'options.retryDelayMs', { min: 0, max: 2 ** 31 - 1 });
 */
export function assertFiniteNumber(
  value: unknown,
  field: string,
  range: NumberRange = {},
  code: 'INVALID_OPTION' | 'INVALID_STORE_COUNT' = 'INVALID_OPTION',
): asserts value is number {
  const { min, max, above, integer } = range;
  if (
    typeof value !== 'number' ||
    !Number.isFinite(value) ||
    (integer === true && !Number.isInteger(value)) ||
    (min !== undefined && value < min) ||
    (max !== undefined && value > max) ||
    (above !== undefined && value <= above)
  ) {
    throw new PromoscaleError(code, field, value, rangeText(range));
  }
}

/** Throws INVALID_OPTION unless `value` is `true` or `false` (no truthy strings or numbers). */
export function assertBoolean(value: unknown, field: string): asserts value is boolean {
  if (typeof value !== 'boolean') throw new PromoscaleError('INVALID_OPTION', field, value, 'true or false');
}

/** Throws INVALID_OPTION unless `value` is a function (callbacks, loaders, clocks). */
export function assertFunction(
  value: unknown,
  field: string,
): asserts value is (...args: never[]) => unknown {
  if (typeof value !== 'function') throw new PromoscaleError('INVALID_OPTION', field, value, 'a function');
}

/** Throws INVALID_OPTION unless `value` is one of `allowed` (compared with `===`). */
export function assertOneOf<T>(value: unknown, field: string, allowed: readonly T[]): asserts value is T {
  if (!allowed.includes(value as T)) {
    throw new PromoscaleError(
      'INVALID_OPTION',
      field,
      value,
      `one of ${allowed.map((a) => (typeof a === 'string' ? `'${a}'` : String(a))).join(', ')}`,
    );
  }
}

/** Throws INVALID_OPTION unless `value` is a plain object (not null, not an array): nested option groups. */
export function assertObject(value: unknown, field: string, allowed = 'an object'): asserts value is object {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new PromoscaleError('INVALID_OPTION', field, value, allowed);
  }
}
