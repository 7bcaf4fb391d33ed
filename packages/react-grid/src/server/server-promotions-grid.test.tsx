import type { LiveOptions, Page, PromoscaleClient, Promotion } from '@promoscale/api';
import { deleteDB } from 'idb';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { render } from 'vitest-browser-react';
import { createInProcessApi } from '../../tests/support/in-process-api.js';
import { blockLine, ServerPromotionsGrid, type ServerPromotionsGridProps } from './server-promotions-grid.js';
import type { ServerRows } from './use-server-rows.js';

const dbNames: string[] = [];
function cacheName() {
  const name = `server-grid-test-${Math.random().toString(36).slice(2)}`;
  dbNames.push(name);
  return name;
}

afterEach(async () => {
  for (const name of dbNames.splice(0)) await deleteDB(name);
});

async function renderGrid(props: ServerPromotionsGridProps) {
  let latest: ServerRows | null = null;
  const onRowsChange = (rows: ServerRows) => {
    latest = rows;
  };
  const screen = await render(<ServerPromotionsGrid height={400} {...props} onRowsChange={onRowsChange} />);
  return { screen, rows: () => latest as ServerRows | null };
}

const domRows = (root: HTMLElement) => root.querySelectorAll('[role="row"][row-index]');
const cellText = (root: HTMLElement, rowIndex: number, colId: string) =>
  root.querySelector(`[role="row"][row-index="${rowIndex}"] [col-id="${colId}"]`)?.textContent?.trim();

describe('blockLine', () => {
  it('names the rows of the last block counted from 1, the last block of a dataset up to its last row', () => {
    expect(blockLine({ source: 'network', startRow: 0, rowCount: 100, ms: 35 })).toBe(
      'Rows 1–100 in 35 ms (server)',
    );
    expect(blockLine({ source: 'cache', startRow: 1_000, rowCount: 1, ms: 2 })).toBe(
      'Rows 1,001–1,001 in 2 ms (IndexedDB cache)',
    );
    expect(blockLine({ source: 'empty', startRow: 0, rowCount: 0, ms: 0 })).toBe(
      'No rows in 0 ms (no request)',
    );
  });
});

describe('ServerPromotionsGrid', () => {
  it('shows the first block and a row count equal to the server total', async () => {
    const server = createInProcessApi({ seed: 42, stores: 10 });
    const { screen } = await renderGrid({ client: server.client, cache: { name: cacheName() }, live: false });
    await expect.element(screen.getByTestId('row-count')).toHaveTextContent(/^300 promotions$/);
    const first = (await server.client.promotions({ limit: 1 })).items[0];
    await vi.waitFor(() => expect(cellText(screen.container, 0, 'id')).toBe(first?.id));
    expect(server.pageRequests()[0]?.search).toBe('?offset=0&limit=100');
    // Rows counted from 1, as a person reads them: the first block of 100 is rows 1–100, not "rows 0+".
    await expect
      .element(screen.getByTestId('last-block'))
      .toHaveTextContent(/^Rows 1–100 in [\d.]+ ms \(server\)$/);
  });

  it('shows the KPIs of every matching promotion from /api/summary, not only the loaded block', async () => {
    const server = createInProcessApi({ seed: 42, stores: 10 });
    const { screen } = await renderGrid({ client: server.client, cache: false, live: false, blockSize: 20 });
    await expect.element(screen.getByText('Over 300 promotions, from the server summary.')).toBeVisible();
    const losing = (await server.client.promotions({ incrementalMargin_lte: -0.01, limit: 1 })).total;
    const share = `${((100 * losing) / 300).toFixed(1)}%`;
    await expect.element(screen.getByRole('region', { name: 'Key figures' })).toHaveTextContent(share);
    expect(server.requests.some((url) => url.pathname === '/api/summary')).toBe(true);
  });

  it('reads "Loading the server summary…" until the summary arrives, never "Over 0 promotions"', async () => {
    const server = createInProcessApi({ seed: 42, stores: 10 });
    let release: () => void = () => {};
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const client = new Proxy(server.client, {
      get(target, key, receiver) {
        if (key !== 'summary') return Reflect.get(target, key, receiver);
        return async (...args: Parameters<PromoscaleClient['summary']>) => {
          await gate;
          return target.summary(...args);
        };
      },
    });
    const { screen } = await renderGrid({ client, cache: false, live: false });
    await expect.element(screen.getByTestId('row-count')).toHaveTextContent(/^300 promotions$/);
    const region = screen.getByRole('region', { name: 'Key figures' });
    await expect.element(region).toHaveTextContent('Loading the server summary…');
    await expect.element(region).not.toHaveTextContent('Over 0 promotions');
    release();
    await expect.element(region).toHaveTextContent('Over 300 promotions, from the server summary.');
  });

  it('fetches the next block with the right offset when the viewport scrolls', async () => {
    const server = createInProcessApi({ seed: 42, stores: 10 });
    const { screen, rows } = await renderGrid({
      client: server.client,
      cache: false,
      live: false,
      blockSize: 50,
    });
    await expect.element(screen.getByTestId('row-count')).toHaveTextContent(/^300 promotions$/);
    const viewport = screen.container.querySelector('.ag-grid-viewport') as HTMLElement;
    viewport.scrollTop = 60 * 34;
    viewport.dispatchEvent(new Event('scroll'));
    await vi.waitFor(() =>
      expect(server.pageRequests().map((url) => url.searchParams.get('offset'))).toContain('50'),
    );
    const second = server.pageRequests().find((url) => url.searchParams.get('offset') === '50');
    expect(second?.searchParams.get('limit')).toBe('50');
    await vi.waitFor(() =>
      expect([...domRows(screen.container)].some((row) => Number(row.getAttribute('row-index')) >= 50)).toBe(
        true,
      ),
    );
    await vi.waitFor(() => expect(rows()?.stats.requests).toBeGreaterThanOrEqual(2));
  });

  it('shows a cached block on the next visit, then revalidates it with one more request', async () => {
    const server = createInProcessApi({ seed: 42, stores: 10 });
    const name = cacheName();
    const first = await renderGrid({ client: server.client, cache: { name }, live: false });
    await expect.element(first.screen.getByTestId('row-count')).toHaveTextContent(/^300 promotions$/);
    await vi.waitFor(() => expect(first.rows()?.stats.requests).toBe(1));
    // Let the block reach IndexedDB before unmounting.
    await vi.waitFor(async () => expect(await blocksIn(name)).toBe(1));
    await first.screen.unmount();

    server.requests.length = 0;
    const second = await renderGrid({ client: server.client, cache: { name }, live: false });
    await expect.element(second.screen.getByTestId('row-count')).toHaveTextContent(/^300 promotions$/);
    await vi.waitFor(() => expect(second.rows()?.stats.cacheHits).toBe(1));
    await expect.element(second.screen.getByText(/1 from cache/)).toBeVisible();
    // The revalidation: the same block asked of the server once more.
    await vi.waitFor(() => expect(server.pageRequests()).toHaveLength(1));
    expect(server.pageRequests()[0]?.search).toBe('?offset=0&limit=100');
  });

  it('drops the cached blocks when the server serves another dataset', async () => {
    const name = cacheName();
    const a = createInProcessApi({ seed: 42, stores: 10 });
    const first = await renderGrid({ client: a.client, cache: { name }, live: false });
    await expect.element(first.screen.getByTestId('row-count')).toHaveTextContent(/^300 promotions$/);
    await vi.waitFor(async () => expect(await blocksIn(name)).toBe(1));
    await first.screen.unmount();

    const b = createInProcessApi({ seed: 43, stores: 10 });
    const second = await renderGrid({ client: b.client, cache: { name }, live: false });
    await expect.element(second.screen.getByTestId('row-count')).toHaveTextContent(/^300 promotions$/);
    const firstRow = (await b.client.promotions({ limit: 1 })).items[0];
    expect(firstRow?.id).not.toBe((await a.client.promotions({ limit: 1 })).items[0]?.id);
    await vi.waitFor(() => expect(cellText(second.screen.container, 0, 'id')).toBe(firstRow?.id));
    expect(second.rows()?.stats.cacheHits).toBe(0);
  });

  it('applies a live update to the row on screen with setData and flashes the changed cells', async () => {
    const server = createInProcessApi({ seed: 42, stores: 2 }, 0);
    const update = await server.source.liveUpdate(1);
    if (!update) throw new Error('no live update');
    const { screen, rows } = await renderGrid({
      client: server.client,
      cache: false,
      live: { intervalMs: 20 },
      gridOptions: { cellFlashDuration: 60_000 },
    });
    await expect.element(screen.getByTestId('row-count')).toHaveTextContent(/^60 promotions$/);
    await vi.waitFor(() => expect(rows()?.stats.liveUpdates).toBeGreaterThan(0));
    const applied = rows()?.lastLiveUpdate;
    expect(applied?.fields).toContain('promoUnits');
    const row = screen.container.querySelector(`[role="row"][row-id="${applied?.id}"]`);
    await vi.waitFor(() =>
      expect(row?.querySelector('[col-id="promoUnits"]')?.textContent?.replace(/\D/g, '')).not.toBe(''),
    );
    expect(row?.querySelector('.ag-cell-data-changed, .ag-cell-data-changed-animation')).not.toBeNull();
  });

  it('offers a checkbox that turns live updates off', async () => {
    const server = createInProcessApi({ seed: 42, stores: 2 }, 60_000);
    const { screen } = await renderGrid({ client: server.client, cache: false });
    await expect.element(screen.getByTestId('row-count')).toHaveTextContent(/^60 promotions$/);
    const liveRequests = () => server.requests.filter((url) => url.pathname === '/api/live').length;
    await vi.waitFor(() => expect(liveRequests()).toBe(1));
    await screen.getByRole('checkbox', { name: 'Live updates' }).click();
    await expect.element(screen.getByRole('checkbox', { name: 'Live updates' })).not.toBeChecked();
    expect(liveRequests()).toBe(1);
  });

  it("shows a bad live option as the hook's error naming the field, not an unhandled rejection", async () => {
    const server = createInProcessApi({ seed: 42, stores: 2 }, 60_000);
    const { screen, rows } = await renderGrid({
      client: server.client,
      cache: false,
      live: { eventsPerStream: 0 },
    });
    await vi.waitFor(() => expect(rows()?.status).toBe('error'));
    expect(rows()?.error).toMatchObject({ code: 'INVALID_OPTION', field: 'live.eventsPerStream' });
    await expect.element(screen.getByRole('alert')).toHaveTextContent('live.eventsPerStream');
  });

  it('shows an error with Retry when a block fails, and Retry recovers', async () => {
    const server = createInProcessApi({ seed: 42, stores: 10 });
    // Both /api/promotions requests fail: the first block and the KPI panel's loss count.
    server.failNext('/api/promotions', 2);
    const { screen } = await renderGrid({ client: server.client, cache: false, live: false });
    await expect.element(screen.getByRole('alert')).toHaveTextContent('Planned test fault');
    await expect.element(screen.getByText(/server summary \(unavailable\)/)).toBeVisible();
    await screen.getByRole('button', { name: 'Retry' }).click();
    await expect.element(screen.getByTestId('row-count')).toHaveTextContent(/^300 promotions$/);
    await expect.element(screen.getByText('Over 300 promotions, from the server summary.')).toBeVisible();
  });

  it('sends the search box as q and shows the narrower total', async () => {
    const server = createInProcessApi({ seed: 42, stores: 10 });
    const { screen } = await renderGrid({
      client: server.client,
      cache: false,
      live: false,
      searchDelayMs: 0,
    });
    await expect.element(screen.getByTestId('row-count')).toHaveTextContent(/^300 promotions$/);
    await screen.getByRole('searchbox').fill('milk');
    const expected = (await server.client.promotions({ q: 'milk', limit: 1 })).total;
    expect(expected).toBeLessThan(300);
    await expect
      .element(screen.getByTestId('row-count'))
      .toHaveTextContent(new RegExp(`^${expected} promotions$`));
    expect(server.pageRequests().at(-1)?.searchParams.get('q')).toBe('milk');
  });

  it('aborts the block request and the live stream on unmount', async () => {
    const server = createInProcessApi({ seed: 42, stores: 2 }, 60_000);
    const signals: AbortSignal[] = [];
    const client: PromoscaleClient = {
      ...server.client,
      promotions: (_query, call) => {
        if (call?.signal) signals.push(call.signal);
        return new Promise<Page<Promotion>>(() => {});
      },
      live: (options: LiveOptions = {}) => {
        if (options.signal) signals.push(options.signal);
        return server.client.live(options);
      },
    };
    const { screen } = await renderGrid({ client, cache: false });
    await vi.waitFor(() => expect(signals.length).toBeGreaterThanOrEqual(2));
    expect(signals.some((signal) => signal.aborted)).toBe(false);
    await screen.unmount();
    expect(signals.every((signal) => signal.aborted)).toBe(true);
  });
});

/** Blocks held in a cache database, read with the raw IndexedDB API. */
async function blocksIn(name: string): Promise<number> {
  const { openDB } = await import('idb');
  const db = await openDB(name);
  try {
    return db.objectStoreNames.contains('blocks') ? await db.count('blocks') : 0;
  } finally {
    db.close();
  }
}
