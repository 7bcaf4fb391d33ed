/** A seeded source of numbers in [0, 1): the network profile draws every decision from one. */
export type NetworkRandom = () => number;

/**
 * Creates the seeded PRNG (sfc32, seeded by a cyrb128 hash of the seed) that decides latency samples and
 * `errorRate` failures. `42` and `'42'` are the same seed. Never reads `Math.random()` or the clock, so a test
 * run is reproducible.
 *
 * @example
 * const random = createNetworkRandom(42);
 * random(); // the same number on every run
 */
export function createNetworkRandom(seed: number | string): NetworkRandom {
  // Salted so the network's stream never correlates with the dataset's streams for the same seed.
  let [a, b, c, d] = cyrb128(`promoscale/msw/network:${String(seed)}`);
  return () => {
    a >>>= 0;
    b >>>= 0;
    c >>>= 0;
    d >>>= 0;
    let t = (a + b) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    d = (d + 1) | 0;
    t = (t + d) | 0;
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
}

function cyrb128(text: string): [number, number, number, number] {
  let h1 = 1779033703;
  let h2 = 3144134277;
  let h3 = 1013904242;
  let h4 = 2773480762;
  for (let i = 0; i < text.length; i++) {
    const k = text.charCodeAt(i);
    h1 = h2 ^ Math.imul(h1 ^ k, 597399067);
    h2 = h3 ^ Math.imul(h2 ^ k, 2869860233);
    h3 = h4 ^ Math.imul(h3 ^ k, 951274213);
    h4 = h1 ^ Math.imul(h4 ^ k, 2716044179);
  }
  h1 = Math.imul(h3 ^ (h1 >>> 18), 597399067);
  h2 = Math.imul(h4 ^ (h2 >>> 22), 2869860233);
  h3 = Math.imul(h1 ^ (h3 >>> 17), 951274213);
  h4 = Math.imul(h2 ^ (h4 >>> 19), 2716044179);
  h1 ^= h2 ^ h3 ^ h4;
  h2 ^= h1;
  h3 ^= h1;
  h4 ^= h1;
  return [h1 >>> 0, h2 >>> 0, h3 >>> 0, h4 >>> 0];
}
