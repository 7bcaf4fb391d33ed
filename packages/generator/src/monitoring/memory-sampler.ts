/** Where a memory reading came from. */
export type MemorySource = 'process.memoryUsage' | 'performance.memory' | 'unavailable';

/** Heap readings taken between chunks of a batch (bytes). */
export interface MemoryReport {
  source: MemorySource;
  startBytes: number | null;
  endBytes: number | null;
  peakBytes: number | null;
  /** `endBytes - startBytes`: what the batch retained, before any garbage collection. */
  deltaBytes: number | null;
  samples: number;
}

interface PerformanceMemory {
  usedJSHeapSize: number;
}

/** Reads the JS heap in use now, from Node's `process.memoryUsage()` or Chromium's `performance.memory`. */
export function readHeapBytes(): { source: MemorySource; bytes: number | null } {
  const proc = (globalThis as { process?: { memoryUsage?: () => { heapUsed: number } } }).process;
  if (typeof proc?.memoryUsage === 'function')
    return { source: 'process.memoryUsage', bytes: proc.memoryUsage().heapUsed };
  const memory = (globalThis.performance as (Performance & { memory?: PerformanceMemory }) | undefined)
    ?.memory;
  if (memory && typeof memory.usedJSHeapSize === 'number') {
    return { source: 'performance.memory', bytes: memory.usedJSHeapSize };
  }
  return { source: 'unavailable', bytes: null };
}

/** Collects heap samples; `report()` summarises them. */
export class MemorySampler {
  private readonly source: MemorySource;
  private readonly start: number | null;
  private last: number | null;
  private peak: number | null;
  private count = 1;

  constructor() {
    const first = readHeapBytes();
    this.source = first.source;
    this.start = first.bytes;
    this.last = first.bytes;
    this.peak = first.bytes;
  }

  /** Takes one reading. */
  sample(): void {
    const { bytes } = readHeapBytes();
    this.count++;
    this.last = bytes;
    if (bytes !== null && (this.peak === null || bytes > this.peak)) this.peak = bytes;
  }

  /** The summary of every reading so far. */
  report(): MemoryReport {
    return {
      source: this.source,
      startBytes: this.start,
      endBytes: this.last,
      peakBytes: this.peak,
      deltaBytes: this.start !== null && this.last !== null ? this.last - this.start : null,
      samples: this.count,
    };
  }
}

/** Milliseconds from a monotonic clock (never the wall clock; only for timings, never for data). */
export function now(): number {
  return globalThis.performance ? globalThis.performance.now() : 0;
}
