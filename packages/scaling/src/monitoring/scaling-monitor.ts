import { PromoscaleError } from '@promoscale/generator';
import { assertFunction, assertInteger, assertObject, readOptions } from '@promoscale/generator/internal';
import { assertPositive } from '../analysis/store-count.js';
import {
  buildRecord,
  checkEventData,
  type ScalingEventInput,
  type ScalingLogRecord,
} from './log-scaling-event.js';
import { type MemoryReading, readMemory } from './read-memory.js';

/** When the monitor raises an alert (each strictly exceeded). */
export interface AlertThresholds {
  /** Memory of a record, in MB. @default 500 */
  memoryMb: number;
  /** Duration of a record, in ms. @default 5000 */
  durationMs: number;
  /** Share (0-1) of failed records among the last `errorWindow`. @default 0.01 */
  errorRate: number;
}

/** The seed's alerting thresholds: memory > 500 MB, generation > 5 s, error rate > 1 %. */
export const DEFAULT_ALERT_THRESHOLDS: Readonly<AlertThresholds> = Object.freeze({
  memoryMb: 500,
  durationMs: 5_000,
  errorRate: 0.01,
});

/** Which threshold an alert is about. */
export type AlertKind = 'memory' | 'duration' | 'errorRate';

/** An exceeded threshold and the record that exceeded it. */
export interface ScalingAlert {
  kind: AlertKind;
  value: number;
  threshold: number;
  record: ScalingLogRecord;
}

/** Options of {@link createScalingMonitor}. */
export interface ScalingMonitorOptions {
  /** Merged over DEFAULT_ALERT_THRESHOLDS. */
  thresholds?: Partial<AlertThresholds> | undefined;
  /** Called with every record, e.g. `(r) => console.log(JSON.stringify(r))` or a log shipper. */
  onEvent?: ((record: ScalingLogRecord) => void) | undefined;
  /** Called with every alert, after `onEvent`. */
  onAlert?: ((alert: ScalingAlert) => void) | undefined;
  /** The time of a record. @default () => new Date() */
  clock?: (() => Date | number) | undefined;
  /** Reads memory for records without `memory`; `false` leaves it `null`. @default readMemory */
  readMemory?: (() => MemoryReading) | false | undefined;
  /** Records the error rate is computed over (a sliding window, so a long session can recover). @default 100 */
  errorWindow?: number | undefined;
}

/** Counts since creation (or the last `reset()`). */
export interface ScalingMonitorSummary {
  events: number;
  failures: number;
  /** Over the last `errorWindow` records. */
  errorRate: number;
  maxDurationMs: number | null;
  maxMemoryMb: number | null;
  alerts: Record<AlertKind, number>;
  thresholds: AlertThresholds;
  lastRecord: ScalingLogRecord | null;
}

/** A monitor of scaling operations. */
export interface ScalingMonitor {
  /** Builds the record, emits it through `onEvent`, then any alerts through `onAlert`; returns the record. */
  record(input: ScalingEventInput): ScalingLogRecord;
  /** Share of failed records among the last `errorWindow`, 0 before any. */
  readonly errorRate: number;
  readonly thresholds: Readonly<AlertThresholds>;
  summary(): ScalingMonitorSummary;
  /** Forgets every record and count. */
  reset(): void;
}

function resolveAlertThresholds(thresholds: Partial<AlertThresholds> | null | undefined): AlertThresholds {
  const given = readOptions(thresholds, 'options.thresholds');
  const merged = { ...DEFAULT_ALERT_THRESHOLDS };
  for (const key of ['memoryMb', 'durationMs', 'errorRate'] as const) {
    const value = given[key];
    if (value != null) merged[key] = value;
  }
  assertPositive(merged.memoryMb, 'options.thresholds.memoryMb');
  assertPositive(merged.durationMs, 'options.thresholds.durationMs');
  const rate = merged.errorRate;
  if (typeof rate !== 'number' || !Number.isFinite(rate) || rate < 0 || rate >= 1) {
    throw new PromoscaleError(
      'INVALID_OPTION',
      'options.thresholds.errorRate',
      rate,
      'a number from 0 to less than 1',
    );
  }
  return merged;
}

/**
 * Watches scaling operations against the seed's alerting thresholds (memory > 500 MB, duration > 5 s, error rate
 * > 1 %, each configurable). Every `record()` becomes the seed's structured log record through `onEvent`; an
 * exceeded threshold becomes an alert through `onAlert`. The error-rate alert fires when the rate crosses above
 * its threshold, not again until it has come back under.
 *
 * @example
 * const monitor = createScalingMonitor({
 *   onEvent: (record) => console.log(JSON.stringify(record)),
 *   onAlert: (alert) => console.warn(`${alert.kind} ${alert.value} > ${alert.threshold}`),
 * });
 * const started = performance.now();
 * const { promotions } = processBatch(1, 25, 'MIXED');
 * monitor.record({ event: 'generation', stores: 25, promotions: promotions.length,
 *   duration: performance.now() - started, success: true });
 */
export function createScalingMonitor(optionsArg?: ScalingMonitorOptions | null): ScalingMonitor {
  const options = readOptions(optionsArg, 'options');
  const thresholds = Object.freeze(resolveAlertThresholds(options.thresholds));
  const clock = options.clock ?? (() => new Date());
  assertFunction(clock, 'options.clock');
  const read = options.readMemory == null ? () => readMemory() : options.readMemory;
  if (read !== false && typeof read !== 'function') {
    throw new PromoscaleError(
      'INVALID_OPTION',
      'options.readMemory',
      read,
      'a function, false, undefined or null',
    );
  }
  const onEvent = options.onEvent ?? undefined;
  const onAlert = options.onAlert ?? undefined;
  if (onEvent !== undefined) assertFunction(onEvent, 'options.onEvent');
  if (onAlert !== undefined) assertFunction(onAlert, 'options.onAlert');
  const window = options.errorWindow ?? 100;
  assertInteger(window, 'options.errorWindow', 'INVALID_OPTION', 1);

  let outcomes: boolean[] = [];
  let windowFailures = 0;
  let state = fresh();
  let rateAlerted = false;

  function fresh() {
    return {
      events: 0,
      failures: 0,
      maxDurationMs: null as number | null,
      maxMemoryMb: null as number | null,
      alerts: { memory: 0, duration: 0, errorRate: 0 } as Record<AlertKind, number>,
      lastRecord: null as ScalingLogRecord | null,
    };
  }

  const errorRate = () => (outcomes.length === 0 ? 0 : windowFailures / outcomes.length);

  return {
    record(input) {
      assertObject(input, 'input', 'an object { event, stores, promotions, duration, memory?, success }');
      checkEventData(input.event, input, 'input.event', 'input');
      const record = buildRecord(input.event, input, clock, read);
      state.events++;
      if (!record.success) state.failures++;
      state.maxDurationMs = Math.max(state.maxDurationMs ?? record.duration, record.duration);
      if (record.memory !== null)
        state.maxMemoryMb = Math.max(state.maxMemoryMb ?? record.memory, record.memory);
      state.lastRecord = record;
      outcomes.push(record.success);
      if (!record.success) windowFailures++;
      if (outcomes.length > window && outcomes.shift() === false) windowFailures--;

      const alerts: ScalingAlert[] = [];
      if (record.memory !== null && record.memory > thresholds.memoryMb) {
        alerts.push({ kind: 'memory', value: record.memory, threshold: thresholds.memoryMb, record });
      }
      if (record.duration > thresholds.durationMs) {
        alerts.push({ kind: 'duration', value: record.duration, threshold: thresholds.durationMs, record });
      }
      const rate = errorRate();
      if (rate > thresholds.errorRate && !rateAlerted) {
        alerts.push({ kind: 'errorRate', value: rate, threshold: thresholds.errorRate, record });
      }
      rateAlerted = rate > thresholds.errorRate;

      onEvent?.(record);
      for (const alert of alerts) {
        state.alerts[alert.kind]++;
        onAlert?.(alert);
      }
      return record;
    },
    get errorRate() {
      return errorRate();
    },
    thresholds,
    summary() {
      return { ...state, alerts: { ...state.alerts }, errorRate: errorRate(), thresholds };
    },
    reset() {
      outcomes = [];
      windowFailures = 0;
      rateAlerted = false;
      state = fresh();
    },
  };
}
