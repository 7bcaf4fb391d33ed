import { LoadProgress } from '@promoscale/react-grid';
import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent } from 'storybook/test';

const meta = {
  title: 'Panels/LoadProgress',
  component: LoadProgress,
  tags: ['autodocs'],
  args: { loaded: 300, total: 750, chunk: 2, chunks: 3 },
} satisfies Meta<typeof LoadProgress>;

export default meta;
type Story = StoryObj<typeof meta>;

/** A chunked load part way: rows and chunk, with the values on the progressbar. */
export const Default: Story = {
  play: async ({ canvas }) => {
    const bar = canvas.getByRole('progressbar', { name: 'Loading promotions' });
    await expect(bar).toHaveAttribute('aria-valuenow', '40');
    await expect(canvas.getByText('300 of 750 rows · chunk 2 of 3')).toBeVisible();
  },
};

/** Every row loaded: 100%. */
export const Complete: Story = {
  args: { loaded: 750, total: 750, chunk: 3, chunks: 3 },
  play: async ({ canvas }) => {
    await expect(canvas.getByRole('progressbar')).toHaveAttribute('aria-valuenow', '100');
    await expect(canvas.getByText('100.0%')).toBeVisible();
  },
};

/** The total is not known yet: an indeterminate bar. */
export const Indeterminate: Story = {
  args: { loaded: 1_200, total: undefined, chunk: undefined, chunks: undefined },
  play: async ({ canvas }) => {
    await expect(canvas.getByRole('progressbar')).not.toHaveAttribute('aria-valuenow');
    await expect(canvas.getByText('Working…')).toBeVisible();
  },
};

/** A Cancel button when the load can be stopped. */
export const Cancellable: Story = {
  args: { onCancel: fn() },
  play: async ({ canvas, args }) => {
    await userEvent.click(canvas.getByRole('button', { name: 'Cancel' }));
    await expect(args.onCancel).toHaveBeenCalledTimes(1);
  },
};
