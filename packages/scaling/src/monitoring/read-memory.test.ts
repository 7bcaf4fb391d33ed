import { describe, expect, it } from 'vitest';
import { measureMemory, readMemory } from './read-memory.js';

const MB = 1_048_576;
const chromiumMemory = { usedJSHeapSize: 40 * MB, totalJSHeapSize: 64 * MB, jsHeapSizeLimit: 4096 * MB };

describe('readMemory', () => {
  it('reads process.memoryUsage() in Node, with the V8 heap limit', () => {
    const reading = readMemory();
    expect(reading.source).toBe('process.memoryUsage');
    expect(reading.usedBytes).toBeGreaterThan(0);
    expect(reading.totalBytes).toBeGreaterThanOrEqual(reading.usedBytes as number);
    expect(reading.limitBytes).toBeGreaterThan(reading.totalBytes as number);
  });

  it('reads performance.memory where that is all there is (Chromium)', () => {
    expect(readMemory({ performance: { memory: chromiumMemory } })).toEqual({
      source: 'performance.memory',
      usedBytes: 40 * MB,
      totalBytes: 64 * MB,
      limitBytes: 4096 * MB,
    });
  });

  it('prefers the exact process.memoryUsage() when both exist', () => {
    const env = {
      process: { memoryUsage: () => ({ heapUsed: 5, heapTotal: 8 }) },
      performance: { memory: chromiumMemory },
    };
    expect(readMemory(env)).toEqual({
      source: 'process.memoryUsage',
      usedBytes: 5,
      totalBytes: 8,
      limitBytes: null,
    });
  });

  it('says "unavailable" with null figures elsewhere (Firefox, Safari)', () => {
    expect(readMemory({ performance: {} })).toEqual({
      source: 'unavailable',
      usedBytes: null,
      totalBytes: null,
      limitBytes: null,
    });
  });
});

describe('measureMemory', () => {
  it('uses measureUserAgentSpecificMemory() when cross-origin isolated', async () => {
    const env = {
      crossOriginIsolated: true,
      performance: {
        memory: chromiumMemory,
        measureUserAgentSpecificMemory: async () => ({ bytes: 52 * MB }),
      },
    };
    expect(await measureMemory(env)).toEqual({
      source: 'measureUserAgentSpecificMemory',
      usedBytes: 52 * MB,
      totalBytes: null,
      limitBytes: 4096 * MB,
    });
  });

  it('falls back to readMemory when not isolated or when the measurement is refused', async () => {
    const measure = async () => ({ bytes: 1 });
    const notIsolated = {
      crossOriginIsolated: false,
      performance: { memory: chromiumMemory, measureUserAgentSpecificMemory: measure },
    };
    expect((await measureMemory(notIsolated)).source).toBe('performance.memory');
    const refused = {
      crossOriginIsolated: true,
      performance: {
        memory: chromiumMemory,
        measureUserAgentSpecificMemory: () => Promise.reject(new DOMException('no', 'SecurityError')),
      },
    };
    expect((await measureMemory(refused)).source).toBe('performance.memory');
    expect((await measureMemory({})).source).toBe('unavailable');
    expect((await measureMemory()).source).toBe('process.memoryUsage');
  });
});
