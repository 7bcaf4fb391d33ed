import type { Promotion } from '@promoscale/api';
import type { GridApi, IDatasource, IGetRowsParams } from 'ag-grid-community';
import { deleteDB } from 'idb';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createInProcessApi } from '../../tests/support/in-process-api.js';
import { type BlockCache, openBlockCache } from './block-cache.js';
import { createPromotionsDatasource, type RevalidateEvent } from './create-promotions-datasource.js';
import { toPromotionsQuery } from './to-promotions-query.js';

const SPEC = { seed: 42, stores: 10, templates: 'MIXED' } as const;

type Outcome = { rows: Promotion[]; lastRow: number | undefined } | 'failed';

/** A stand-in for the grid's api: the row nodes the datasource may update, and the reload it may ask for. */
function fakeApi() {
  const setData = vi.fn<(id: string, row: Promotion) => void>();
  const api = {
    isDestroyed: () => false,
    refreshInfiniteCache: vi.fn(),
    getRowNode: (id: string) => ({ setData: (row: Promotion) => setData(id, row) }),
  };
  return { api, setData };
}

/** Calls getRows as the grid does and resolves with what the datasource answered. */
function getRows(
  datasource: IDatasource,
  startRow: number,
  endRow: number,
  api: unknown,
  models: { sortModel?: IGetRowsParams['sortModel']; filterModel?: unknown } = {},
): Promise<Outcome> {
  return new Promise((resolve) => {
    datasource.getRows({
      startRow,
      endRow,
      sortModel: models.sortModel ?? [],
      filterModel: models.filterModel ?? {},
      successCallback: (rows: Promotion[], lastRow?: number) => resolve({ rows, lastRow }),
      failCallback: () => resolve('failed'),
      api: api as GridApi,
      context: undefined,
    });
  });
}

const caches: BlockCache[] = [];
const dbNames: string[] = [];
async function freshCache(dataset = 'A') {
  const name = `datasource-test-${Math.random().toString(36).slice(2)}`;
  dbNames.push(name);
  const cache = await openBlockCache(dataset, { name });
  caches.push(cache);
  return cache;
}

/** An in-process API and a cache holding the blocks of 100 rows at `starts`, as that API answers them. */
async function cachedServer(starts: number[]) {
  const server = createInProcessApi(SPEC);
  const cache = await freshCache();
  for (const start of starts) {
    const page = await server.client.promotions({ offset: start, limit: 100 });
    await cache.put(toPromotionsQuery({}).key, start, 100, { rows: page.items, total: page.total });
  }
  server.requests.length = 0;
  return { server, cache };
}

afterEach(async () => {
  vi.useRealTimers();
  for (const cache of caches.splice(0)) cache.close();
  for (const name of dbNames.splice(0)) await deleteDB(name);
});

describe('createPromotionsDatasource', () => {
  it('requests each block with offset = startRow and limit = block size, and reports total as the row count', async () => {
    const server = createInProcessApi(SPEC);
    const datasource = createPromotionsDatasource({ client: server.client });
    const { api } = fakeApi();
    const first = await getRows(datasource, 0, 100, api);
    const second = await getRows(datasource, 100, 200, api);
    const pages = server.pageRequests();
    expect(pages.map((url) => [url.searchParams.get('offset'), url.searchParams.get('limit')])).toEqual([
      ['0', '100'],
      ['100', '100'],
    ]);
    if (first === 'failed' || second === 'failed') throw new Error('a block failed');
    expect(first.lastRow).toBe(300);
    expect(first.rows).toHaveLength(100);
    expect(second.rows[0]?.id).not.toBe(first.rows[0]?.id);
    const all = (await server.client.promotions({ limit: 200 })).items.map((row) => row.id);
    expect([...first.rows, ...second.rows].map((row) => row.id)).toEqual(all);
  });

  it('sends the sort, the filters and the search in the request', async () => {
    const server = createInProcessApi(SPEC);
    const onQuery = vi.fn();
    const datasource = createPromotionsDatasource({ client: server.client, search: 'a', onQuery });
    const outcome = await getRows(datasource, 0, 50, fakeApi().api, {
      sortModel: [
        { colId: 'roi', sort: 'desc' },
        { colId: 'storeId', sort: 'asc' },
      ],
      filterModel: { category: { filterType: 'text', type: 'equals', filter: 'dairy' } },
    });
    const url = server.pageRequests()[0];
    expect(url?.searchParams.get('sort')).toBe('-roi,storeId');
    expect(url?.searchParams.get('category')).toBe('dairy');
    expect(url?.searchParams.get('q')).toBe('a');
    expect(onQuery).toHaveBeenCalledWith(
      expect.objectContaining({ query: expect.objectContaining({ q: 'a' }) }),
    );
    if (outcome === 'failed') throw new Error('the block failed');
    for (const row of outcome.rows) expect(row.category).toBe('dairy');
    const rois = outcome.rows.map((row) => row.roi);
    expect(rois).toEqual([...rois].sort((a, b) => b - a));
  });

  it('answers a filter no row can match without a request', async () => {
    const server = createInProcessApi(SPEC);
    const datasource = createPromotionsDatasource({ client: server.client });
    const outcome = await getRows(datasource, 0, 100, fakeApi().api, {
      filterModel: { brand: { filterType: 'text', type: 'equals', filter: 'No Such Brand' } },
    });
    expect(outcome).toEqual({ rows: [], lastRow: 0 });
    expect(server.requests).toHaveLength(0);
  });

  it('stores fetched blocks in the cache after answering the grid, and serves them from it the next time', async () => {
    const server = createInProcessApi(SPEC);
    const cache = await freshCache();
    const put = vi.spyOn(cache, 'put');
    const onBlock = vi.fn();
    const datasource = createPromotionsDatasource({
      client: server.client,
      cache,
      onBlock,
      backgroundDelayMs: 0,
    });
    let putsWhenAnswered = -1;
    onBlock.mockImplementationOnce(() => {
      putsWhenAnswered = put.mock.calls.length;
    });
    await getRows(datasource, 0, 100, fakeApi().api);
    expect(putsWhenAnswered).toBe(0);
    const key = toPromotionsQuery({}).key;
    await vi.waitFor(async () => expect((await cache.get(key, 0, 100))?.rows).toHaveLength(100));
    await getRows(datasource, 0, 100, fakeApi().api);
    expect(onBlock.mock.calls.map(([event]) => event.source)).toEqual(['network', 'cache']);
  });

  it('answers every cached block the grid asks for before revalidating any, then revalidates them in order', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const { server, cache } = await cachedServer([0, 100, 200]);
    const events: RevalidateEvent[] = [];
    const datasource = createPromotionsDatasource({
      client: server.client,
      cache,
      backgroundDelayMs: 100,
      onRevalidate: (event) => events.push(event),
    });
    const { api } = fakeApi();
    for (const start of [0, 100, 200]) {
      expect(await getRows(datasource, start, start + 100, api)).toMatchObject({ lastRow: 300 });
      await vi.advanceTimersByTimeAsync(99);
    }
    expect(server.pageRequests()).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    await vi.waitFor(() => expect(events).toHaveLength(1));
    for (const count of [2, 3]) {
      await vi.advanceTimersByTimeAsync(100);
      await vi.waitFor(() => expect(events).toHaveLength(count));
    }
    expect(events.map((event) => [event.startRow, event.outcome])).toEqual([
      [0, 'same'],
      [100, 'same'],
      [200, 'same'],
    ]);
    expect(server.pageRequests().map((url) => url.searchParams.get('offset'))).toEqual(['0', '100', '200']);
  });

  it('interrupts a revalidation under way when the grid asks for a block, answers it, then revalidates again', async () => {
    const { server, cache } = await cachedServer([0, 100]);
    // The first revalidation request hangs until it is aborted; later ones are answered.
    const signals: AbortSignal[] = [];
    const client = {
      ...server.client,
      promotions: (
        query: Parameters<typeof server.client.promotions>[0],
        call?: { signal?: AbortSignal },
      ) => {
        if (call?.signal) signals.push(call.signal);
        if (signals.length > 1) return server.client.promotions(query, call);
        return new Promise<never>((_resolve, reject) =>
          call?.signal?.addEventListener('abort', () => reject(call.signal?.reason)),
        );
      },
    };
    const events: RevalidateEvent[] = [];
    const datasource = createPromotionsDatasource({
      client,
      cache,
      backgroundDelayMs: 0,
      onRevalidate: (event) => events.push(event),
    });
    const { api } = fakeApi();
    await getRows(datasource, 0, 100, api);
    await vi.waitFor(() => expect(signals).toHaveLength(1));
    expect(await getRows(datasource, 100, 200, api)).toMatchObject({ lastRow: 300 });
    expect(signals[0]?.aborted).toBe(true);
    await vi.waitFor(() => expect(events).toHaveLength(2));
    expect(events.map((event) => [event.startRow, event.outcome])).toEqual([
      [0, 'same'],
      [100, 'same'],
    ]);
  });

  it('drops the revalidations and cache writes not yet started when it is destroyed', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const { server, cache } = await cachedServer([0]);
    const put = vi.spyOn(cache, 'put');
    const datasource = createPromotionsDatasource({ client: server.client, cache, backgroundDelayMs: 10 });
    await getRows(datasource, 0, 100, fakeApi().api);
    await getRows(datasource, 100, 200, fakeApi().api);
    expect(server.pageRequests()).toHaveLength(1);
    datasource.destroy?.();
    await vi.advanceTimersByTimeAsync(1_000);
    expect(server.pageRequests()).toHaveLength(1);
    expect(put).not.toHaveBeenCalled();
  });

  it.each([-1, 1.5, 60_001, Number.NaN])(
    'throws INVALID_OPTION for backgroundDelayMs %s',
    (backgroundDelayMs) => {
      const server = createInProcessApi(SPEC);
      expect(() => createPromotionsDatasource({ client: server.client, backgroundDelayMs })).toThrow(
        expect.objectContaining({ code: 'INVALID_OPTION', field: 'backgroundDelayMs' }),
      );
    },
  );

  it('shows a cached block at once, then revalidates it and updates the rows that changed', async () => {
    const server = createInProcessApi(SPEC);
    const cache = await freshCache();
    const fresh = (await server.client.promotions({ offset: 0, limit: 20 })).items;
    const stale = fresh.map((row, index) => (index === 3 ? { ...row, promoUnits: row.promoUnits + 1 } : row));
    await cache.put(toPromotionsQuery({}).key, 0, 20, { rows: stale, total: 300 });
    server.requests.length = 0;

    let onRevalidate: (event: RevalidateEvent) => void = () => {};
    const revalidated = new Promise<RevalidateEvent>((resolve) => {
      onRevalidate = resolve;
    });
    const datasource = createPromotionsDatasource({
      client: server.client,
      cache,
      onRevalidate,
      backgroundDelayMs: 0,
    });
    const { api, setData } = fakeApi();
    const outcome = await getRows(datasource, 0, 20, api);
    expect(outcome).toEqual({ rows: stale, lastRow: 300 });

    const event = await revalidated;
    expect(server.pageRequests()).toHaveLength(1);
    expect(event).toEqual({ startRow: 0, outcome: 'rows', changed: [fresh[3]] });
    expect(setData).toHaveBeenCalledExactlyOnceWith(fresh[3]?.id, fresh[3]);
    expect(api.refreshInfiniteCache).not.toHaveBeenCalled();
    expect((await cache.get(toPromotionsQuery({}).key, 0, 20))?.rows).toEqual(fresh);
  });

  it('reloads the grid once when the cached block has other rows or another total', async () => {
    const server = createInProcessApi(SPEC);
    const cache = await freshCache();
    const fresh = (await server.client.promotions({ offset: 0, limit: 20 })).items;
    await cache.put(toPromotionsQuery({}).key, 0, 20, { rows: fresh.slice().reverse(), total: 999 });

    const events: RevalidateEvent[] = [];
    const next = () => new Promise<void>((resolve) => setTimeout(resolve, 0));
    const datasource = createPromotionsDatasource({
      client: server.client,
      cache,
      onRevalidate: (event) => events.push(event),
    });
    const { api } = fakeApi();
    await getRows(datasource, 0, 20, api);
    await vi.waitFor(() => expect(events).toHaveLength(1));
    expect(events[0]?.outcome).toBe('reload');
    expect(api.refreshInfiniteCache).toHaveBeenCalledTimes(1);
    // The grid reloads: the cache now holds the server's rows, and the check finds nothing to do.
    const again = await getRows(datasource, 0, 20, api);
    expect(again).toEqual({ rows: fresh, lastRow: 300 });
    await vi.waitFor(() => expect(events).toHaveLength(2));
    await next();
    expect(events[1]?.outcome).toBe('same');
    expect(api.refreshInfiniteCache).toHaveBeenCalledTimes(1);
  });

  it('fails the block and reports the error when the request fails', async () => {
    const server = createInProcessApi(SPEC);
    server.failNext('/api/promotions');
    const onError = vi.fn();
    const datasource = createPromotionsDatasource({ client: server.client, onError });
    expect(await getRows(datasource, 0, 100, fakeApi().api)).toBe('failed');
    expect(onError).toHaveBeenCalledWith(expect.objectContaining({ status: 503, code: 'UNAVAILABLE' }));
    expect(await getRows(datasource, 0, 100, fakeApi().api)).not.toBe('failed');
  });

  it('aborts the request in flight on destroy and calls neither callback', async () => {
    const server = createInProcessApi(SPEC);
    let seenSignal: AbortSignal | undefined;
    const client = {
      ...server.client,
      promotions: (_query: unknown, call?: { signal?: AbortSignal }) => {
        seenSignal = call?.signal;
        return new Promise<never>((_resolve, reject) =>
          call?.signal?.addEventListener('abort', () => reject(call.signal?.reason)),
        );
      },
    };
    const onError = vi.fn();
    const datasource = createPromotionsDatasource({ client, onError });
    const success = vi.fn();
    const fail = vi.fn();
    datasource.getRows({
      startRow: 0,
      endRow: 100,
      sortModel: [],
      filterModel: {},
      successCallback: success,
      failCallback: fail,
      api: fakeApi().api as unknown as GridApi,
      context: undefined,
    });
    await vi.waitFor(() => expect(seenSignal).toBeDefined());
    datasource.destroy?.();
    expect(seenSignal?.aborted).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(success).not.toHaveBeenCalled();
    expect(fail).not.toHaveBeenCalled();
    expect(onError).not.toHaveBeenCalled();
  });
});
