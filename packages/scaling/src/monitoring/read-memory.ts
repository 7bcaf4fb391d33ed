import {
  assertObject,
  type MemoryEnvironment,
  type MemoryReading,
  readMemoryOf,
} from '@promoscale/generator/internal';

// The reading itself is the generator's (`readMemoryOf`, the one memory reader of the repo); this module adds the
// argument check and the asynchronous measurement.
export type { MemoryEnvironment, MemoryReading, MemoryReadingSource } from '@promoscale/generator/internal';

/**
 * A memory environment argument: `undefined` and `null` give `globalThis`; anything but an object throws
 * PromoscaleError `INVALID_OPTION` naming `field`.
 */
export function readMemoryEnvironment(value: unknown, field: string): MemoryEnvironment {
  if (value == null) return globalThis as MemoryEnvironment;
  assertObject(
    value,
    field,
    'an object shaped like globalThis ({ process?, performance? }), undefined or null',
  );
  return value as MemoryEnvironment;
}

/**
 * Reads the JS heap now, synchronously: `process.memoryUsage()` in Node, Bun and Deno's Node layer (exact),
 * else `performance.memory` in Chromium (coarse unless the browser runs with precise memory info), else a reading
 * whose `source` is `'unavailable'` and whose figures are `null` (Firefox, Safari, most workers).
 *
 * @example
 * const { source, usedBytes } = readMemory();
 * if (usedBytes !== null) console.log(`${source}: ${Math.round(usedBytes / 1048576)} MB`);
 */
export function readMemory(envArg?: MemoryEnvironment | null): MemoryReading {
  return readMemoryOf(readMemoryEnvironment(envArg, 'env'));
}

/**
 * Measures memory, asynchronously: `performance.measureUserAgentSpecificMemory()` where the page is
 * cross-origin isolated (Chromium; the figure covers the whole page, workers included, and may take until the
 * next GC), else {@link readMemory}. A rejected measurement (e.g. a SecurityError) falls back too.
 *
 * @example
 * const reading = await measureMemory();
 * reading.source; // 'measureUserAgentSpecificMemory' in an isolated Chromium page, 'process.memoryUsage' in Node
 */
export async function measureMemory(envArg?: MemoryEnvironment | null): Promise<MemoryReading> {
  const env = readMemoryEnvironment(envArg, 'env');
  const measure = env.performance?.measureUserAgentSpecificMemory;
  if (env.crossOriginIsolated === true && typeof measure === 'function') {
    try {
      const result = await measure.call(env.performance);
      return {
        source: 'measureUserAgentSpecificMemory',
        usedBytes: result.bytes,
        totalBytes: null,
        limitBytes: env.performance?.memory?.jsHeapSizeLimit ?? null,
      };
    } catch {
      // Not allowed after all (e.g. a SecurityError): the synchronous reading is the best there is.
    }
  }
  return readMemory(env);
}
