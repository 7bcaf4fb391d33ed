import { type Promotion, processBatch } from '@promoscale/generator';
import { describe, expect, it } from 'vitest';
import { render } from 'vitest-browser-react';
import { KpiSummary, kpisFromSummary, summarizeKpis } from './kpi-summary.js';

const rows = processBatch(1, 10, 'MIXED', { seed: 42 }).promotions;

describe('summarizeKpis', () => {
  it('returns the same figures as a straightforward computation', () => {
    const kpis = summarizeKpis(rows);
    const sum = (f: (row: Promotion) => number) => rows.reduce((total, row) => total + f(row), 0);
    expect(kpis.promotions).toBe(300);
    expect(kpis.revenue).toBeCloseTo(
      sum((r) => r.revenue),
      2,
    );
    expect(kpis.incrementalRevenue).toBeCloseTo(
      sum((r) => r.incrementalRevenue),
      2,
    );
    expect(kpis.avgLiftPct).toBeCloseTo(sum((r) => r.liftPct) / rows.length, 2);
    expect(kpis.losingShare).toBe(rows.filter((r) => r.incrementalMargin < 0).length / rows.length);
  });

  it('returns null figures for no rows, and leaves out rows with missing figures', () => {
    expect(summarizeKpis([])).toEqual({
      promotions: 0,
      revenue: null,
      incrementalRevenue: null,
      avgLiftPct: null,
      losingShare: null,
    });
    const hostile = [
      ...rows.slice(0, 2),
      { id: 'x' } as unknown as Promotion,
      { ...rows[2], revenue: Number.NaN },
    ];
    expect(summarizeKpis(hostile as Promotion[]).promotions).toBe(2);
  });

  it('takes the API summary totals, with the loss count when known', () => {
    const totals = {
      promotions: 200,
      revenue: 1000,
      incrementalRevenue: -50,
      avgLiftPct: 31.5,
      avgRoi: -0.2,
    };
    expect(kpisFromSummary(totals, 50)).toEqual({
      promotions: 200,
      revenue: 1000,
      incrementalRevenue: -50,
      avgLiftPct: 31.5,
      losingShare: 0.25,
    });
    expect(kpisFromSummary(totals).losingShare).toBeNull();
  });
});

describe('KpiSummary', () => {
  it('shows the four figures formatted by unit', async () => {
    const screen = await render(
      <KpiSummary
        kpis={{
          promotions: 150,
          revenue: 1234.5,
          incrementalRevenue: -20,
          avgLiftPct: 42.25,
          losingShare: 0.4,
        }}
      />,
    );
    for (const text of [
      '$1,234.50',
      '-$20.00',
      '42.3%',
      '40.0%',
      'Over 150 promotions, from the server summary.',
    ]) {
      await expect.element(screen.getByText(text)).toBeVisible();
    }
  });

  it('shows dashes for no rows instead of NaN', async () => {
    const screen = await render(<KpiSummary rows={[]} />);
    expect(screen.container.querySelectorAll('dd')).toHaveLength(4);
    for (const dd of screen.container.querySelectorAll('dd')) expect(dd.textContent).toBe('—');
  });
});

describe('KpiSummary while loading', () => {
  it('shows dashes and "Loading …" instead of figures over 0 promotions, then the figures', async () => {
    const screen = await render(<KpiSummary loading source="the server summary" />);
    const region = screen.getByRole('region', { name: 'Key figures' });
    await expect.element(region).toHaveTextContent('Loading the server summary…');
    await expect.element(region).not.toHaveTextContent('Over 0 promotions');
    expect(region.element().querySelectorAll('dd')).toHaveLength(4);
    for (const value of region.element().querySelectorAll('dd')) expect(value.textContent).toBe('—');
    await screen.rerender(<KpiSummary rows={rows} source="the server summary" />);
    await expect.element(region).toHaveTextContent('Over 300 promotions, from the server summary.');
  });
});
