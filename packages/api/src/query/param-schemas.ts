import type { PromotionField } from '@promoscale/generator';
import { PROMOTION_FIELDS } from '@promoscale/generator';
import { z } from 'zod';
import { isIsoDate } from '../schemas/enum-schemas.js';

/** Longest value, id, parameter name or path echoed back in an error message, in UTF-16 code units. */
export const ECHO_LIMIT = 40;

/** The first `ECHO_LIMIT` code units of `raw`, never ending in half of a surrogate pair. */
function head(raw: string): string {
  const cut = raw.slice(0, ECHO_LIMIT);
  const last = cut.charCodeAt(cut.length - 1);
  return last >= 0xd800 && last <= 0xdbff ? cut.slice(0, -1) : cut;
}

/** The value received, quoted and shortened for an error message: `"abc"`, `"abcd"… (100000 characters)`. */
export function echo(raw: string): string {
  return raw.length > ECHO_LIMIT
    ? `${JSON.stringify(head(raw))}… (${raw.length} characters)`
    : JSON.stringify(raw);
}

/** The text received, unquoted and shortened like {@link echo}: a path or parameter name in a message. */
export function shorten(raw: string): string {
  return raw.length > ECHO_LIMIT ? `${head(raw)}… (${raw.length} characters)` : raw;
}

function fail(ctx: z.core.$RefinementCtx<string>, raw: string, message: string): never {
  ctx.issues.push({ code: 'custom', message, input: raw });
  return z.NEVER as never;
}

const INTEGER = /^[+-]?\d+$/;
const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/** An integer parameter in `min..max`. */
export function integerParam(name: string, min: number, max: number) {
  const range = max >= Number.MAX_SAFE_INTEGER ? `an integer >= ${min}` : `an integer from ${min} to ${max}`;
  // The error option only fires for a missing value (search parameters are always strings).
  return z.string({ error: `${name} is required; it must be ${range}` }).transform((raw, ctx): number => {
    const value = INTEGER.test(raw) ? Number(raw) : Number.NaN;
    if (!Number.isSafeInteger(value) || value < min || value > max) {
      return fail(ctx, raw, `${name} must be ${range}; received ${echo(raw)}`);
    }
    return value;
  });
}

/** A finite decimal number parameter (`12`, `-0.5`, `1e3`; not `Infinity`, `NaN`, `0x10` or empty). */
export function numberParam(name: string) {
  return z.string().transform((raw, ctx): number => {
    const value = DECIMAL.test(raw) ? Number(raw) : Number.NaN;
    if (!Number.isFinite(value))
      return fail(ctx, raw, `${name} must be a finite number; received ${echo(raw)}`);
    return value === 0 ? 0 : value;
  });
}

/** A `YYYY-MM-DD` date parameter (a real calendar date). */
export function dateParam(name: string) {
  return z.string().transform((raw, ctx): string => {
    if (!isIsoDate(raw))
      return fail(ctx, raw, `${name} must be a real date YYYY-MM-DD; received ${echo(raw)}`);
    return raw;
  });
}

/** `true` or `false`. */
export function booleanParam(name: string) {
  return z.string().transform((raw, ctx): boolean => {
    if (raw === 'true') return true;
    if (raw === 'false') return false;
    return fail(ctx, raw, `${name} must be true or false; received ${echo(raw)}`);
  });
}

/** One value out of a fixed set. */
export function enumParam<const T extends readonly string[]>(name: string, values: T) {
  const allowed = new Set<string>(values);
  return z.string().transform((raw, ctx): T[number] => {
    if (!allowed.has(raw)) {
      return fail(ctx, raw, `${name} must be one of ${values.join(', ')}; received ${echo(raw)}`);
    }
    return raw as T[number];
  });
}

/** Most values one list parameter takes. */
export const MAX_LIST_VALUES = 1000;

/** How a list parameter checks each value: a fixed set (with how to describe it) or a predicate. */
export interface ListValues<T extends string> {
  readonly accepts: (value: string) => value is T;
  /** What is accepted, in words: `one of TPR, BOGO, …`, `a catalog brand`. */
  readonly describe: string;
}

/** Accepts the values of a fixed list, described by listing them. */
export function oneOf<const T extends readonly string[]>(
  values: T,
  describe?: string,
): ListValues<T[number]> {
  const set = new Set<string>(values);
  return {
    accepts: (value): value is T[number] => set.has(value),
    describe: describe ?? `one of ${values.join(', ')}`,
  };
}

/** `a,b,c`: every value accepted, no empty item; duplicates are dropped, order kept. */
export function listParam<T extends string>(name: string, values: ListValues<T>) {
  return z.string().transform((raw, ctx): T[] => {
    const items = raw.split(',');
    if (items.length > MAX_LIST_VALUES) {
      return fail(ctx, raw, `${name} takes at most ${MAX_LIST_VALUES} values; received ${items.length}`);
    }
    const out: T[] = [];
    let failed = false;
    for (const item of items) {
      if (item === '') {
        failed = true;
        ctx.issues.push({
          code: 'custom',
          message: `${name} must be a comma-separated list without empty items; received ${echo(raw)}`,
          input: raw,
        });
        break;
      }
    }
    for (const item of items) {
      if (item === '') continue;
      if (!values.accepts(item)) {
        failed = true;
        ctx.issues.push({
          code: 'custom',
          message: `${name} has an unknown value ${echo(item)}; expected ${values.describe}`,
          input: raw,
        });
      } else if (!out.includes(item)) {
        out.push(item);
      }
    }
    return failed ? (z.NEVER as never) : out;
  });
}

/** Longest `q` accepted. */
export const MAX_SEARCH_LENGTH = 200;

/** `q`: at most 200 characters; empty means no search. */
export function searchParam(name = 'q') {
  return z.string().transform((raw, ctx): string | undefined => {
    if (raw.length > MAX_SEARCH_LENGTH) {
      return fail(
        ctx,
        raw,
        `${name} must be at most ${MAX_SEARCH_LENGTH} characters; received ${raw.length}`,
      );
    }
    return raw === '' ? undefined : raw;
  });
}

/** A sort key: a field and a direction. Ties left by every key are broken by `id` ascending. */
export interface SortKey {
  /** Any Promotion field (every one is sortable: `PROMOTION_FIELDS`). */
  field: PromotionField;
  direction: 'asc' | 'desc';
}

const SORTABLE = new Set<string>(PROMOTION_FIELDS);

/** `sort=-roi,storeId`: sortable fields, `-` for descending, each field once. */
export function sortParam(name = 'sort') {
  return z.string().transform((raw, ctx): SortKey[] => {
    const keys: SortKey[] = [];
    let failed = false;
    const issue = (message: string) => {
      failed = true;
      ctx.issues.push({ code: 'custom', message, input: raw });
    };
    for (const token of raw.split(',')) {
      const desc = token.startsWith('-');
      const field = desc ? token.slice(1) : token;
      if (field === '') {
        issue(`${name} must be a comma-separated list of fields, "-" for descending; received ${echo(raw)}`);
      } else if (!SORTABLE.has(field)) {
        issue(`${name} has an unknown field ${echo(field)}; sortable fields are the Promotion fields`);
      } else if (keys.some((key) => key.field === field)) {
        issue(`${name} lists ${echo(field)} more than once`);
      } else {
        keys.push({ field: field as PromotionField, direction: desc ? 'desc' : 'asc' });
      }
    }
    return failed ? (z.NEVER as never) : keys;
  });
}
