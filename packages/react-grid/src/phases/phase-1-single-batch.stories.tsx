import { ScalingPhaseView } from '@promoscale/react-grid';
import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, waitFor } from 'storybook/test';
import { domRowCount, SPEC_ARG_TYPES } from './phase-story-helpers.js';

const meta = {
  title: 'Scaling phases/Phase 1 · Single batch',
  // The title's middle dot would be in every story id (and URL): the id says the same in plain ASCII.
  id: 'scaling-phases-phase-1-single-batch',
  component: ScalingPhaseView,
  tags: ['autodocs'],
  args: { stores: 5, templates: 'MIXED', seed: 42, phase: 'SINGLE_BATCH', height: 420 },
  argTypes: SPEC_ARG_TYPES,
} satisfies Meta<typeof ScalingPhaseView>;

export default meta;
type Story = StoryObj<typeof meta>;

/** 5 stores (150 promotions) in one synchronous processBatch call. */
export const SingleBatchPhase5Stores: Story = {
  name: 'Single batch phase · 5 stores',
  play: async ({ canvas, canvasElement }) => {
    await expect(canvas.getByText('Phase 1 · Single batch', { exact: true })).toBeVisible();
    await expect(await canvas.findByText('150 promotions', { exact: true })).toBeVisible();
    await waitFor(() => expect(domRowCount(canvasElement)).toBeGreaterThan(5));
    await expect(canvas.getByTestId('load-timings')).toHaveTextContent(
      /First rows after .* ms, all rows after/,
    );
  },
};

/** 10 stores (300 promotions), the largest count phase 1 is recommended for. */
export const SingleBatchPhase10Stores: Story = {
  name: 'Single batch phase · 10 stores',
  args: { stores: 10 },
  play: async ({ canvas }) => {
    await expect(canvas.getByText('Phase 1 · Single batch', { exact: true })).toBeVisible();
    await expect(await canvas.findByText('300 promotions', { exact: true })).toBeVisible();
  },
};
