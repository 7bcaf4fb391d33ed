// The one memory reader of the repo: the generator's MemorySampler reads the heap with it, and
// @promoscale/scaling's `readMemory` / `measureMemory` (the public ones, which check their argument) build on it.

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
 * Reads the JS heap of `env` now, synchronously: `process.memoryUsage()` in Node, Bun and Deno's Node layer
 * (exact), else `performance.memory` in Chromium (coarse unless the browser runs with precise memory info), else a
 * reading whose `source` is `'unavailable'` and whose figures are `null`. `env` is trusted (no check): public
 * callers use @promoscale/scaling's `readMemory`.
 *
 * @example
 * readMemoryOf(globalThis).usedBytes; // the heap in use, or null where the host does not tell
 */
export function readMemoryOf(env: MemoryEnvironment): MemoryReading {
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
