import { EstimateTable } from '@promoscale/react-grid';
import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, waitFor } from 'storybook/test';

const meta = {
  title: 'Panels/EstimateTable',
  component: EstimateTable,
  tags: ['autodocs'],
} satisfies Meta<typeof EstimateTable>;

export default meta;
type Story = StoryObj<typeof meta>;

/** The seed's seven sizes, estimated. */
export const Default: Story = {
  play: async ({ canvas }) => {
    await expect(canvas.getAllByRole('row')).toHaveLength(8);
    await expect(canvas.getByRole('rowheader', { name: '500' })).toBeVisible();
  },
};

/** Measured in this browser beside the estimates, for the sizes up to 50 stores. */
export const Measured: Story = {
  args: { sizes: [5, 10, 25, 50, 5_000], measureUpTo: 50 },
  play: async ({ canvas, canvasElement }) => {
    await userEvent.click(canvas.getByRole('button', { name: 'Measure in this browser' }));
    await waitFor(
      () => expect(canvas.getByRole('button', { name: 'Measure in this browser' })).toBeEnabled(),
      {
        timeout: 10_000,
      },
    );
    const measuredJson = [...canvasElement.querySelectorAll('tbody tr')].map(
      (row) => row.children[4]?.textContent,
    );
    await expect(measuredJson.slice(0, 4).every((text) => /^\d+\.\d{2}$/.test(text ?? ''))).toBe(true);
    await expect(measuredJson[4]).toBe('—');
  },
};
