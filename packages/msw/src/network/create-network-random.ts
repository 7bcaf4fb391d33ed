import { createTextRandom } from '@promoscale/generator/internal';

/** A seeded source of numbers in [0, 1): the network profile draws every decision from one. */
export type NetworkRandom = () => number;

/**
 * Creates the seeded PRNG that decides latency samples and `errorRate` failures: the generator's one PRNG module
 * (`createTextRandom`: sfc32 seeded by a cyrb128 hash; docs/decisions/0001-prng.md) over a salted text of the
 * seed. `42` and `'42'` are the same seed. Never reads `Math.random()` or the clock, so a test run is reproducible.
 *
 * @example
 * const random = createNetworkRandom(42);
 * random(); // the same number on every run
 */
export function createNetworkRandom(seed: number | string): NetworkRandom {
  // Salted so the network's stream never correlates with the dataset's streams for the same seed.
  return createTextRandom(`promoscale/msw/network:${String(seed)}`);
}
