import { ScalingPhaseView } from '@promoscale/react-grid';
import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, waitFor } from 'storybook/test';
import { domRowCount, gridBodyRowCount, playTimeout, SPEC_ARG_TYPES } from './phase-story-helpers.js';

const meta = {
  title: 'Scaling phases/Phase 3 · Streaming',
  // The title's middle dot would be in every story id (and URL): the id says the same in plain ASCII.
  id: 'scaling-phases-phase-3-streaming',
  component: ScalingPhaseView,
  tags: ['autodocs'],
  args: { stores: 50, templates: 'MIXED', seed: 42, phase: 'STREAMING_ITERATOR', height: 420 },
  argTypes: { ...SPEC_ARG_TYPES, streaming: { control: false } },
} satisfies Meta<typeof ScalingPhaseView>;

export default meta;
type Story = StoryObj<typeof meta>;

/** 50 stores (1,500 promotions) generated in a Web Worker and appended with applyTransactionAsync. */
export const StreamingPhase50Stores: Story = {
  name: 'Streaming phase · 50 stores (worker)',
  play: async ({ canvas, canvasElement }) => {
    await expect(canvas.getByText('Phase 3 · Streaming', { exact: true })).toBeVisible();
    await expect(
      await canvas.findByText('1,500 promotions', { exact: true }, playTimeout(15_000)),
    ).toBeVisible();
    await waitFor(() => expect(domRowCount(canvasElement)).toBeGreaterThan(5));
    // Every row in the grid (the last async transaction flushed) before the a11y check runs after the play function.
    await waitFor(() => expect(gridBodyRowCount(canvasElement)).toBe(1_500), playTimeout(15_000));
  },
};

/** 500 stores (15,000 promotions): past phase 3's range, so the badge says the phase was forced. */
export const StreamingPhase500Stores: Story = {
  name: 'Streaming phase · 500 stores (worker)',
  args: { stores: 500 },
  play: async ({ canvas, canvasElement }) => {
    await expect(canvas.getByText('Phase 3 · Streaming (forced)', { exact: true })).toBeVisible();
    await expect(
      await canvas.findByText('15,000 promotions', { exact: true }, playTimeout(30_000)),
    ).toBeVisible();
    await waitFor(() => expect(gridBodyRowCount(canvasElement)).toBe(15_000), playTimeout(15_000));
  },
};
