import type { CodeArray, NumberArray } from './promotion-columns.js';
import { inSlices, SLICE_ROWS, type Steps } from './run-steps.js';

/**
 * Dense ranks of a column: equal values share a rank, ranks run `0..max` without gaps. Row `i`'s rank is
 * `keys[i]`, or `map[keys[i]]` when there is a map (a dictionary column ranks its codes, not its rows).
 */
export interface Ranking {
  readonly keys: CodeArray;
  readonly map?: Uint32Array | undefined;
  readonly max: number;
}

/** The narrowest unsigned array for values `0..max`. */
export function codeArray(size: number, max: number): CodeArray {
  return max < 256 ? new Uint8Array(size) : max < 65_536 ? new Uint16Array(size) : new Uint32Array(size);
}

/** Integer columns spanning at most this many values are ranked by counting, not by sorting. */
const MAX_COUNTING_RANGE = 1 << 22;

/**
 * Dense ranks of a numeric column, in ascending numeric order (`-0` and `0` are one value): integer columns a
 * slice of rows a step, by counting; doubles sorted in one step.
 */
export function* rankNumbersSteps(column: NumberArray, slice = SLICE_ROWS): Steps<Ranking> {
  if (!(column instanceof Float64Array) && column.length > 0) {
    let min = column[0] as number;
    let max = min;
    yield* inSlices(column.length, slice, (from, to) => {
      for (let i = from; i < to; i++) {
        const v = column[i] as number;
        if (v < min) min = v;
        else if (v > max) max = v;
      }
    });
    if (max - min < MAX_COUNTING_RANGE) return yield* rankIntegers(column, min, max, slice);
  }
  return rankDoubles(column);
}

function rankDoubles(column: NumberArray): Ranking {
  const sorted = column.slice().sort();
  let distinct = 0;
  for (let k = 0; k < sorted.length; k++) {
    // -0 and 0 are one value.
    if (k === 0 || (sorted[k] as number) !== (sorted[distinct - 1] as number))
      sorted[distinct++] = sorted[k] as number;
  }
  const rank = codeArray(column.length, distinct - 1);
  for (let i = 0; i < column.length; i++) {
    const v = column[i] as number;
    let lo = 0;
    let hi = distinct - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((sorted[mid] as number) < v) lo = mid + 1;
      else hi = mid;
    }
    rank[i] = lo;
  }
  return { keys: rank, max: Math.max(0, distinct - 1) };
}

/** Dense ranks of integers in `min..max` by counting: mark the values present, number them in order. */
function* rankIntegers(
  column: Int8Array | Int16Array | Int32Array,
  min: number,
  max: number,
  slice: number,
): Steps<Ranking> {
  const rankOf = new Uint32Array(max - min + 1);
  yield* inSlices(column.length, slice, (from, to) => {
    for (let i = from; i < to; i++) rankOf[(column[i] as number) - min] = 1;
  });
  yield;
  let distinct = 0;
  for (let v = 0; v < rankOf.length; v++) if (rankOf[v]) rankOf[v] = distinct++;
  const rank = codeArray(column.length, distinct - 1);
  yield;
  yield* inSlices(column.length, slice, (from, to) => {
    for (let i = from; i < to; i++) rank[i] = rankOf[(column[i] as number) - min] as number;
  });
  return { keys: rank, max: distinct - 1 };
}

/**
 * Dense ranks of a dictionary-encoded string column (`values[codes[i]]` is row i's value), in UTF-16 code-unit
 * order: a rank per distinct value, none per row.
 */
export function rankDictionary(values: readonly string[], codes: CodeArray): Ranking {
  const sorted = values
    .map((_, code) => code)
    .sort((a, b) => {
      const x = values[a] as string;
      const y = values[b] as string;
      return x < y ? -1 : x > y ? 1 : 0;
    });
  const map = new Uint32Array(values.length);
  sorted.forEach((code, r) => {
    map[code] = r;
  });
  return { keys: codes, map, max: Math.max(0, values.length - 1) };
}
