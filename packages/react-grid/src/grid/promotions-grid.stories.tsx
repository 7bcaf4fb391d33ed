import { processBatch } from '@promoscale/generator';
import { PromotionsGrid } from '@promoscale/react-grid';
import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, waitFor } from 'storybook/test';

const FIVE_STORES = processBatch(1, 5, 'MIXED', { seed: 42 }).promotions;

/** Distinct rows in the DOM (a pinned column renders each row a second time). */
function domRowCount(root: HTMLElement): number {
  return new Set(
    [...root.querySelectorAll('[role="row"][row-index]')].map((row) => row.getAttribute('row-index')),
  ).size;
}

function cellText(root: HTMLElement, rowIndex: number, colId: string): string | undefined {
  return root.querySelector(`[row-index="${rowIndex}"] [col-id="${colId}"]`)?.textContent ?? undefined;
}

const meta = {
  title: 'Grid/PromotionsGrid',
  component: PromotionsGrid,
  tags: ['autodocs'],
  args: { rows: FIVE_STORES, height: 480 },
  parameters: { layout: 'padded' },
} satisfies Meta<typeof PromotionsGrid>;

export default meta;
type Story = StoryObj<typeof meta>;

/** 5 stores, 150 promotions: sort by a header, filter a column, search. */
export const Default: Story = {
  play: async ({ canvas, canvasElement, step }) => {
    await expect(await canvas.findByText('150 promotions')).toBeVisible();
    await expect(canvas.getByRole('grid', { name: 'Promotions' })).toBeVisible();

    await step('sorting Store ID descending puts the last store first', async () => {
      await waitFor(() => expect(cellText(canvasElement, 0, 'storeId')).toBe('STORE_001'));
      const header = canvas.getByText('Store ID', { selector: '.ag-header-cell-text' });
      await userEvent.click(header);
      await userEvent.click(header);
      await waitFor(() => expect(cellText(canvasElement, 0, 'storeId')).toBe('STORE_005'));
    });

    await step('the Store ID column filter narrows the rows to one store', async () => {
      await userEvent.type(canvas.getByRole('textbox', { name: 'Store ID Filter Input' }), 'STORE_002');
      await expect(await canvas.findByText('30 of 150 promotions')).toBeVisible();
      await userEvent.clear(canvas.getByRole('textbox', { name: 'Store ID Filter Input' }));
      await expect(await canvas.findByText('150 promotions')).toBeVisible();
    });

    await step('the quick search narrows the rows', async () => {
      const product = FIVE_STORES[0]?.productName ?? '';
      const expected = FIVE_STORES.filter((row) =>
        [row.productName, row.brand, row.storeName, row.sku].some((v) =>
          v.toLowerCase().includes(product.toLowerCase()),
        ),
      ).length;
      await userEvent.type(canvas.getByLabelText('Search products, brands, stores and SKUs'), product);
      await expect(await canvas.findByText(`${expected} of 150 promotions`)).toBeVisible();
      await expect(expected).toBeLessThan(150);
    });
  },
};

/** While rows load: AG Grid's loading overlay. */
export const Loading: Story = {
  args: { rows: undefined, loading: true },
  play: async ({ canvas }) => {
    await expect(await canvas.findByText('Loading promotions…')).toBeVisible();
  },
};

/** No rows: an empty message instead of a blank grid. */
export const Empty: Story = {
  args: { rows: [] },
  play: async ({ canvas }) => {
    await expect(await canvas.findByText('No promotions to show.')).toBeVisible();
  },
};

/** A failed load: an alert with a Retry button. */
export const ErrorState: Story = {
  name: 'Error',
  args: { rows: undefined, error: new Error('The server answered 503 Service Unavailable.'), onRetry: fn() },
  play: async ({ canvas, args }) => {
    await expect(await canvas.findByRole('alert')).toHaveTextContent(
      'The server answered 503 Service Unavailable.',
    );
    await userEvent.click(canvas.getByRole('button', { name: 'Retry' }));
    await expect(args.onRetry).toHaveBeenCalledTimes(1);
  },
};

const LARGE = processBatch(1, 5_000, 'MIXED', { seed: 42 }).promotions;

/** 5,000 stores, 150,000 promotions: the DOM holds only the rows in view (row virtualization). */
export const Large: Story = {
  args: { rows: LARGE },
  play: async ({ canvas, canvasElement }) => {
    await expect(await canvas.findByText('150,000 promotions')).toBeVisible();
    await waitFor(() => expect(domRowCount(canvasElement)).toBeGreaterThan(5));
    await expect(domRowCount(canvasElement)).toBeLessThan(100);
  },
};
