import type { PromoscaleClient, Promotion } from '@promoscale/api';
import { assertInteger } from '@promoscale/generator/internal';
import type { GridApi, IDatasource, IGetRowsParams } from 'ag-grid-community';
import { type BlockCache, NO_BLOCK_CACHE } from './block-cache.js';
import { createBackgroundQueue } from './create-background-queue.js';
import { type PromotionsQueryResult, toPromotionsQuery } from './to-promotions-query.js';

/** What happened to one block, reported to {@link PromotionsDatasourceOptions.onBlock}. */
export interface BlockEvent {
  startRow: number;
  endRow: number;
  /** `network`: fetched; `cache`: shown from IndexedDB (a revalidation follows); `empty`: no request needed. */
  source: 'network' | 'cache' | 'empty';
  total: number;
  query: PromotionsQueryResult;
  /** Milliseconds from the grid's request to the rows handed to it (`performance.now()`). */
  ms: number;
}

/** What a revalidation found, reported to {@link PromotionsDatasourceOptions.onRevalidate}. */
export interface RevalidateEvent {
  startRow: number;
  /**
   * `same`: the cached block was current; `rows`: some rows changed in place; `reload`: rows moved or the total
   * changed; `failed`: the request failed, the cached rows stay.
   */
  outcome: 'same' | 'rows' | 'reload' | 'failed';
  /** The rows that changed in place. */
  changed: Promotion[];
}

/** Options of {@link createPromotionsDatasource}. */
export interface PromotionsDatasourceOptions {
  /** The typed client of `@promoscale/api`. */
  client: PromoscaleClient;
  /** Where blocks are kept. @default NO_BLOCK_CACHE */
  cache?: BlockCache;
  /** The quick-search text, sent as `q`. @default '' */
  search?: string;
  /**
   * Revalidations and cache writes wait until the grid has asked for no block for this long (0..60,000 ms), then
   * run one at a time, so the blocks the grid waits for are answered first. @default 100
   */
  backgroundDelayMs?: number;
  /** Called before each block with the query it asks for (for summaries and notices). */
  onQuery?: (query: PromotionsQueryResult) => void;
  /** Called when a block is shown. */
  onBlock?: (event: BlockEvent) => void;
  /** Called when a block request fails (never for an abort). */
  onError?: (error: unknown) => void;
  /** Called when a block shown from the cache has been checked against the server. */
  onRevalidate?: (event: RevalidateEvent) => void;
}

/**
 * An AG Grid Infinite Row Model datasource over `GET /api/promotions`: each block the grid asks for becomes one
 * request with `offset = startRow`, `limit = endRow - startRow` and the grid's sort, filters and search mapped by
 * {@link toPromotionsQuery}; the row count is the page's `total`. With a {@link BlockCache}, a cached block shows at
 * once and is then fetched again: rows that changed are updated in place (`rowNode.setData`), and if rows moved or
 * the total changed the grid reloads its blocks (which the cache now answers). Revalidations and cache writes run
 * in the background, after the grid has been answered and has asked for nothing for `backgroundDelayMs`, one at a
 * time, so they never delay a block it waits for. `destroy()` aborts what is in flight and drops what is queued.
 *
 * @example
 * const datasource = createPromotionsDatasource({ client: createClient({ baseUrl: '' }), search: 'milk' });
 * <AgGridReact rowModelType="infinite" datasource={datasource} cacheBlockSize={100} />
 */
export function createPromotionsDatasource(options: PromotionsDatasourceOptions): IDatasource {
  const { client, cache = NO_BLOCK_CACHE, search = '' } = options;
  const backgroundDelayMs = options.backgroundDelayMs ?? 100;
  assertInteger(backgroundDelayMs, 'backgroundDelayMs', 'INVALID_OPTION', 0, 60_000);
  const controller = new AbortController();
  const { signal } = controller;
  const background = createBackgroundQueue({ signal, quietMs: backgroundDelayMs });
  // A block whose revalidation already reloaded the grid only updates rows in place the next time, so a server
  // that answers differently on every request cannot make the grid reload forever.
  const reloaded = new Set<string>();

  const fetchBlock = async (
    query: PromotionsQueryResult,
    startRow: number,
    limit: number,
    requestSignal: AbortSignal = signal,
  ) => {
    const page = await client.promotions(
      { ...query.query, offset: startRow, limit },
      { signal: requestSignal },
    );
    return { rows: page.items, total: page.total };
  };

  const revalidate = async (
    api: GridApi,
    query: PromotionsQueryResult,
    startRow: number,
    limit: number,
    cached: { rows: Promotion[]; total: number },
    interrupted: AbortSignal,
  ) => {
    // Interrupted while the request is under way, the check starts again later; once the answer is in, it finishes.
    const fresh = await fetchBlock(query, startRow, limit, interrupted);
    if (signal.aborted) return;
    const blockId = `${query.key}#${startRow}+${limit}`;
    const sameIds =
      fresh.total === cached.total &&
      fresh.rows.length === cached.rows.length &&
      fresh.rows.every((row, index) => row.id === cached.rows[index]?.id);
    const changed = fresh.rows.filter((row, index) => !sameRow(row, cached.rows[index]));
    if (sameIds && changed.length === 0) {
      options.onRevalidate?.({ startRow, outcome: 'same', changed });
      return;
    }
    await cache.put(query.key, startRow, limit, fresh);
    if (signal.aborted || api.isDestroyed()) return;
    if (!sameIds && !reloaded.has(blockId)) {
      reloaded.add(blockId);
      options.onRevalidate?.({ startRow, outcome: 'reload', changed });
      api.refreshInfiniteCache();
      return;
    }
    for (const row of changed) api.getRowNode(row.id)?.setData(row);
    options.onRevalidate?.({ startRow, outcome: 'rows', changed });
  };

  const getRows = async (params: IGetRowsParams) => {
    const { startRow, endRow, api } = params;
    const started = performance.now();
    const ms = () => Math.round((performance.now() - started) * 10) / 10;
    const limit = endRow - startRow;
    const query = toPromotionsQuery({
      sortModel: params.sortModel,
      filterModel: params.filterModel as Record<string, unknown> | null,
      search,
    });
    options.onQuery?.(query);
    if (query.matchesNothing) {
      params.successCallback([], 0);
      options.onBlock?.({ startRow, endRow, source: 'empty', total: 0, query, ms: ms() });
      return;
    }
    const done = background.busy();
    try {
      const cached = await cache.get(query.key, startRow, limit);
      if (signal.aborted) return;
      if (cached) {
        params.successCallback(cached.rows, cached.total);
        options.onBlock?.({ startRow, endRow, source: 'cache', total: cached.total, query, ms: ms() });
        background.add(async (interrupted) => {
          try {
            await revalidate(api, query, startRow, limit, cached, interrupted);
          } catch (error) {
            if (interrupted.aborted) throw error;
            if (!signal.aborted) options.onRevalidate?.({ startRow, outcome: 'failed', changed: [] });
          }
        });
        return;
      }
      const block = await fetchBlock(query, startRow, limit);
      if (signal.aborted) return;
      params.successCallback(block.rows, block.total);
      options.onBlock?.({ startRow, endRow, source: 'network', total: block.total, query, ms: ms() });
      background.add(() => cache.put(query.key, startRow, limit, block));
    } catch (error) {
      if (signal.aborted) return;
      params.failCallback();
      options.onError?.(error);
    } finally {
      done();
    }
  };

  return {
    getRows(params) {
      void getRows(params);
    },
    destroy() {
      controller.abort();
    },
  };
}

function sameRow(a: Promotion, b: Promotion | undefined): boolean {
  if (!b) return false;
  for (const key of Object.keys(a) as (keyof Promotion)[]) if (a[key] !== b[key]) return false;
  return true;
}
