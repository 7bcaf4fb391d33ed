import { type MemoryEnvironment, type MemoryReadingSource, readMemoryOf } from './read-memory.js';

/** Where a memory reading came from. */
export type MemorySource = 'process.memoryUsage' | 'performance.memory' | 'unavailable';

// The batch's sources are the synchronous reader's: every MemorySource is a MemoryReadingSource.
const sourcesAgree: MemorySource extends MemoryReadingSource ? true : false = true;
void sourcesAgree;

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

/** The heap in use now (see {@link readMemoryOf}); the synchronous reader never measures asynchronously. */
function readHeapBytes(): { source: MemorySource; bytes: number | null } {
  const reading = readMemoryOf(globalThis as MemoryEnvironment);
  return { source: reading.source as MemorySource, bytes: reading.usedBytes };
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
