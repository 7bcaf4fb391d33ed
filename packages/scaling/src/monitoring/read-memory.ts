import { assertObject } from '@promoscale/generator/internal';

/** Where a memory reading came from. */
export type MemoryReadingSource =
  | 'process.memoryUsage'
  | 'performance.memory'
  | 'measureUserAgentSpecificMemory'
  | 'unavailable';

/** JS memory in bytes; a figure the source does not give is `null`. */
export interface MemoryReading {
  source: MemoryReadingSource;
  /** Heap in use (`heapUsed`, `usedJSHeapSize`, or the page's `bytes` from measureUserAgentSpecificMemory). */
  usedBytes: number | null;
  /** Heap reserved (`heapTotal`, `totalJSHeapSize`). */
  totalBytes: number | null;
  /** Largest heap the engine allows (V8's `heap_size_limit` in Node, `jsHeapSizeLimit` in Chromium). */
  limitBytes: number | null;
}

/** The globals memory is read from; tests and unusual hosts pass their own. @default globalThis */
export interface MemoryEnvironment {
  process?:
    | {
        memoryUsage?: (() => { heapUsed: number; heapTotal: number }) | undefined;
        getBuiltinModule?: ((id: string) => unknown) | undefined;
      }
    | undefined;
  performance?:
    | {
        /** Chromium's `performance.memory`. */
        memory?: { usedJSHeapSize: number; totalJSHeapSize: number; jsHeapSizeLimit: number } | undefined;
        measureUserAgentSpecificMemory?: (() => Promise<{ bytes: number }>) | undefined;
      }
    | undefined;
  crossOriginIsolated?: boolean | undefined;
}

const UNAVAILABLE: MemoryReading = Object.freeze({
  source: 'unavailable',
  usedBytes: null,
  totalBytes: null,
  limitBytes: null,
});

function nodeHeapLimit(proc: NonNullable<MemoryEnvironment['process']>): number | null {
  try {
    const v8 = proc.getBuiltinModule?.('node:v8') as
      | { getHeapStatistics?: () => { heap_size_limit: number } }
      | undefined;
    return v8?.getHeapStatistics?.().heap_size_limit ?? null;
  } catch {
    return null;
  }
}

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
  const env = readMemoryEnvironment(envArg, 'env');
  const proc = env.process;
  if (typeof proc?.memoryUsage === 'function') {
    const usage = proc.memoryUsage();
    return {
      source: 'process.memoryUsage',
      usedBytes: usage.heapUsed,
      totalBytes: usage.heapTotal,
      limitBytes: nodeHeapLimit(proc),
    };
  }
  const memory = env.performance?.memory;
  if (memory && typeof memory.usedJSHeapSize === 'number') {
    return {
      source: 'performance.memory',
      usedBytes: memory.usedJSHeapSize,
      totalBytes: memory.totalJSHeapSize ?? null,
      limitBytes: memory.jsHeapSizeLimit ?? null,
    };
  }
  return UNAVAILABLE;
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
