import { ScalingPhaseView } from '@promoscale/react-grid';
import type { Meta, StoryObj } from '@storybook/react-vite';
import { useState } from 'react';
import { expect, userEvent } from 'storybook/test';
import { flakyChunkLoader, playTimeout, SPEC_ARG_TYPES } from './phase-story-helpers.js';

const meta = {
  title: 'Scaling phases/Phase 2 · Chunked',
  // The title's middle dot would be in every story id (and URL): the id says the same in plain ASCII.
  id: 'scaling-phases-phase-2-chunked',
  component: ScalingPhaseView,
  tags: ['autodocs'],
  args: {
    stores: 25,
    templates: 'MIXED',
    seed: 42,
    phase: 'CHUNKED_PROCESSING',
    height: 420,
    chunked: { chunkSize: 5 },
  },
  argTypes: { ...SPEC_ARG_TYPES, chunked: { control: false } },
} satisfies Meta<typeof ScalingPhaseView>;

export default meta;
type Story = StoryObj<typeof meta>;

/** 25 stores in chunks of 5: the rows and the progress grow chunk by chunk. */
export const ChunkedPhase25Stores: Story = {
  name: 'Chunked phase · 25 stores',
  play: async ({ canvas }) => {
    await expect(canvas.getByText('Phase 2 · Chunked', { exact: true })).toBeVisible();
    await expect(
      await canvas.findByText('750 promotions', { exact: true }, playTimeout(10_000)),
    ).toBeVisible();
    await expect(canvas.getByTestId('load-timings')).toBeVisible();
  },
};

/**
 * Chunk 3 (stores 11-15) fails twice: the automatic retry fails too, so the load stops with the first 300 rows on
 * screen and an alert. Retry resumes from store 11 without loading stores 1-10 again.
 */
export const ChunkedPhaseFailedChunkAndRetry: Story = {
  name: 'Chunked phase · failed chunk and retry',
  render: function FlakyChunks(args) {
    const [loadChunk] = useState(() => flakyChunkLoader(11, 2));
    return <ScalingPhaseView {...args} chunked={{ chunkSize: 5, retries: 1, retryDelayMs: 50, loadChunk }} />;
  },
  play: async ({ canvas, step }) => {
    await step('the failing chunk stops the load, the rows before it stay', async () => {
      const alert = await canvas.findByRole('alert', {}, playTimeout(10_000));
      await expect(alert).toHaveTextContent(
        'chunk 3 of 5 (stores 11-15) failed after 2 attempts: network down (injected fault)',
      );
      await expect(canvas.getByText('300 of 750 promotions')).toBeVisible();
    });
    await step('Retry resumes from the failed chunk and loads the rest', async () => {
      await userEvent.click(canvas.getByRole('button', { name: 'Retry from store 11' }));
      await expect(
        await canvas.findByText('750 promotions', { exact: true }, playTimeout(10_000)),
      ).toBeVisible();
      await expect(canvas.queryByRole('alert')).toBeNull();
    });
  },
};

/** The same fault, and no one has pressed Retry yet: the alert, the 300 rows before the chunk, the Retry button. */
export const ChunkedPhaseFailedChunk: Story = {
  name: 'Chunked phase · failed chunk (waiting for retry)',
  render: function FailedChunk(args) {
    const [loadChunk] = useState(() => flakyChunkLoader(11, 2));
    return <ScalingPhaseView {...args} chunked={{ chunkSize: 5, retries: 1, retryDelayMs: 50, loadChunk }} />;
  },
  play: async ({ canvas }) => {
    const alert = await canvas.findByRole('alert', {}, playTimeout(10_000));
    await expect(alert).toHaveTextContent('chunk 3 of 5 (stores 11-15) failed after 2 attempts');
    await expect(canvas.getByText('300 of 750 promotions')).toBeVisible();
    await expect(canvas.getByRole('progressbar')).toHaveAttribute('aria-valuenow', '40');
    await expect(canvas.getByRole('button', { name: 'Retry from store 11' })).toBeEnabled();
  },
};
