/**
 * The median of a sample: the middle value in numeric order, or the mean of the two middle values of an even-sized
 * sample; `NaN` for an empty one. Sorts a copy (`values` is left as it is). The one median of the repo: batch
 * metrics, the realism tests, scaling's measurements and the benches use it.
 *
 * @example
 * median([3, 1, 2]); // 2
 * median([4, 1, 3, 2]); // 2.5
 */
export function median(values: ArrayLike<number>): number {
  const sorted = Float64Array.from(values).sort();
  const n = sorted.length;
  if (n === 0) return Number.NaN;
  const mid = n >> 1;
  return n % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}
