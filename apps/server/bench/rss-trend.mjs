// The RSS verdict of the bench's load test (server.bench.mjs): is the server's memory flat once warm?
// Types: rss-trend.d.mts.

/** Samples per block: the trend is fitted through the median of each 5 s, so a GC spike or dip weighs nothing. */
const BLOCK = 5;

/**
 * The trend of RSS samples taken once a second, in MB/min: the Theil–Sen slope (the median of the slopes between
 * every two 5-second medians: one odd point cannot tilt it, unlike least squares) with Sen's rank-based 95%
 * interval.
 */
export function rssTrend(samples) {
  const points = [];
  for (let i = 0; i + BLOCK <= samples.length; i += BLOCK) {
    const block = samples.slice(i, i + BLOCK).sort((a, b) => a - b);
    points.push([(i + (BLOCK - 1) / 2) / 60, block[(BLOCK - 1) / 2]]);
  }
  const n = points.length;
  if (n < 4) return { slope: Number.NaN, low: Number.NaN, high: Number.NaN };
  const slopes = [];
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++)
      slopes.push((points[j][1] - points[i][1]) / (points[j][0] - points[i][0]));
  }
  slopes.sort((a, b) => a - b);
  const at = (k) => slopes[Math.min(slopes.length - 1, Math.max(0, Math.round(k)))];
  const m = slopes.length;
  const slope = m % 2 === 1 ? at((m - 1) / 2) : (at(m / 2 - 1) + at(m / 2)) / 2;
  // Kendall's statistic has variance n(n-1)(2n+5)/18 (no ties assumed); 1.96 of its deviations either side.
  const c = 1.96 * Math.sqrt((n * (n - 1) * (2 * n + 5)) / 18);
  return { slope, low: at((m - c) / 2 - 1), high: at((m + c) / 2) };
}

/**
 * RSS is flat when its trend is within ±FLAT_MB_PER_MIN and its whole 95% interval within ±RESOLVED_MB_PER_MIN
 * (a window too short for its noise cannot say). A slower leak than this is for heap snapshots to find.
 */
export const FLAT_MB_PER_MIN = 2;
export const RESOLVED_MB_PER_MIN = 5;

/** flat / growing / not resolved, from {@link rssTrend}. */
export function rssVerdict({ slope, low, high }) {
  if (!Number.isFinite(slope)) return 'not resolved: too few samples';
  if (Math.abs(slope) <= FLAT_MB_PER_MIN && low >= -RESOLVED_MB_PER_MIN && high <= RESOLVED_MB_PER_MIN) {
    return 'flat';
  }
  if (low > FLAT_MB_PER_MIN) return 'growing';
  return 'not resolved at this length: run longer (BENCH_LOAD_SECONDS)';
}
