import {
  createClient,
  type DatasetInfo,
  type LiveUpdate,
  MAX_LIMIT,
  type PromoscaleClient,
  type Promotion,
} from '@promoscale/api';
import { assertInteger } from '@promoscale/generator/internal';
import type { GridApi, GridOptions, IDatasource } from 'ag-grid-community';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import {
  type BlockCache,
  type BlockCacheOptions,
  datasetKey,
  NO_BLOCK_CACHE,
  openBlockCache,
} from './block-cache.js';
import { type BlockEvent, createPromotionsDatasource } from './create-promotions-datasource.js';
import { followLiveUpdates } from './follow-live-updates.js';
import { type PromotionsQueryResult, toPromotionsQuery } from './to-promotions-query.js';

/** Live-update options of {@link useServerRows}. */
export interface LiveRowsOptions {
  /** Ask the server to pace events this many milliseconds apart (0..60,000). @default the server's (1000) */
  intervalMs?: number;
  /** Wait before reopening a stream that ended or failed, in milliseconds. @default 3000 */
  reconnectDelayMs?: number;
  /**
   * Poll instead of one endless stream: end each stream after this many events and open the next one at the pace
   * (1..1,000,000), for transports that deliver a response only once it ends (MSW in WebKit). @default endless
   */
  eventsPerStream?: number;
}

/** Options of {@link useServerRows}. */
export interface UseServerRowsOptions {
  /** The typed client of `@promoscale/api`. @default createClient({ baseUrl: '' }): same origin, under `/api` */
  client?: PromoscaleClient;
  /** The quick-search text, sent as `q` (cut to 200 characters, with a notice). @default '' */
  search?: string;
  /** Rows per block: one request each (`limit`), 1..1000. @default 100 */
  blockSize?: number;
  /** The IndexedDB block cache, or `false` for none. @default {} (200 blocks, 50 MB) */
  cache?: BlockCacheOptions | false;
  /** Follow `/api/live` and update the rows on screen, or `false`. @default true */
  live?: boolean | LiveRowsOptions;
}

/** The last live update applied to a row in the grid. */
export interface AppliedLiveUpdate {
  sequence: number;
  id: string;
  /** The fields whose value changed (their cells flash). */
  fields: string[];
}

/** Counters of what the server rows did, for panels and tests. */
export interface ServerRowsStats {
  /** Blocks fetched from the server (revalidations included). */
  requests: number;
  /** Blocks shown from the IndexedDB cache. */
  cacheHits: number;
  /** Live updates applied to a loaded row. */
  liveUpdates: number;
  /** Live events received (applied or not). */
  liveEvents: number;
  /**
   * The last block shown: where it came from, its first row (0-based), how many rows it handed to the grid and how
   * long it took, in milliseconds.
   */
  lastBlock: { source: BlockEvent['source']; startRow: number; rowCount: number; ms: number } | null;
}

/** What {@link useServerRows} returns. */
export interface ServerRows {
  /** `connecting`: reading `/api/dataset` and opening the cache; `loading`: waiting for the first block. */
  status: 'connecting' | 'loading' | 'ready' | 'error';
  /** The dataset served, from `GET /api/dataset`. */
  dataset: DatasetInfo | null;
  /** Rows matching the current query (`total`), once the first block arrived. */
  total: number | null;
  /** The failure shown with a Retry action, or null. */
  error: unknown;
  /** Starts again after an error: reads the dataset, reopens the cache, reloads the blocks. */
  retry: () => void;
  /** The current query (filters, `q`, sort) and the notices about what could not be sent. */
  query: PromotionsQueryResult;
  /** `true` when blocks are cached in IndexedDB; `false` without a cache or without IndexedDB. */
  cachePersistent: boolean;
  stats: ServerRowsStats;
  /** The last live update applied to a loaded row. */
  lastLiveUpdate: AppliedLiveUpdate | null;
  /** The options to spread into AG Grid (or `PromotionsGrid`'s `gridOptions`): the infinite row model and its datasource. */
  gridOptions: GridOptions<Promotion>;
  /** Give it the grid's API once ready: live updates and reloads need it. */
  setGridApi: (api: GridApi<Promotion> | null) => void;
}

const NO_STATS: ServerRowsStats = {
  requests: 0,
  cacheHits: 0,
  liveUpdates: 0,
  liveEvents: 0,
  lastBlock: null,
};
const EMPTY_QUERY = toPromotionsQuery({});

/**
 * Server rows for AG Grid's Infinite Row Model (phase 4, DATABASE_BACKEND): reads `GET /api/dataset`, opens the
 * IndexedDB block cache for that dataset (dropping other datasets' blocks), and gives a datasource that asks
 * `GET /api/promotions` for each block with the grid's sort, filters and search ({@link toPromotionsQuery}); a cached
 * block shows at once and is revalidated. Once the first block is shown, follows `/api/live` and updates loaded rows
 * in place (`rowNode.setData`), flashing the changed cells. Everything in flight is aborted on unmount.
 *
 * @example
 * const rows = useServerRows({ search, blockSize: 100, live: { intervalMs: 500 } });
 * <AgGridReact modules={[InfiniteRowModelModule, HighlightChangesModule, RowApiModule]} columnDefs={columns}
 *   {...rows.gridOptions} onGridReady={(e) => rows.setGridApi(e.api)} />
 */
export function useServerRows(options: UseServerRowsOptions = {}): ServerRows {
  const blockSize = options.blockSize ?? 100;
  assertInteger(blockSize, 'blockSize', 'INVALID_OPTION', 1, MAX_LIMIT);
  const liveOption = options.live ?? true;
  const live: LiveRowsOptions | null = liveOption === false ? null : liveOption === true ? {} : liveOption;
  const search = options.search ?? '';

  const defaultClient = useMemo(() => createClient({ baseUrl: '' }), []);
  const client = options.client ?? defaultClient;
  const cacheOptions = options.cache ?? {};
  const cacheKey = cacheOptions === false ? 'off' : JSON.stringify(cacheOptions);

  const [attempt, setAttempt] = useState(0);
  const [setup, setSetup] = useState<{ dataset: DatasetInfo; cache: BlockCache } | null>(null);
  const [status, setStatus] = useState<ServerRows['status']>('connecting');
  const [error, setError] = useState<unknown>(null);
  const [total, setTotal] = useState<number | null>(null);
  const [query, setQuery] = useState<PromotionsQueryResult>(EMPTY_QUERY);
  const [stats, setStats] = useState<ServerRowsStats>(NO_STATS);
  const [lastLiveUpdate, setLastLiveUpdate] = useState<AppliedLiveUpdate | null>(null);
  const apiRef = useRef<GridApi<Promotion> | null>(null);
  // Live updates start once the grid shows rows: before that there is no row to update.
  const [liveSetup, setLiveSetup] = useState<object | null>(null);

  // The dataset and the cache: once per client, cache options and attempt.
  // biome-ignore lint/correctness/useExhaustiveDependencies: cacheKey stands for cacheOptions; attempt restarts it
  useEffect(() => {
    const controller = new AbortController();
    let opened: BlockCache | null = null;
    setSetup(null);
    setStatus('connecting');
    setTotal(null);
    (async () => {
      try {
        const dataset = await client.dataset({ signal: controller.signal });
        const cache =
          cacheOptions === false ? NO_BLOCK_CACHE : await openBlockCache(datasetKey(dataset), cacheOptions);
        if (controller.signal.aborted) {
          cache.close();
          return;
        }
        opened = cache;
        setSetup({ dataset, cache });
        setStatus('loading');
      } catch (caught) {
        if (controller.signal.aborted) return;
        setError(caught);
        setStatus('error');
      }
    })();
    return () => {
      controller.abort();
      opened?.close();
    };
  }, [client, cacheKey, attempt]);

  const datasource = useMemo<IDatasource | undefined>(() => {
    if (!setup) return undefined;
    return createPromotionsDatasource({
      client,
      cache: setup.cache,
      search,
      onQuery: (next) => setQuery((previous) => (previous.key === next.key ? previous : next)),
      onBlock: (event: BlockEvent) => {
        setLiveSetup(setup);
        setTotal(event.total);
        setStatus('ready');
        setStats((previous) => ({
          ...previous,
          requests: previous.requests + (event.source === 'network' ? 1 : 0),
          cacheHits: previous.cacheHits + (event.source === 'cache' ? 1 : 0),
          lastBlock: {
            source: event.source,
            startRow: event.startRow,
            rowCount: Math.max(0, Math.min(event.endRow, event.total) - event.startRow),
            ms: event.ms,
          },
        }));
      },
      onRevalidate: (event) => {
        if (event.outcome !== 'failed')
          setStats((previous) => ({ ...previous, requests: previous.requests + 1 }));
      },
      onError: (caught) => {
        setError(caught);
        setStatus('error');
      },
    });
  }, [setup, client, search]);

  // A replaced or unmounted datasource stops its requests.
  useEffect(() => () => datasource?.destroy?.(), [datasource]);

  // Live updates: update loaded rows in place and flash the cells that changed.
  const liveInterval = live?.intervalMs;
  const liveReconnect = live?.reconnectDelayMs;
  const liveEventsPerStream = live?.eventsPerStream;
  const liveOn = live !== null;
  useEffect(() => {
    if (!setup || !liveOn || liveSetup !== setup) return;
    const controller = new AbortController();
    const apply = (update: LiveUpdate) => {
      setStats((previous) => ({ ...previous, liveEvents: previous.liveEvents + 1 }));
      const api = apiRef.current;
      if (!api || api.isDestroyed()) return;
      const node = api.getRowNode(update.promotion.id);
      const before = node?.data;
      if (!node || !before) return;
      const fields = (Object.keys(update.promotion) as (keyof Promotion)[]).filter(
        (field) => before[field] !== update.promotion[field],
      );
      node.setData(update.promotion);
      if (fields.length > 0) api.flashCells({ rowNodes: [node], columns: fields });
      setStats((previous) => ({ ...previous, liveUpdates: previous.liveUpdates + 1 }));
      setLastLiveUpdate({ sequence: update.sequence, id: update.promotion.id, fields });
    };
    followLiveUpdates(client, {
      signal: controller.signal,
      onUpdate: apply,
      ...(liveInterval === undefined ? {} : { intervalMs: liveInterval }),
      ...(liveReconnect === undefined ? {} : { reconnectDelayMs: liveReconnect }),
      ...(liveEventsPerStream === undefined ? {} : { eventsPerStream: liveEventsPerStream }),
    }).catch((caught: unknown) => {
      // It rejects only for a bad `live` option (a PromoscaleError naming it): the hook's error, not an
      // unhandled rejection.
      if (controller.signal.aborted) return;
      setError(caught);
      setStatus('error');
    });
    return () => controller.abort();
  }, [setup, liveSetup, client, liveOn, liveInterval, liveReconnect, liveEventsPerStream]);

  const retry = useCallback(() => {
    setError(null);
    setStats(NO_STATS);
    setAttempt((previous) => previous + 1);
  }, []);

  const setGridApi = useCallback((api: GridApi<Promotion> | null) => {
    apiRef.current = api;
  }, []);

  const gridOptions = useMemo<GridOptions<Promotion>>(
    () => ({
      rowModelType: 'infinite',
      ...(datasource ? { datasource } : {}),
      cacheBlockSize: blockSize,
      maxConcurrentDatasourceRequests: 2,
      // One placeholder row until the first block says how many there are.
      infiniteInitialRowCount: 1,
    }),
    [datasource, blockSize],
  );

  // One object per change, so a parent may keep it in state without rendering forever.
  return useMemo(
    () => ({
      status,
      dataset: setup?.dataset ?? null,
      total,
      error,
      retry,
      query,
      cachePersistent: setup?.cache.persistent ?? false,
      stats,
      lastLiveUpdate,
      gridOptions,
      setGridApi,
    }),
    [status, setup, total, error, retry, query, stats, lastLiveUpdate, gridOptions, setGridApi],
  );
}
