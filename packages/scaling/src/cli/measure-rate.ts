import { median } from '@promoscale/generator/internal';

/** What {@link measureRate} found. */
export interface RateMeasurement {
  /** Items a second over every measured call. */
  perSecond: number;
  /** Median duration of one call. */
  medianMs: number;
  calls: number;
}

/**
 * Calls `fn` (which returns how many items it made) once to warm up, then until `minMs` have passed and at
 * least `minCalls` calls were made.
 */
export async function measureRate(
  fn: () => number | Promise<number>,
  { minMs = 300, minCalls = 3 }: { minMs?: number; minCalls?: number } = {},
): Promise<RateMeasurement> {
  await fn();
  const durations: number[] = [];
  let items = 0;
  const started = performance.now();
  while (performance.now() - started < minMs || durations.length < minCalls) {
    const t0 = performance.now();
    items += await fn();
    durations.push(performance.now() - t0);
  }
  const total = durations.reduce((sum, ms) => sum + ms, 0);
  return {
    perSecond: (items * 1000) / Math.max(total, 1e-3),
    medianMs: durations.length > 0 ? median(durations) : 0,
    calls: durations.length,
  };
}
