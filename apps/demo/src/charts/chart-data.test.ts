import { createApiHandler, createGeneratedSource, type Summary } from '@promoscale/api';
import { processBatch } from '@promoscale/generator';
import { describe, expect, it } from 'vitest';
import { chartData } from './chart-data.js';

const spec = { seed: 42, stores: 10 } as const;
const { promotions } = processBatch(1, spec.stores, 'MIXED', { seed: spec.seed });

async function summary(groupBy: 'category' | 'template'): Promise<Summary> {
  const handler = createApiHandler({ source: createGeneratedSource(spec) });
  const response = await handler.fetch(new Request(`http://localhost/api/summary?groupBy=${groupBy}`));
  return response.json();
}

describe('chartData', () => {
  it('sums revenue and averages lift by category and template as GET /api/summary does', async () => {
    const data = chartData(promotions);
    for (const [groups, groupBy] of [
      [data.byCategory, 'category'],
      [data.byTemplate, 'template'],
    ] as const) {
      const expected = (await summary(groupBy)).groups.map((g) => ({
        key: g.key,
        promotions: g.promotions,
        revenue: g.revenue,
        incrementalRevenue: g.incrementalRevenue,
        avgLiftPct: g.avgLiftPct,
      }));
      expect(groups).toEqual(expected);
    }
  });

  it('gives every ROI in percent and samples the scatter evenly up to the limit', () => {
    const data = chartData(promotions, 50);
    expect(data.roiPct).toHaveLength(promotions.length);
    expect(data.roiPct[3]).toBeCloseTo((promotions[3]?.roi ?? Number.NaN) * 100);
    expect(data.lift).toHaveLength(50);
    expect(data.lift[1]?.discountPct).toBe(promotions[Math.ceil(promotions.length / 50)]?.discountPct);
  });

  it('draws nothing for no rows', () => {
    expect(chartData([])).toEqual({ byCategory: [], byTemplate: [], roiPct: [], lift: [] });
  });
});
