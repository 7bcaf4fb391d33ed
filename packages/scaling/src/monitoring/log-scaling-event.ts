import type { MemoryReading } from './read-memory.js';

const BYTES_PER_MB = 1_048_576;

/** What a scaling operation reports (the seed's `logScalingEvent` data). */
export interface ScalingEventData {
  stores: number;
  promotions: number;
  /** Milliseconds. */
  duration: number;
  /** Memory in MB; left out, the monitor reads the heap now (`null` where unavailable). */
  memory?: number | null;
  success: boolean;
}

/** A record to log: the event's name and its data. */
export interface ScalingEventInput extends ScalingEventData {
  /** e.g. `'generation.complete'`, `'chunk.loaded'`. */
  event: string;
}

/** The seed's structured log record, field for field. */
export interface ScalingLogRecord {
  /** ISO 8601, from the injectable clock. */
  timestamp: string;
  event: string;
  stores: number;
  promotions: number;
  duration: number;
  /** MB, or `null` where unknown. */
  memory: number | null;
  success: boolean;
}

function timestampOf(clock: () => Date | number): string {
  const time = clock();
  return (time instanceof Date ? time : new Date(time)).toISOString();
}

function memoryNowMb(read: () => MemoryReading): number | null {
  const used = read().usedBytes;
  return used === null ? null : Math.round((10 * used) / BYTES_PER_MB) / 10;
}

/** The seed's record shape from an event name and its data; memory read with `read` when not given. */
export function buildRecord(
  event: string,
  data: ScalingEventData,
  clock: () => Date | number,
  read: (() => MemoryReading) | false,
): ScalingLogRecord {
  const memory = data.memory !== undefined ? data.memory : read ? memoryNowMb(read) : null;
  return {
    timestamp: timestampOf(clock),
    event,
    stores: data.stores,
    promotions: data.promotions,
    duration: data.duration,
    memory,
    success: data.success,
  };
}

/** Options of {@link logScalingEvent}. */
export interface LogScalingEventOptions {
  /** Receives the JSON line. @default console.log */
  logger?: (line: string) => void;
  /** @default () => new Date() */
  clock?: () => Date | number;
}

/**
 * The seed's `logScalingEvent`: prints one JSON line `{ timestamp, event, stores, promotions, duration, memory,
 * success }` and returns the record. `data.memory` left out stays `null` here (use a monitor to sample it).
 *
 * @example
 * logScalingEvent('generation.complete', { stores: 25, promotions: 750, duration: 4.2, memory: 38, success: true });
 * // {"timestamp":"2026-06-01T09:30:00.000Z","event":"generation.complete","stores":25,…}
 */
export function logScalingEvent(
  event: string,
  data: ScalingEventData,
  options: LogScalingEventOptions = {},
): ScalingLogRecord {
  const record = buildRecord(event, data, options.clock ?? (() => new Date()), false);
  (options.logger ?? console.log)(JSON.stringify(record));
  return record;
}
