import type { Promotion } from '@promoscale/generator';
import { processBatch } from '@promoscale/generator';
import { type GridApi, ModuleRegistry, ValidationModule } from 'ag-grid-community';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { render } from 'vitest-browser-react';
import { PromotionsGrid } from './promotions-grid.js';

const rows = processBatch(1, 5, 'MIXED', { seed: 42 }).promotions;
const problems: unknown[][] = [];

beforeAll(() => {
  // ValidationModule reports a missing module or a wrong option through console warnings and errors.
  ModuleRegistry.registerModules([ValidationModule]);
  vi.spyOn(console, 'warn').mockImplementation((...args) => problems.push(args));
  vi.spyOn(console, 'error').mockImplementation((...args) => problems.push(args));
});
afterEach(() => {
  expect(problems).toEqual([]);
  problems.length = 0;
});

/** Distinct rows in the DOM (a pinned column renders each row a second time). */
function domRowCount(container: HTMLElement): number {
  const indexes = [...container.querySelectorAll('[role="row"][row-index]')].map((row) =>
    row.getAttribute('row-index'),
  );
  return new Set(indexes).size;
}

describe('PromotionsGrid', () => {
  it('shows the row count and a labelled grid', async () => {
    const screen = await render(<PromotionsGrid rows={rows} height={400} />);
    await expect.element(screen.getByText('150 promotions')).toBeVisible();
    await expect.element(screen.getByRole('grid', { name: 'Promotions' })).toBeVisible();
    await vi.waitFor(() => expect(domRowCount(screen.container)).toBeGreaterThan(5));
  });

  it('narrows rows with the quick search over product, brand, store and SKU', async () => {
    const screen = await render(<PromotionsGrid rows={rows} height={400} />);
    const product = (rows[3] as Promotion).productName;
    await screen.getByLabelText('Search products, brands, stores and SKUs').fill(product);
    const expected = rows.filter((row) =>
      [row.productName, row.brand, row.storeName, row.sku].some((v) =>
        v.toLowerCase().includes(product.toLowerCase()),
      ),
    ).length;
    await expect.element(screen.getByText(`${expected} of 150 promotions`)).toBeVisible();
  });

  it('gives the API to onGridReady, and transactions add rows', async () => {
    let api: GridApi<Promotion> | undefined;
    const screen = await render(<PromotionsGrid height={400} onGridReady={(a) => (api = a)} />);
    await vi.waitFor(() => expect(api).toBeDefined());
    api?.applyTransaction({ add: rows.slice(0, 30) });
    await expect.element(screen.getByText('30 promotions')).toBeVisible();
  });

  it('shows an alert with a Retry button instead of the grid when loading failed', async () => {
    const onRetry = vi.fn();
    const screen = await render(
      <PromotionsGrid error={new Error('The server answered 503.')} onRetry={onRetry} />,
    );
    await expect.element(screen.getByRole('alert')).toHaveTextContent('The server answered 503.');
    expect(screen.container.querySelector('[role="grid"]')).toBeNull();
    await screen.getByRole('button', { name: 'Retry' }).click();
    expect(onRetry).toHaveBeenCalledTimes(1);
  });

  it('shows the empty message when there are no rows', async () => {
    const screen = await render(<PromotionsGrid rows={[]} height={300} />);
    await expect.element(screen.getByText('No promotions to show.')).toBeVisible();
  });

  it('renders a dash for missing fields and does not crash on rows without ids', async () => {
    const hostile = [{ id: 'PRM-1', storeName: Number.NaN }, {}] as unknown as Promotion[];
    const screen = await render(<PromotionsGrid rows={hostile} height={300} />);
    await expect.element(screen.getByText('2 promotions')).toBeVisible();
    const cell = (row: number, column: string) =>
      screen.container.querySelector(`[row-index="${row}"] [col-id="${column}"]`)?.textContent;
    await vi.waitFor(() => expect(cell(0, 'id')).toBe('PRM-1'));
    expect([cell(0, 'storeId'), cell(0, 'storeName'), cell(1, 'id'), cell(1, 'template')]).toEqual([
      '—',
      '—',
      '—',
      '—',
    ]);
  });
});
