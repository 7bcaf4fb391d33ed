import { createPromotionPredicate } from '@promoscale/api/engine';
import type { Promotion } from '@promoscale/generator';
import { processBatch } from '@promoscale/generator';
import {
  type ColumnState,
  EventApiModule,
  type GridApi,
  ModuleRegistry,
  ValidationModule,
} from 'ag-grid-community';
import { AgGridReact } from 'ag-grid-react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { render } from 'vitest-browser-react';
import { promotionColumnDefs } from './promotion-column-defs.js';
import { extendsRows, PromotionsGrid } from './promotions-grid.js';
import { PROMOTIONS_GRID_MODULES } from './promotions-grid-modules.js';

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

/** Row ids in the order the grid shows them. */
function shownIds(api: GridApi<Promotion>): string[] {
  const ids: string[] = [];
  api.forEachNodeAfterFilterAndSort((node) => ids.push(node.id as string));
  return ids;
}

/** Waits for the grid to apply `action` (its next modelUpdated). */
async function applied(api: GridApi<Promotion>, action: () => void): Promise<void> {
  const updated = new Promise<void>((resolve) => {
    const once = () => {
      api.removeEventListener('modelUpdated', once);
      resolve();
    };
    api.addEventListener('modelUpdated', once);
  });
  action();
  await updated;
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

  // Two grids and six sorts each: a 20 s budget on a busy CI machine (about 3 s here).
  it('sorts in the order AG Grid’s own sort gives, ties and missing values included', {
    timeout: 20_000,
  }, async () => {
    // Ties (store, flags), missing and odd values (null, -0, a row without fields) and one column whose values mix
    // numbers and text (AG Grid's comparator decides those).
    const base = rows.slice(0, 120);
    const odd = [
      { ...base[0], id: 'PRM-NULL', revenue: null, productName: null },
      { ...base[1], id: 'PRM-NEG0', revenue: -0, roi: 'n/a' },
      { id: 'PRM-EMPTY' },
      { ...base[2], id: 'PRM-ZERO', revenue: 0 },
    ] as unknown as Promotion[];
    const data = [...base.slice(0, 60), ...odd, ...base.slice(60)];
    let fast: GridApi<Promotion> | undefined;
    let plain: GridApi<Promotion> | undefined;
    await render(
      <>
        <PromotionsGrid
          rows={data}
          height={200}
          modules={[EventApiModule]}
          onGridReady={(api) => (fast = api)}
        />
        <div style={{ height: 200 }}>
          <AgGridReact<Promotion>
            modules={[...PROMOTIONS_GRID_MODULES, EventApiModule]}
            rowData={data}
            columnDefs={promotionColumnDefs()}
            getRowId={({ data: row }) => row.id}
            onGridReady={({ api }) => (plain = api)}
          />
        </div>
      </>,
    );
    await vi.waitFor(() => expect(fast && plain).toBeTruthy());
    const sorts: ColumnState[][] = [
      [{ colId: 'revenue', sort: 'desc' }],
      [{ colId: 'revenue', sort: 'asc' }],
      [{ colId: 'productName', sort: 'asc' }],
      [{ colId: 'id', sort: 'desc' }],
      [{ colId: 'roi', sort: 'desc' }],
      [
        { colId: 'displaySupport', sort: 'desc', sortIndex: 0 },
        { colId: 'storeId', sort: 'asc', sortIndex: 1 },
        { colId: 'units', sort: 'desc', sortIndex: 2 },
      ],
    ];
    for (const state of sorts) {
      for (const api of [fast, plain] as GridApi<Promotion>[])
        await applied(api, () => api.applyColumnState({ state, defaultState: { sort: null } }));
      const expected = shownIds(plain as GridApi<Promotion>);
      expect(shownIds(fast as GridApi<Promotion>), JSON.stringify(state)).toEqual(expected);
      expect(expected).toHaveLength(data.length);
    }
  });

  it('searches as the API’s q: the text as one phrase in one field, case-insensitive', async () => {
    const screen = await render(<PromotionsGrid rows={rows} height={400} />);
    const box = screen.getByLabelText('Search products, brands, stores and SKUs');
    const sample = rows[7] as Promotion;
    // A brand and a store name together: rows hold both, but never as one phrase.
    await box.fill(`${sample.brand} ${sample.storeName}`);
    await expect.element(screen.getByText('0 of 150 promotions')).toBeVisible();
    const text = `  ${sample.productName.toUpperCase()} `;
    await box.fill(text);
    const expected = rows.filter(createPromotionPredicate({ q: text.trim() })).length;
    await expect.element(screen.getByText(`${expected} of 150 promotions`)).toBeVisible();
  });

  it('updates the count line when totalRows changes without a model update', async () => {
    let api: GridApi<Promotion> | undefined;
    const grid = (total: number) => (
      <PromotionsGrid height={300} totalRows={total} onGridReady={(a) => (api = a)} />
    );
    const screen = await render(grid(30));
    await vi.waitFor(() => expect(api).toBeDefined());
    api?.applyTransaction({ add: rows.slice(0, 30) });
    await expect.element(screen.getByText('30 promotions')).toBeVisible();
    await screen.rerender(grid(60));
    await expect.element(screen.getByText('30 of 60 promotions')).toBeVisible();
  });

  it('runs its own grid handlers, then the ones given in gridOptions', async () => {
    const calls: string[] = [];
    const screen = await render(
      <PromotionsGrid
        rows={rows}
        height={300}
        onGridReady={() => calls.push('prop onGridReady')}
        gridOptions={{
          onGridReady: () => calls.push('gridOptions onGridReady'),
          onModelUpdated: () => calls.push('gridOptions onModelUpdated'),
        }}
      />,
    );
    await expect.element(screen.getByRole('grid', { name: 'Promotions' })).toBeVisible();
    await expect.element(screen.getByText('150 promotions')).toBeVisible();
    expect(calls.slice(0, 2)).toEqual(['prop onGridReady', 'gridOptions onGridReady']);
    expect(calls).toContain('gridOptions onModelUpdated');
  });

  describe('rows that change', () => {
    it('tells an array that grows at the end from any other change', () => {
      const a = rows.slice(0, 10);
      expect(extendsRows(a, [...a, ...rows.slice(10, 12)])).toBe(true);
      expect(extendsRows(a, a)).toBe(false);
      expect(extendsRows(a, a.slice(0, 5))).toBe(false);
      // Same length plus one, but a row in the middle is another object (equal fields are not enough).
      const copy = [...a, rows[10] as Promotion];
      copy[4] = { ...(a[4] as Promotion) };
      expect(extendsRows(a, copy)).toBe(false);
      expect(extendsRows([], a)).toBe(true);
    });

    it('adds the rows appended to `rows` as a transaction, and hands any other array over whole', async () => {
      let api: GridApi<Promotion> | undefined;
      const grid = (data: Promotion[], label?: string) => (
        <PromotionsGrid
          rows={data}
          height={300}
          {...(label && { label })}
          modules={[EventApiModule]}
          onGridReady={(ready) => (api = ready)}
        />
      );
      const settled = () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 50)));
      const first = rows.slice(0, 30);
      const screen = await render(grid(first));
      await vi.waitFor(() => expect(api?.getDisplayedRowCount()).toBe(30));
      const ready = api as GridApi<Promotion>;
      const add = vi.spyOn(ready, 'applyTransaction');
      const set = vi.spyOn(ready, 'setGridOption');
      const kept = ready.getRowNode(first[0]?.id as string);
      let updates = 0;
      ready.addEventListener('rowDataUpdated', () => {
        updates += 1;
      });

      const grown = rows.slice(0, 75);
      await screen.rerender(grid(grown));
      await vi.waitFor(() => expect(ready.getDisplayedRowCount()).toBe(75));
      expect(add).toHaveBeenCalledTimes(1);
      expect(add.mock.calls[0]?.[0]?.add).toEqual(rows.slice(30, 75));
      expect(set.mock.calls.filter(([key]) => key === 'rowData')).toEqual([]);
      expect(ready.getRowNode(first[0]?.id as string)).toBe(kept);
      await expect.element(screen.getByTestId('row-count')).toHaveTextContent('75 promotions');
      // A render for another reason does not hand the rows to the grid again.
      await screen.rerender(grid(grown, 'Grown'));
      await settled();
      expect(updates).toBe(1);
      // And a second append right after the first is not undone by an older array.
      await screen.rerender(grid(rows.slice(0, 100), 'Grown'));
      await settled();
      expect(ready.getDisplayedRowCount()).toBe(100);
      expect(add).toHaveBeenCalledTimes(2);

      // Not an append: fewer rows, in another order.
      const other = rows.slice(20, 50).reverse();
      await screen.rerender(grid(other));
      await vi.waitFor(() => expect(ready.getDisplayedRowCount()).toBe(30));
      expect(add).toHaveBeenCalledTimes(2);
      expect(set.mock.calls.filter(([key]) => key === 'rowData')).toHaveLength(1);
      expect(shownIds(ready)).toEqual(other.map((row) => row.id));
    });

    it('sees a row the caller replaced in place in the array it gave before, when it then appends', async () => {
      let api: GridApi<Promotion> | undefined;
      const props = {
        height: 300,
        modules: [EventApiModule],
        onGridReady: (ready: GridApi<Promotion>) => (api = ready),
      };
      const given = rows.slice(0, 20);
      const screen = await render(<PromotionsGrid rows={given} {...props} />);
      await vi.waitFor(() => expect(api?.getDisplayedRowCount()).toBe(20));
      const grid = api as GridApi<Promotion>;
      const changed = { ...(given[3] as Promotion), productName: 'Replaced in place' };
      given[3] = changed;
      await screen.rerender(<PromotionsGrid rows={[...given, ...rows.slice(20, 25)]} {...props} />);
      await vi.waitFor(() => expect(grid.getDisplayedRowCount()).toBe(25));
      expect(grid.getRowNode(changed.id)?.data?.productName).toBe('Replaced in place');
    });

    it('keeps a sort while rows are appended', async () => {
      let api: GridApi<Promotion> | undefined;
      const props = {
        height: 300,
        modules: [EventApiModule],
        onGridReady: (a: GridApi<Promotion>) => (api = a),
      };
      const screen = await render(<PromotionsGrid rows={rows.slice(0, 40)} {...props} />);
      await vi.waitFor(() => expect(api?.getDisplayedRowCount()).toBe(40));
      const grid = api as GridApi<Promotion>;
      await applied(grid, () =>
        grid.applyColumnState({ state: [{ colId: 'revenue', sort: 'desc' }], defaultState: { sort: null } }),
      );
      await screen.rerender(<PromotionsGrid rows={rows.slice(0, 120)} {...props} />);
      await vi.waitFor(() => expect(grid.getDisplayedRowCount()).toBe(120));
      const expected = [...rows.slice(0, 120)]
        .sort((a, b) => b.revenue - a.revenue || 0)
        .map((row) => row.revenue);
      const shown: number[] = [];
      grid.forEachNodeAfterFilterAndSort((node) => shown.push(node.data?.revenue as number));
      expect(shown).toEqual(expected);
    });

    it('shows the current rows when the grid comes back after an error', async () => {
      const screen = await render(<PromotionsGrid rows={rows.slice(0, 10)} height={300} />);
      await expect.element(screen.getByTestId('row-count')).toHaveTextContent('10 promotions');
      await screen.rerender(
        <PromotionsGrid rows={rows.slice(0, 10)} error={new Error('boom')} height={300} />,
      );
      await expect.element(screen.getByRole('alert')).toBeVisible();
      await screen.rerender(<PromotionsGrid rows={rows.slice(0, 25)} height={300} />);
      await expect.element(screen.getByTestId('row-count')).toHaveTextContent('25 promotions');
      await vi.waitFor(() => expect(domRowCount(screen.container)).toBeGreaterThan(10));
    });
  });
});
