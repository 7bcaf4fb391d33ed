import { PhaseBadge } from '@promoscale/react-grid';
import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect } from 'storybook/test';

const meta = {
  title: 'Panels/PhaseBadge',
  component: PhaseBadge,
  tags: ['autodocs'],
  args: { phase: 'SINGLE_BATCH' },
} satisfies Meta<typeof PhaseBadge>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Default: Story = {
  play: async ({ canvas }) => {
    await expect(canvas.getByText('Phase 1 · Single batch')).toBeVisible();
  },
};

export const Forced: Story = {
  args: { phase: 'DATABASE_BACKEND', forced: true },
  play: async ({ canvas }) => {
    await expect(canvas.getByText('Phase 4 · Database backend (forced)')).toBeVisible();
  },
};
