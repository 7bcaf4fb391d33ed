import type { MemoryReading } from '@promoscale/scaling';
import { describe, expect, it } from 'vitest';
import { render } from 'vitest-browser-react';
import { MEMORY_THRESHOLDS, MemoryGauge, memoryLevel } from './memory-gauge.js';

const MB = 1_048_576;
const reading = (usedMb: number | null): MemoryReading => ({
  source: usedMb === null ? 'unavailable' : 'performance.memory',
  usedBytes: usedMb === null ? null : usedMb * MB,
  totalBytes: null,
  limitBytes: usedMb === null ? null : 4096 * MB,
});

describe('MemoryGauge', () => {
  it('returns levels from the seed thresholds: 500 MB alert, 1,000 MB too large', () => {
    expect(MEMORY_THRESHOLDS).toEqual({ warningMb: 500, criticalMb: 1000 });
    expect(memoryLevel(100 * MB)).toBe('ok');
    expect(memoryLevel(501 * MB)).toBe('warning');
    expect(memoryLevel(1001 * MB)).toBe('critical');
    expect(memoryLevel(null)).toBe('unknown');
    expect(memoryLevel(Number.NaN)).toBe('unknown');
    expect(memoryLevel(-1)).toBe('unknown');
  });

  it.each([
    [120, 'OK'],
    [640, 'Warning'],
    [1500, 'Critical'],
  ])('names the level of %i MB in words, not only by colour', async (usedMb, level) => {
    const screen = await render(<MemoryGauge reading={reading(usedMb)} />);
    await expect.element(screen.getByText(level, { exact: true })).toBeVisible();
    await expect
      .element(screen.getByText(`${usedMb.toLocaleString('en-US')} MB used of a 4,096 MB limit`))
      .toBeVisible();
    const meter = screen.getByRole('meter', { name: 'JS heap' });
    await expect.element(meter).toHaveAttribute('value', String(Math.min(usedMb, 1250)));
    await expect.element(meter).toHaveAttribute('aria-valuetext', expect.stringContaining(`(${level})`));
  });

  it('says when the browser gives no reading', async () => {
    const screen = await render(<MemoryGauge reading={reading(null)} />);
    await expect.element(screen.getByText('Unavailable')).toBeVisible();
    await expect.element(screen.getByText(/No memory reading in this browser/)).toBeVisible();
  });

  it('reads memory itself without a reading prop (Chromium has performance.memory)', async () => {
    const screen = await render(<MemoryGauge intervalMs={100} />);
    await expect.element(screen.getByText(/MB used/)).toBeVisible();
  });
});
