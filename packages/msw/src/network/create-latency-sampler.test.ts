import { PromoscaleError } from '@promoscale/generator';
import { describe, expect, it } from 'vitest';
import { createLatencySampler, LATENCY_PRESETS } from './create-latency-sampler.js';
import { createNetworkRandom } from './create-network-random.js';

const samples = (latency: Parameters<typeof createLatencySampler>[0], n: number, seed = 42) => {
  const next = createLatencySampler(latency, createNetworkRandom(seed));
  return Array.from({ length: n }, next);
};

const quantile = (values: number[], q: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(q * (sorted.length - 1))] ?? Number.NaN;
};

describe('createLatencySampler', () => {
  it('returns the fixed value every time when latency is a number', () => {
    expect(new Set(samples(120, 50))).toEqual(new Set([120]));
  });

  it("returns 0 for 'none'", () => {
    expect(new Set(samples('none', 20))).toEqual(new Set([0]));
  });

  it('draws integers within [min, max] inclusive and reaches both ends', () => {
    const values = samples([10, 14], 500);
    expect(values.every((v) => Number.isInteger(v) && v >= 10 && v <= 14)).toBe(true);
    expect(new Set(values)).toEqual(new Set([10, 11, 12, 13, 14]));
  });

  it("gives 'realistic' a median near 80 ms and a p95 near 300 ms, within its clamp", () => {
    const values = samples('realistic', 20_000);
    expect(quantile(values, 0.5)).toBeGreaterThanOrEqual(72);
    expect(quantile(values, 0.5)).toBeLessThanOrEqual(88);
    expect(quantile(values, 0.95)).toBeGreaterThanOrEqual(260);
    expect(quantile(values, 0.95)).toBeLessThanOrEqual(340);
    expect(Math.min(...values)).toBeGreaterThanOrEqual(LATENCY_PRESETS.realistic.minMs);
    expect(Math.max(...values)).toBeLessThanOrEqual(LATENCY_PRESETS.realistic.maxMs);
  });

  it("gives 'fast' a median near 20 ms", () => {
    const median = quantile(samples('fast', 20_000), 0.5);
    expect(median).toBeGreaterThanOrEqual(18);
    expect(median).toBeLessThanOrEqual(22);
  });

  it('draws the same sequence for the same seed and another for another seed', () => {
    expect(samples('realistic', 100, 7)).toEqual(samples('realistic', 100, 7));
    expect(samples('realistic', 100, 7)).not.toEqual(samples('realistic', 100, 8));
  });

  it.each([
    [-1, 'network.latency'],
    [Number.NaN, 'network.latency'],
    [Number.POSITIVE_INFINITY, 'network.latency'],
    [[20, 10], 'network.latency[1]'],
    [[-5, 10], 'network.latency[0]'],
    [[1, 2, 3], 'network.latency'],
    ['slow', 'network.latency'],
  ])('throws a PromoscaleError naming the option for %j', (latency, option) => {
    const call = () => createLatencySampler(latency as never, () => 0);
    expect(call).toThrow(PromoscaleError);
    expect(call).toThrow(expect.objectContaining({ field: option, code: 'INVALID_OPTION' }));
  });

  it('says what it accepts and what it received', () => {
    expect(() => createLatencySampler(-1, () => 0)).toThrow(
      'network.latency must be a number of milliseconds from 0 to 2147483647; received -1',
    );
  });
});
