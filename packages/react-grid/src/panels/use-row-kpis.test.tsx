import { processBatch } from '@promoscale/generator';
import { describe, expect, it } from 'vitest';
import { renderHook } from 'vitest-browser-react';
import { summarizeKpis } from './kpi-summary.js';
import { useRowKpis } from './use-row-kpis.js';

const { promotions } = processBatch(1, 20, 'MIXED', { seed: 5 });
const other = processBatch(1, 4, 'MIXED', { seed: 6 }).promotions;

describe('useRowKpis', () => {
  it('gives the figures of summarizeKpis at every step while the rows grow', async () => {
    let rows = promotions.slice(0, 0);
    const { result, rerender } = await renderHook(() => useRowKpis(rows));
    expect(result.current).toEqual(summarizeKpis([]));
    for (const end of [1, 150, 151, 420, promotions.length]) {
      rows = promotions.slice(0, end);
      await rerender();
      expect(result.current).toEqual(summarizeKpis(rows));
    }
  });

  it('sums again from the start when the rows are another list', async () => {
    let rows = promotions.slice(0, 300);
    const { result, rerender } = await renderHook(() => useRowKpis(rows));
    for (const next of [other, promotions.slice(0, 100), [...other, ...promotions.slice(0, 50)], []]) {
      rows = next;
      await rerender();
      expect(result.current).toEqual(summarizeKpis(next));
    }
  });

  it('sums again when the last row of the previous list was replaced', async () => {
    let rows = promotions.slice(0, 200);
    const { result, rerender } = await renderHook(() => useRowKpis(rows));
    const changed = { ...(rows[199] as (typeof rows)[number]), revenue: 1_000_000 };
    rows = [...promotions.slice(0, 199), changed, ...promotions.slice(200, 250)];
    await rerender();
    expect(result.current).toEqual(summarizeKpis(rows));
  });
});
