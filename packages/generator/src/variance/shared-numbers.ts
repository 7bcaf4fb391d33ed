// Shared number boxes for the promotion fields whose values come from a small set: prices in cents, percentages
// in tenths, ratios in thousandths. A fractional number kept in an object is a separate 16-byte heap object in V8
// (Node 20 has no pointer compression), so a row that shares these eight numbers instead of boxing its own holds
// 8 fewer heap objects: less to allocate, copy and mark. Values are the same doubles either way (k / scale), so
// output bytes do not change. Why and how it was measured: docs/decisions/0004-shared-number-boxes.md.

/**
 * A lazily filled table of the numbers `k / scale` for integer `k` in `[min, max)`. `get(k)` returns the table's
 * copy, so every caller gets the same boxed number; a `k` outside the range gets a fresh number of the same value.
 * Zero is always `+0`, whatever the sign of `k`.
 */
export interface DecimalTable {
  readonly scale: number;
  readonly min: number;
  readonly max: number;
  get(k: number): number;
}

/** Creates a {@link DecimalTable} for `k / scale` with `k` in `[min, max)`. */
export function createDecimalTable(scale: number, min: number, max: number): DecimalTable {
  const size = max - min;
  // Empty until the first miss, so importing the package costs nothing. Filled with undefined, the elements are
  // tagged (not a double array), so a stored number keeps its box instead of being unboxed and boxed on each read.
  let values: (number | undefined)[] = [];
  function miss(k: number): number {
    const i = k - min;
    // Only whole k inside the range are kept (a fractional index would become a named property of the array).
    if (!Number.isInteger(i) || i < 0 || i >= size) return k / scale + 0;
    if (values.length === 0) values = new Array<number | undefined>(size).fill(undefined);
    const value = (i + min) / scale + 0;
    values[i] = value;
    return value;
  }
  return {
    scale,
    min,
    max,
    // Kept tiny so that the optimizer inlines it at every call site.
    get(k: number): number {
      const shared = values[k - min];
      return shared !== undefined ? shared : miss(k);
    },
  };
}

// The ranges hold every value of generated data with room to spare (shared-numbers.test.ts checks 6,000 stores);
// a rarer value outside them is simply not shared.
/** Money in cents, $0.00 to $99.99: shelf prices, promotion prices and unit costs. */
export const CENTS = createDecimalTable(100, 0, 10_000);
/** Percentages in tenths, -200.0% to 1,999.9%: discount, lift and margin percentages. */
export const TENTHS = createDecimalTable(10, -2_000, 20_000);
/** Ratios in thousandths, -2.000 to 9.999: ROI and redemption rates. */
export const THOUSANDTHS = createDecimalTable(1_000, -2_000, 10_000);
