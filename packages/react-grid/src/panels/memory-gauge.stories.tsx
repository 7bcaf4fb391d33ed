import { MemoryGauge } from '@promoscale/react-grid';
import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect } from 'storybook/test';

const MB = 1_048_576;
const reading = (usedMb: number) => ({
  source: 'performance.memory' as const,
  usedBytes: usedMb * MB,
  totalBytes: usedMb * MB * 1.2,
  limitBytes: 4096 * MB,
});

const meta = {
  title: 'Panels/MemoryGauge',
  component: MemoryGauge,
  tags: ['autodocs'],
} satisfies Meta<typeof MemoryGauge>;

export default meta;
type Story = StoryObj<typeof meta>;

/** This page's own heap, read every second. */
export const Default: Story = {
  play: async ({ canvas }) => {
    await expect(canvas.getByRole('meter', { name: 'JS heap' })).toBeVisible();
    await expect(canvas.getByText(/MB used/)).toBeVisible();
  },
};

/** Over the seed's 500 MB alert threshold. */
export const Warning: Story = {
  args: { reading: reading(640) },
  play: async ({ canvas }) => {
    await expect(canvas.getByText('Warning')).toBeVisible();
  },
};

/** Over 1,000 MB: too large for a browser tab. */
export const Critical: Story = {
  args: { reading: reading(1_300) },
  play: async ({ canvas }) => {
    await expect(canvas.getByText('Critical')).toBeVisible();
  },
};

/** A browser without `performance.memory` (Firefox, Safari). */
export const Unavailable: Story = {
  args: { reading: { source: 'unavailable', usedBytes: null, totalBytes: null, limitBytes: null } },
  play: async ({ canvas }) => {
    await expect(canvas.getByText(/No memory reading in this browser/)).toBeVisible();
  },
};
