/** Dense ranks of a column: equal values share a rank, ranks run `0..max` without gaps. */
export interface Ranking {
  /** Dense rank of each row's value. */
  readonly rank: Uint32Array;
  readonly max: number;
}

/** Dense ranks of a numeric column, in ascending numeric order (`-0` and `0` are one value). */
export function rankNumbers(column: Float64Array): Ranking {
  const sorted = Float64Array.from(column).sort();
  let distinct = 0;
  for (let k = 0; k < sorted.length; k++) {
    // -0 and 0 are one value.
    if (k === 0 || (sorted[k] as number) !== (sorted[distinct - 1] as number))
      sorted[distinct++] = sorted[k] as number;
  }
  const rank = new Uint32Array(column.length);
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
  return { rank, max: Math.max(0, distinct - 1) };
}

/**
 * Dense ranks of a dictionary-encoded string column (`values[codes[i]]` is row i's value), in UTF-16 code-unit
 * order.
 */
export function rankDictionary(values: readonly string[], codes: Uint32Array): Ranking {
  const sorted = values
    .map((_, code) => code)
    .sort((a, b) => {
      const x = values[a] as string;
      const y = values[b] as string;
      return x < y ? -1 : x > y ? 1 : 0;
    });
  const codeRank = new Uint32Array(values.length);
  sorted.forEach((code, r) => {
    codeRank[code] = r;
  });
  const rank = new Uint32Array(codes.length);
  for (let i = 0; i < codes.length; i++) rank[i] = codeRank[codes[i] as number] as number;
  return { rank, max: Math.max(0, values.length - 1) };
}
