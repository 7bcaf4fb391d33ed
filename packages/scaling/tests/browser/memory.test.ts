import { describe, expect, it } from 'vitest';
import { createScalingMonitor, measureMemory, readMemory } from '../../src/index.js';

// Runs in Chromium: `performance.memory` exists; the page is not cross-origin isolated (no COOP/COEP headers).
const MB = 1_048_576;

interface ChromiumPerformance {
  memory?: { usedJSHeapSize: number; totalJSHeapSize: number; jsHeapSizeLimit: number };
  measureUserAgentSpecificMemory?: () => Promise<{ bytes: number }>;
}
const chromiumPerformance = performance as Performance & ChromiumPerformance;

function expectHeapFigures(reading: ReturnType<typeof readMemory>) {
  expect(reading.source).toBe('performance.memory');
  expect(Number.isInteger(reading.usedBytes)).toBe(true);
  expect(reading.usedBytes).toBeGreaterThan(0);
  expect(reading.totalBytes).toBeGreaterThanOrEqual(reading.usedBytes as number);
  expect(reading.limitBytes).toBeGreaterThan(reading.totalBytes as number);
}

describe('readMemory in Chromium', () => {
  it("reads performance.memory (there is no process.memoryUsage here), with Chromium's heap limit", () => {
    expect((globalThis as { process?: unknown }).process).toBeUndefined();
    const reading = readMemory();
    expectHeapFigures(reading);
    expect(reading.limitBytes).toBe(chromiumPerformance.memory?.jsHeapSizeLimit);
    expect(reading.limitBytes).toBeGreaterThan(100 * MB);
  });
});

describe('measureMemory in Chromium', () => {
  it('falls back to performance.memory when the page is not cross-origin isolated', async () => {
    expect(globalThis.crossOriginIsolated).toBe(false);
    // Chromium only exposes the API to isolated pages.
    expect(chromiumPerformance.measureUserAgentSpecificMemory).toBeUndefined();
    expectHeapFigures(await measureMemory());
  });

  it('falls back to performance.memory when the measurement is refused', async () => {
    const env = {
      crossOriginIsolated: true,
      performance: {
        memory: chromiumPerformance.memory as NonNullable<ChromiumPerformance['memory']>,
        measureUserAgentSpecificMemory: () =>
          Promise.reject(new DOMException('not isolated after all', 'SecurityError')),
      },
    };
    expectHeapFigures(await measureMemory(env));
  });
});

describe('createScalingMonitor in Chromium', () => {
  it('fills a record’s memory (MB) from performance.memory', () => {
    const monitor = createScalingMonitor();
    const record = monitor.record({
      event: 'generation',
      stores: 1,
      promotions: 30,
      duration: 1,
      success: true,
    });
    expect(record.memory).toBeGreaterThan(0);
    expect(record.memory).toBeLessThan((chromiumPerformance.memory?.jsHeapSizeLimit ?? 0) / MB);
  });
});
