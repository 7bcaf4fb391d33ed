// A table-driven hostile-input suite: every slot (a positional argument or an option of a public function) is
// called with one value of each class below. An invalid value must give a PromoscaleError with the slot's code,
// field and allowed range (never a plain TypeError or RangeError); a valid one must give a correct result.
import { describe, expect, it } from 'vitest';

/** One value of each hostile class. */
export const HOSTILE = {
  string: 'x',
  boolean: true,
  object: {},
  array: [],
  symbol: Symbol('hostile'),
  bigint: 10n,
  function: () => 1,
  null: null,
  undefined: undefined,
  NaN: Number.NaN,
  Infinity: Number.POSITIVE_INFINITY,
  '-Infinity': Number.NEGATIVE_INFINITY,
  negative: -1,
  zero: 0,
  huge: 1e308,
  unsafe: 2 ** 53,
  fractional: 1.5,
} as const satisfies Record<string, unknown>;

/** The classes of {@link HOSTILE}. */
export type HostileLabel = keyof typeof HOSTILE;

/** Values that look like an AbortSignal to careless code but are not one. */
export const FAKE_SIGNALS = {
  'signal {}': {},
  "signal 'x'": 'x',
  'signal { aborted: true }': { aborted: true },
  'signal { aborted: false, addEventListener }': { aborted: false, addEventListener() {} },
} as const;

/** What an invalid value must throw. */
export interface ExpectedError {
  code: string;
  field: string;
  /** Text the message and `allowed` must contain: the allowed range. */
  allowed: string;
}

/** One argument or option of one public function. */
export interface Slot extends ExpectedError {
  /** e.g. `processBatch options.chunkSize`. */
  name: string;
  /** Calls the function with `value` in this slot and valid values elsewhere (may return a promise). */
  call: (value: unknown) => unknown;
  /** Classes that are valid here, each with a check of the result (`undefined`: only "does not throw"). */
  valid?: Partial<Record<HostileLabel, ((result: unknown) => void | Promise<void>) | undefined>>;
  /** A different expected error for some classes (e.g. `{}` as a weights object). */
  errors?: Partial<Record<HostileLabel, ExpectedError>>;
  /** Classes not tried here, because a valid call would be too slow for this suite (say where they are covered). */
  skip?: readonly HostileLabel[];
  /** More values to try, by label, with their outcome: `'valid'` or the error expected. */
  extra?: Record<string, { value: unknown; expect: 'valid' | ExpectedError }>;
}

type Outcome = { ok: true; result: unknown } | { ok: false; error: unknown };

async function attempt(call: () => unknown): Promise<Outcome> {
  try {
    const result = await call();
    return { ok: true, result };
  } catch (error) {
    return { ok: false, error };
  }
}

/** Asserts that `error` is a PromoscaleError (`ErrorClass`) with the expected code, field and range text. */
export function expectTypedError(
  error: unknown,
  ErrorClass: abstract new (...args: never[]) => Error,
  expected: ExpectedError,
) {
  expect(error).toBeInstanceOf(ErrorClass);
  const e = error as Error & { code: string; field: string; allowed: string };
  expect({ code: e.code, field: e.field }).toEqual({ code: expected.code, field: expected.field });
  expect(e.message).toContain(expected.field);
  expect(e.message).toContain(expected.allowed);
  expect(e.allowed).toContain(expected.allowed);
}

/**
 * Registers one test per slot and hostile class. `ErrorClass` is the PromoscaleError of the package under test
 * (its own source), so an error of any other class fails.
 */
export function defineHostileSuite(
  title: string,
  ErrorClass: abstract new (...args: never[]) => Error,
  slots: readonly Slot[],
): void {
  describe(title, () => {
    for (const slot of slots) {
      const cases: Array<
        [string, unknown, 'valid' | ExpectedError, ((r: unknown) => void | Promise<void>) | undefined]
      > = [];
      for (const label of Object.keys(HOSTILE) as HostileLabel[]) {
        if (slot.skip?.includes(label)) continue;
        const valid = slot.valid && label in slot.valid;
        cases.push([
          label,
          HOSTILE[label],
          valid ? 'valid' : (slot.errors?.[label] ?? slot),
          slot.valid?.[label],
        ]);
      }
      for (const [label, { value, expect: outcome }] of Object.entries(slot.extra ?? {})) {
        cases.push([label, value, outcome, undefined]);
      }
      describe(slot.name, () => {
        it.each(cases)('%s', async (_label, value, expected, check) => {
          const outcome = await attempt(() => slot.call(value));
          if (expected === 'valid') {
            if (!outcome.ok) throw outcome.error;
            await check?.(outcome.result);
          } else {
            expect(outcome.ok).toBe(false);
            if (!outcome.ok) expectTypedError(outcome.error, ErrorClass, expected);
          }
        });
      });
    }
  });
}
