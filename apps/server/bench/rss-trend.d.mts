/** The trend of RSS samples (MB, one a second): the slope in MB/min and its 95% interval. */
export interface RssTrend {
  slope: number;
  low: number;
  high: number;
}
/** Flat means a trend within ±FLAT_MB_PER_MIN MB/min and its 95% interval within ±RESOLVED_MB_PER_MIN. */
export declare const FLAT_MB_PER_MIN: number;
/** See {@link FLAT_MB_PER_MIN}. */
export declare const RESOLVED_MB_PER_MIN: number;
/** The Theil–Sen slope through the 5-second medians of `samples`, with Sen's 95% interval. */
export declare function rssTrend(samples: readonly number[]): RssTrend;
/** `flat`, `growing` or `not resolved…`. */
export declare function rssVerdict(trend: RssTrend): string;
