import { describe, expect, it, vi } from 'vitest';
import { logScalingEvent } from './log-scaling-event.js';

const clock = () => new Date('2026-06-01T09:30:00.000Z');

describe('logScalingEvent', () => {
  it('prints the JSON line of the record, as the seed does', () => {
    const logger = vi.fn();
    const data = { stores: 25, promotions: 750, duration: 4.2, memory: 38, success: true };
    const record = logScalingEvent('generation.complete', data, { logger, clock });
    expect(logger).toHaveBeenCalledWith(
      '{"timestamp":"2026-06-01T09:30:00.000Z","event":"generation.complete","stores":25,"promotions":750,' +
        '"duration":4.2,"memory":38,"success":true}',
    );
    expect(record.event).toBe('generation.complete');
  });

  it('prints with console.log by default', () => {
    const log = vi.spyOn(console, 'log').mockImplementation(() => {});
    logScalingEvent('x', { stores: 1, promotions: 30, duration: 1, success: true });
    expect(JSON.parse(log.mock.calls[0]?.[0] as string)).toMatchObject({ event: 'x', memory: null });
    log.mockRestore();
  });
});
