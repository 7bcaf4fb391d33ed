import { PromoscaleError } from '@promoscale/generator';
import type { NetworkRandom } from './create-network-random.js';

/** The named latency presets. */
export type LatencyPreset = 'none' | 'fast' | 'realistic';

/**
 * How long every mocked response waits before it is sent, in milliseconds:
 * - a number: that many milliseconds, every time;
 * - `[min, max]`: uniform integers from `min` to `max` inclusive;
 * - `'none'`: no wait at all (the delay function is not even called);
 * - `'fast'`: lognormal, median 20 ms, p95 ≈ 60 ms, kept within 5–250 ms (a fast API on a good connection);
 * - `'realistic'`: lognormal, median 80 ms, p95 ≈ 300 ms, kept within 20–3,000 ms (a busy API over the internet).
 */
export type LatencyOption = number | readonly [min: number, max: number] | LatencyPreset;

/** The parameters of a lognormal latency preset. */
export interface LatencyDistribution {
  /** The median sample (ms). */
  readonly medianMs: number;
  /** The 95th percentile before clamping (ms). */
  readonly p95Ms: number;
  /** No sample is below this (ms). */
  readonly minMs: number;
  /** No sample is above this (ms). */
  readonly maxMs: number;
}

/** The lognormal presets `'fast'` and `'realistic'`, as documented on {@link LatencyOption}. */
export const LATENCY_PRESETS: Readonly<Record<'fast' | 'realistic', LatencyDistribution>> = Object.freeze({
  fast: Object.freeze({ medianMs: 20, p95Ms: 60, minMs: 5, maxMs: 250 }),
  realistic: Object.freeze({ medianMs: 80, p95Ms: 300, minMs: 20, maxMs: 3_000 }),
});

/** The longest wait `setTimeout` (and so MSW's `delay`) honours. */
export const MAX_LATENCY_MS = 2_147_483_647;

const Z95 = 1.6448536269514722;

/**
 * Validates a {@link LatencyOption} and returns a sampler that draws integer milliseconds from `random`.
 * Throws a `PromoscaleError` (`INVALID_OPTION`) naming `option` for a negative, non-finite or inverted value.
 *
 * @example
 * const next = createLatencySampler('realistic', createNetworkRandom(42));
 * next(); // e.g. 74
 */
export function createLatencySampler(
  latency: LatencyOption,
  random: NetworkRandom,
  option = 'network.latency',
): () => number {
  if (typeof latency === 'number') {
    assertMs(latency, option);
    return () => latency;
  }
  if (Array.isArray(latency)) {
    const [min, max] = latency as readonly unknown[];
    if (latency.length !== 2) {
      throw new PromoscaleError('INVALID_OPTION', option, latency, 'a [min, max] pair of milliseconds');
    }
    assertMs(min, `${option}[0]`);
    assertMs(max, `${option}[1]`);
    if (max < min) {
      throw new PromoscaleError('INVALID_OPTION', `${option}[1]`, max, `at least ${option}[0] (${min})`);
    }
    return () => min + Math.floor(random() * (max - min + 1));
  }
  if (latency === 'none') return () => 0;
  if (latency === 'fast' || latency === 'realistic') return lognormal(LATENCY_PRESETS[latency], random);
  throw new PromoscaleError(
    'INVALID_OPTION',
    option,
    latency,
    `milliseconds from 0 to ${MAX_LATENCY_MS}, a [min, max] pair, 'none', 'fast' or 'realistic'`,
  );
}

function assertMs(value: unknown, option: string): asserts value is number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0 || value > MAX_LATENCY_MS) {
    throw new PromoscaleError(
      'INVALID_OPTION',
      option,
      value,
      `a number of milliseconds from 0 to ${MAX_LATENCY_MS}`,
    );
  }
}

function lognormal(preset: LatencyDistribution, random: NetworkRandom): () => number {
  const mu = Math.log(preset.medianMs);
  const sigma = Math.log(preset.p95Ms / preset.medianMs) / Z95;
  return () => {
    // Box-Muller: two draws per sample, 1 - u keeps the logarithm's argument in (0, 1].
    const u = 1 - random();
    const v = random();
    const z = Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    const ms = Math.round(Math.exp(mu + sigma * z));
    return Math.min(preset.maxMs, Math.max(preset.minMs, ms));
  };
}
