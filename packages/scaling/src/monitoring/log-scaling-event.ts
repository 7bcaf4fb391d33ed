import { PromoscaleError } from '@promoscale/generator';
import {
  assertBoolean,
  assertFiniteNumber,
  assertFunction,
  assertObject,
  readOptions,
} from '@promoscale/generator/internal';
import type { MemoryReading } from './read-memory.js';

const BYTES_PER_MB = 1_048_576;

/** What a scaling operation reports (the seed's `logScalingEvent` data). */
export interface ScalingEventData {
  stores: number;
  promotions: number;
  /** Milliseconds. */
  duration: number;
  /** Memory in MB; left out, the monitor reads the heap now (`null` where unavailable). */
  memory?: number | null | undefined;
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

function timestampOf(clock: () => Date | number, field: string): string {
  const time: unknown = clock();
  const date = time instanceof Date ? time : typeof time === 'number' ? new Date(time) : null;
  if (date === null || Number.isNaN(date.getTime())) {
    throw new PromoscaleError(
      'INVALID_OPTION',
      field,
      time,
      'a function returning a valid Date or epoch milliseconds (within ±8.64e15)',
    );
  }
  return date.toISOString();
}

/**
 * Validates an event's name and data (INVALID_OPTION naming the field): `event` a non-empty string; `stores`,
 * `promotions`, `duration` finite numbers >= 0; `memory` one too, or `null`/left out; `success` a boolean.
 */
export function checkEventData(event: unknown, data: unknown, eventField: string, dataField: string): void {
  if (typeof event !== 'string' || event === '') {
    throw new PromoscaleError('INVALID_OPTION', eventField, event, 'a non-empty string');
  }
  assertObject(data, dataField, 'an object { stores, promotions, duration, memory?, success }');
  const d = data as Record<string, unknown>;
  for (const key of ['stores', 'promotions', 'duration'] as const) {
    assertFiniteNumber(d[key], `${dataField}.${key}`, { min: 0 });
  }
  if (d.memory != null) assertFiniteNumber(d.memory, `${dataField}.memory`, { min: 0 });
  assertBoolean(d.success, `${dataField}.success`);
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
  clockField = 'options.clock',
): ScalingLogRecord {
  const memory = data.memory != null ? data.memory : read ? memoryNowMb(read) : null;
  return {
    timestamp: timestampOf(clock, clockField),
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
  logger?: ((line: string) => void) | undefined;
  /** @default () => new Date() */
  clock?: (() => Date | number) | undefined;
}

/**
 * The seed's `logScalingEvent`: prints one JSON line `{ timestamp, event, stores, promotions, duration, memory,
 * success }` and returns the record. `data.memory` left out stays `null` here (use a monitor to sample it).
 * Throws PromoscaleError `INVALID_OPTION` for a bad event name, data field (see `checkEventData`), option,
 * or a `clock` that returns no valid time.
 *
 * @example
 * logScalingEvent('generation.complete', { stores: 25, promotions: 750, duration: 4.2, memory: 38, success: true });
 * // {"timestamp":"2026-06-01T09:30:00.000Z","event":"generation.complete","stores":25,…}
 */
export function logScalingEvent(
  event: string,
  data: ScalingEventData,
  optionsArg?: LogScalingEventOptions | null,
): ScalingLogRecord {
  checkEventData(event, data, 'event', 'data');
  const options = readOptions(optionsArg, 'options');
  const logger = options.logger ?? console.log;
  const clock = options.clock ?? (() => new Date());
  assertFunction(logger, 'options.logger');
  assertFunction(clock, 'options.clock');
  const record = buildRecord(event, data, clock, false);
  logger(JSON.stringify(record));
  return record;
}
