import { describe, expect, it } from 'vitest';
import type { ScalingLogRecord } from './log-scaling-event.js';
import type { MemoryReading } from './read-memory.js';
import { createScalingMonitor, DEFAULT_ALERT_THRESHOLDS, type ScalingAlert } from './scaling-monitor.js';

const MB = 1_048_576;
const clock = () => new Date('2026-06-01T09:30:00.000Z');
const memoryOf = (usedMb: number | null) => (): MemoryReading => ({
  source: usedMb === null ? 'unavailable' : 'process.memoryUsage',
  usedBytes: usedMb === null ? null : usedMb * MB,
  totalBytes: null,
  limitBytes: null,
});
const ok = { event: 'generation', stores: 25, promotions: 750, duration: 4.2, success: true };

function setup(options: Parameters<typeof createScalingMonitor>[0] = {}) {
  const events: ScalingLogRecord[] = [];
  const alerts: ScalingAlert[] = [];
  const monitor = createScalingMonitor({
    clock,
    readMemory: memoryOf(38),
    onEvent: (record) => events.push(record),
    onAlert: (alert) => alerts.push(alert),
    ...options,
  });
  return { monitor, events, alerts };
}

describe('createScalingMonitor', () => {
  it("emits the seed's structured log record, field for field, through onEvent", () => {
    const { monitor, events } = setup();
    const record = monitor.record(ok);
    expect(Object.keys(record)).toEqual([
      'timestamp',
      'event',
      'stores',
      'promotions',
      'duration',
      'memory',
      'success',
    ]);
    expect(record).toEqual({
      timestamp: '2026-06-01T09:30:00.000Z',
      event: 'generation',
      stores: 25,
      promotions: 750,
      duration: 4.2,
      memory: 38,
      success: true,
    });
    expect(events).toEqual([record]);
  });

  it('takes a clock returning epoch milliseconds, and memory given in the record over the reading', () => {
    const { monitor } = setup({ clock: () => Date.UTC(2026, 0, 2, 3, 4, 5) });
    const record = monitor.record({ ...ok, memory: 12.5 });
    expect(record.timestamp).toBe('2026-01-02T03:04:05.000Z');
    expect(record.memory).toBe(12.5);
  });

  it('records memory as null where it cannot be read', () => {
    expect(setup({ readMemory: memoryOf(null) }).monitor.record(ok).memory).toBeNull();
    expect(setup({ readMemory: false }).monitor.record(ok).memory).toBeNull();
  });

  it('alerts above the seed thresholds: memory > 500 MB, duration > 5 s (not at them)', () => {
    expect(DEFAULT_ALERT_THRESHOLDS).toEqual({ memoryMb: 500, durationMs: 5000, errorRate: 0.01 });
    const { monitor, alerts } = setup();
    monitor.record({ ...ok, memory: 500, duration: 5000 });
    expect(alerts).toEqual([]);
    const record = monitor.record({ ...ok, memory: 612, duration: 5200 });
    expect(alerts).toEqual([
      { kind: 'memory', value: 612, threshold: 500, record },
      { kind: 'duration', value: 5200, threshold: 5000, record },
    ]);
  });

  it('takes configured thresholds', () => {
    const { monitor, alerts } = setup({ thresholds: { memoryMb: 30, durationMs: 2 } });
    monitor.record(ok);
    expect(alerts.map((a) => [a.kind, a.value, a.threshold])).toEqual([
      ['memory', 38, 30],
      ['duration', 4.2, 2],
    ]);
    expect(monitor.thresholds).toEqual({ memoryMb: 30, durationMs: 2, errorRate: 0.01 });
  });

  it('alerts when the error rate crosses 1%, once until it recovers', () => {
    const { monitor, alerts } = setup({ errorWindow: 100 });
    for (let i = 0; i < 99; i++) monitor.record(ok);
    monitor.record({ ...ok, success: false });
    expect(monitor.errorRate).toBe(0.01);
    expect(alerts).toEqual([]);
    monitor.record({ ...ok, success: false }); // 2 of the last 100
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatchObject({ kind: 'errorRate', value: 0.02, threshold: 0.01 });
    monitor.record({ ...ok, success: false });
    expect(alerts).toHaveLength(1);
    for (let i = 0; i < 100; i++) monitor.record(ok); // the failures leave the window
    expect(monitor.errorRate).toBe(0);
    monitor.record({ ...ok, success: false });
    monitor.record({ ...ok, success: false });
    expect(alerts.filter((a) => a.kind === 'errorRate')).toHaveLength(2);
  });

  it('summarises what it saw, and forgets it on reset', () => {
    const { monitor } = setup({ thresholds: { durationMs: 100 } });
    monitor.record({ ...ok, duration: 250, memory: 90 });
    monitor.record({ ...ok, success: false });
    const summary = monitor.summary();
    expect(summary).toMatchObject({
      events: 2,
      failures: 1,
      errorRate: 0.5,
      maxDurationMs: 250,
      maxMemoryMb: 90,
      alerts: { memory: 0, duration: 1, errorRate: 1 },
    });
    expect(summary.lastRecord?.success).toBe(false);
    monitor.reset();
    expect(monitor.summary()).toMatchObject({
      events: 0,
      failures: 0,
      errorRate: 0,
      maxDurationMs: null,
      lastRecord: null,
    });
  });

  it('reads the real heap by default', () => {
    const record = createScalingMonitor().record(ok);
    expect(record.memory).toBeGreaterThan(0);
  });

  it('rejects thresholds that cannot be met', () => {
    expect(() => createScalingMonitor({ thresholds: { memoryMb: 0 } })).toThrow(
      expect.objectContaining({ code: 'INVALID_OPTION', field: 'options.thresholds.memoryMb' }),
    );
    expect(() => createScalingMonitor({ thresholds: { errorRate: 1 } })).toThrow(/thresholds\.errorRate/);
    expect(() => createScalingMonitor({ errorWindow: 0 })).toThrow(/options\.errorWindow/);
  });
});
