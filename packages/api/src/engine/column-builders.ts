import type { CodeArray, Dictionary, NumberArray, NumberColumn } from './promotion-columns.js';

const INT32_MIN = -2_147_483_648;
const INT32_MAX = 2_147_483_647;
/** Scales tried in turn: the generator writes money in cents, percents in tenths, ratios in thousandths. */
const MAX_SCALE = 10_000;

/**
 * Encodes a numeric column row by row as integers times a power of ten (`12.34` → `1234` at scale 100), checking
 * each value decodes back to the very same double (`q / scale === v`, `-0` excluded); a value that cannot is the
 * end of the integer form and the column becomes `Float64Array`. `finish` narrows the integers to the smallest
 * signed array that holds them, so a column of 7/14/21/28 takes one byte a row.
 */
export class NumberColumnBuilder {
  #ints: Int32Array | undefined;
  #floats: Float64Array | undefined;
  #scale = 1;
  #min = 0;
  #max = 0;

  constructor(size: number) {
    this.#ints = new Int32Array(size);
  }

  set(i: number, value: number): void {
    const ints = this.#ints;
    if (ints) {
      const q = Math.round(value * this.#scale);
      if (q / this.#scale === value && q >= INT32_MIN && q <= INT32_MAX && !Object.is(value, -0)) {
        ints[i] = q;
        if (q < this.#min) this.#min = q;
        else if (q > this.#max) this.#max = q;
        return;
      }
      this.#widen(value);
      this.set(i, value);
      return;
    }
    (this.#floats as Float64Array)[i] = value;
  }

  /** A larger scale that holds `value` and every earlier one, or doubles. */
  #widen(value: number): void {
    const ints = this.#ints as Int32Array;
    for (let scale = this.#scale * 10; scale <= MAX_SCALE && !Object.is(value, -0); scale *= 10) {
      const q = Math.round(value * scale);
      const factor = scale / this.#scale;
      if (q / scale !== value) continue;
      const min = Math.min(this.#min * factor, q);
      const max = Math.max(this.#max * factor, q);
      if (min < INT32_MIN || max > INT32_MAX) break;
      for (let k = 0; k < ints.length; k++) ints[k] = (ints[k] as number) * factor;
      this.#scale = scale;
      this.#min *= factor;
      this.#max *= factor;
      return;
    }
    const floats = new Float64Array(ints.length);
    for (let k = 0; k < ints.length; k++) floats[k] = (ints[k] as number) / this.#scale;
    this.#floats = floats;
    this.#ints = undefined;
    this.#scale = 1;
  }

  finish(): NumberColumn {
    const ints = this.#ints;
    if (!ints) return { values: this.#floats as Float64Array, scale: 1 };
    let values: NumberArray = ints;
    if (this.#min >= -128 && this.#max <= 127) values = new Int8Array(ints);
    else if (this.#min >= -32_768 && this.#max <= 32_767) values = new Int16Array(ints);
    return { values, scale: this.#scale };
  }
}

/**
 * Encodes a string column as dictionary codes, one byte a row until 256 distinct values, two until 65,536, then
 * four. A run of equal values (a store's name on its 30 rows) costs one map lookup.
 */
export class DictionaryBuilder {
  readonly #values: string[] = [];
  readonly #index = new Map<string, number>();
  #codes: CodeArray;
  #last: string | undefined;
  #lastCode = 0;

  constructor(size: number) {
    this.#codes = new Uint8Array(size);
  }

  set(i: number, value: string): void {
    if (value !== this.#last) {
      let code = this.#index.get(value);
      if (code === undefined) {
        code = this.#values.length;
        this.#values.push(value);
        this.#index.set(value, code);
        if (code === 256) this.#codes = new Uint16Array(this.#codes);
        else if (code === 65_536) this.#codes = new Uint32Array(this.#codes);
      }
      this.#last = value;
      this.#lastCode = code;
    }
    this.#codes[i] = this.#lastCode;
  }

  finish(): Dictionary {
    return { values: this.#values, index: this.#index, codes: this.#codes };
  }
}

/** Beyond this magnitude a bound needs no adjusting: every stored integer is far inside it. */
const FAR = 2 ** 40;

/**
 * The stored-value bounds `[lo, hi]` of a range filter on a numeric column: `values[i] / scale` lies in
 * `[gte, lte]` exactly when `values[i]` lies in `[lo, hi]`, so a filter pass compares integers without dividing.
 * Exact: each bound is moved until the column's own division (`q / scale`, monotonic in `q`) agrees with it.
 */
export function storedRange(column: NumberColumn, gte: number, lte: number): [number, number] {
  const { scale } = column;
  if (scale === 1) return [gte, lte];
  let lo = Math.ceil(gte * scale);
  if (Number.isFinite(lo) && Math.abs(lo) < FAR) {
    while ((lo - 1) / scale >= gte) lo--;
    while (lo / scale < gte) lo++;
  }
  let hi = Math.floor(lte * scale);
  if (Number.isFinite(hi) && Math.abs(hi) < FAR) {
    while ((hi + 1) / scale <= lte) hi++;
    while (hi / scale > lte) hi--;
  }
  return [lo, hi];
}
