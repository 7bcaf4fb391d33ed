import { processBatch } from '@promoscale/generator';
import { KpiSummary, summarizeKpis } from '@promoscale/react-grid';
import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect } from 'storybook/test';

const rows = processBatch(1, 5, 'MIXED', { seed: 42 }).promotions;

const meta = {
  title: 'Panels/KpiSummary',
  component: KpiSummary,
  tags: ['autodocs'],
  args: { rows },
} satisfies Meta<typeof KpiSummary>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Computed over 150 loaded rows (phases 1-3). */
export const Default: Story = {
  play: async ({ canvas }) => {
    await expect(canvas.getByText('Over 150 promotions, from loaded rows.')).toBeVisible();
    const share = summarizeKpis(rows).losingShare ?? 0;
    await expect(canvas.getByText(`${(share * 100).toFixed(1)}%`)).toBeVisible();
  },
};

/** From the `/api/summary` totals (phase 4). */
export const FromServer: Story = {
  args: {
    rows: undefined,
    kpis: {
      promotions: 1_500_000,
      revenue: 98_765_432.1,
      incrementalRevenue: 12_345_678.9,
      avgLiftPct: 38.42,
      losingShare: 0.41,
    },
  },
  play: async ({ canvas }) => {
    await expect(canvas.getByText('$98,765,432.10')).toBeVisible();
    await expect(canvas.getByText('Over 1,500,000 promotions, from the server summary.')).toBeVisible();
  },
};

/** No rows: dashes, never NaN. */
export const Empty: Story = {
  args: { rows: [] },
  play: async ({ canvas }) => {
    await expect(canvas.getAllByText('—')).toHaveLength(4);
  },
};
