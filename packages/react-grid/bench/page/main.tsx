// The page bench/grid.bench.mjs opens in headless Chromium: one phase's loader and PromotionsGrid for one store
// count, from the package's public entry as a consumer would use it. It records what a person waits for (first rows
// on screen, every row in the grid), then exposes the grid on `window.bench` for the filter and sort timings.
// `?phase=single|chunked|streaming|server|ag-grid&stores=N`. `ag-grid` is the baseline: AG Grid alone (AgGridReact with
// the same columns and modules, its default theme), given rows generated before the page renders, no loader. Phase 4 (server) serves the API with @promoscale/msw's worker
// (no latency profile) and times each block of the infinite grid: cold from the network, then from IndexedDB.
import { createClient } from '@promoscale/api';
import { type Promotion, processBatch } from '@promoscale/generator';
import {
  createPromotionsDatasource,
  datasetKey,
  openBlockCache,
  PROMOTIONS_GRID_MODULES,
  PromotionsGrid,
  promotionColumnDefs,
  SERVER_ROWS_MODULES,
  type StreamingGridApi,
  toPromotionsQuery,
  useChunkedLoad,
  useSingleBatch,
  useStreamingLoad,
} from '@promoscale/react-grid';
import {
  ColumnApiModule,
  EventApiModule,
  type GridApi,
  type IDatasource,
  type IGetRowsParams,
  ScrollApiModule,
} from 'ag-grid-community';
import { AgGridReact } from 'ag-grid-react';
import { useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';

interface BlockTiming {
  startRow: number;
  ms: number;
  source: string;
}

interface BenchResult {
  firstRowsMs: number;
  /** The loader's own time to first rows (its `timings.firstRowsMs`, from the load's start). */
  loaderFirstRowsMs?: number;
  allRowsMs: number;
  rowsInGrid: number;
}

declare global {
  interface Window {
    bench: {
      started: number;
      result?: BenchResult;
      error?: string;
      api?: GridApi<Promotion>;
      blocks?: BlockTiming[];
      /** The blocks the IndexedDB cache holds (writes run in the background, after the grid is quiet). */
      cachedBlocks?: () => Promise<number>;
      /** Phase 4: reads one block straight from the IndexedDB cache and resolves to the milliseconds it took. */
      readCachedBlock?: (startRow: number) => Promise<number>;
      /** Phase 3: each flush of rows into the grid (`flushAsyncTransactions`): its ms and the rows the grid held. */
      flushes?: { ms: number; rowsHeld: number }[];
    };
  }
}

const params = new URLSearchParams(location.search);
const phase = params.get('phase') ?? 'single';
const stores = Number(params.get('stores') ?? 50);
const spec = { seed: 42, stores };
// `&flushRows=N` (phase 3): the loader's rows per flush, to compare settings.
const flushRows = params.has('flushRows') ? Number(params.get('flushRows')) : undefined;
const total = stores * 30;
// The bench listens for the grid's events and sorts through the column API, which PromotionsGrid itself does not need.
const BENCH_MODULES = [EventApiModule, ColumnApiModule];
window.bench = { started: performance.now() };

// First rows: the first grid row element in the DOM, painted (the frame after it appeared).
const observer = new MutationObserver(() => {
  if (!document.querySelector('[role="row"][row-index]')) return;
  observer.disconnect();
  requestAnimationFrame(() => {
    (window.bench as { firstPaint?: number }).firstPaint = performance.now() - window.bench.started;
  });
});
observer.observe(document.body, { childList: true, subtree: true });

function useReport(
  api: GridApi<Promotion> | null,
  done: boolean,
  error: Error | null,
  loaderFirstRowsMs: number | null,
) {
  useEffect(() => {
    if (error) window.bench.error = error.message;
    if (!api || !done) return;
    const check = () => {
      if (api.getDisplayedRowCount() < total) return false;
      // Two frames: the first-rows frame (same frame or earlier) has run by the second.
      requestAnimationFrame(() =>
        requestAnimationFrame(() => {
          const firstPaint = (window.bench as { firstPaint?: number }).firstPaint ?? Number.NaN;
          window.bench.api = api;
          window.bench.result = {
            firstRowsMs: firstPaint,
            allRowsMs: performance.now() - window.bench.started,
            rowsInGrid: api.getDisplayedRowCount(),
            loaderFirstRowsMs: loaderFirstRowsMs ?? Number.NaN,
          };
        }),
      );
      return true;
    };
    if (check()) return;
    const listener = () => {
      if (check()) api.removeEventListener('modelUpdated', listener);
    };
    api.addEventListener('modelUpdated', listener);
    return () => api.removeEventListener('modelUpdated', listener);
  }, [api, done, error, loaderFirstRowsMs]);
}

// The baseline's rows exist before the page renders, so its first rows are AG Grid's own start alone.
const baselineRows = phase === 'ag-grid' ? processBatch(1, stores, 'MIXED', { seed: 42 }).promotions : [];
if (phase === 'ag-grid') window.bench.started = performance.now();

function AgGridBaseline() {
  const [api, setApi] = useState<GridApi<Promotion> | null>(null);
  useReport(api, true, null, 0);
  return (
    <div style={{ height: 600 }}>
      <AgGridReact<Promotion>
        rowData={baselineRows}
        columnDefs={promotionColumnDefs()}
        modules={[...PROMOTIONS_GRID_MODULES, ...BENCH_MODULES]}
        onGridReady={(event) => setApi(event.api)}
      />
    </div>
  );
}

function SingleBench() {
  const [api, setApi] = useState<GridApi<Promotion> | null>(null);
  const { rows, status, error, timings } = useSingleBatch(spec);
  useReport(api, status === 'done', error, timings.firstRowsMs);
  return <PromotionsGrid rows={rows} onGridReady={setApi} height={600} modules={BENCH_MODULES} />;
}

function ChunkedBench() {
  const [api, setApi] = useState<GridApi<Promotion> | null>(null);
  const { rows, status, error, timings } = useChunkedLoad(spec);
  useReport(api, status === 'done', error, timings.firstRowsMs);
  return <PromotionsGrid rows={rows} onGridReady={setApi} height={600} modules={BENCH_MODULES} />;
}

function StreamingBench() {
  const [api, setApi] = useState<GridApi<Promotion> | null>(null);
  const { status, error, timings } = useStreamingLoad(spec, {
    gridApi: timedFlushes(api),
    ...(flushRows !== undefined && { flushRows }),
  });
  useReport(api, status === 'done', error, timings.firstRowsMs);
  return <PromotionsGrid onGridReady={setApi} totalRows={total} height={600} modules={BENCH_MODULES} />;
}

const flushes: { ms: number; rowsHeld: number }[] = [];
window.bench.flushes = flushes;
let timedApi: { api: GridApi<Promotion>; timed: StreamingGridApi } | null = null;

/** The grid's API as the streaming loader uses it, timing each flush of rows into the grid. */
function timedFlushes(api: GridApi<Promotion> | null): StreamingGridApi | null {
  if (!api) return null;
  if (timedApi?.api !== api) {
    const timed: StreamingGridApi = {
      applyTransactionAsync: (transaction, callback) => api.applyTransactionAsync(transaction, callback),
      setGridOption: (key, value) => api.setGridOption(key, value),
      isDestroyed: () => api.isDestroyed(),
      flushAsyncTransactions: () => {
        const began = performance.now();
        api.flushAsyncTransactions();
        flushes.push({ ms: performance.now() - began, rowsHeld: api.getDisplayedRowCount() });
      },
    };
    timedApi = { api, timed };
  }
  return timedApi.timed;
}

/** The datasource of phase 4, timing each block from the grid's request to the rows handed back. */
function timedDatasource(inner: IDatasource, blocks: BlockTiming[]): IDatasource {
  return {
    getRows(params: IGetRowsParams) {
      const started = performance.now();
      inner.getRows({
        ...params,
        successCallback: (rows, lastRow) => {
          blocks.push({ startRow: params.startRow, ms: performance.now() - started, source: '' });
          params.successCallback(rows, lastRow);
        },
      });
    },
    destroy: () => inner.destroy?.(),
  };
}

const BLOCK = 100;

async function serverBench() {
  const { setupPromoscaleWorker } = await import('@promoscale/msw/browser');
  const worker = setupPromoscaleWorker({ dataset: { seed: 42, stores } });
  await worker.start({ onUnhandledRequest: 'bypass', quiet: true });
  window.bench.started = performance.now();
  const client = createClient({ baseUrl: location.origin });
  const cache = await openBlockCache(datasetKey(await client.dataset()), { name: 'bench-blocks' });
  await cache.clear();
  const blocks: BlockTiming[] = [];
  const datasource = timedDatasource(
    createPromotionsDatasource({
      client,
      cache,
      onBlock: ({ startRow, source }) => {
        const last = blocks.findLast((b) => b.startRow === startRow && b.source === '');
        if (last) last.source = source;
      },
    }),
    blocks,
  );
  window.bench.blocks = blocks;
  window.bench.cachedBlocks = async () => (await cache.usage()).blocks;
  window.bench.readCachedBlock = async (startRow) => {
    const began = performance.now();
    const hit = await cache.get(toPromotionsQuery().key, startRow, BLOCK);
    if (!hit) throw new Error(`block ${startRow} is not in the cache`);
    return performance.now() - began;
  };
  return datasource;
}

function ServerBench({ datasource }: { datasource: IDatasource }) {
  const [api, setApi] = useState<GridApi<Promotion> | null>(null);
  useEffect(() => {
    if (!api) return;
    const once = () => {
      if (api.getDisplayedRowCount() <= 0 || window.bench.result) return;
      api.removeEventListener('modelUpdated', once);
      requestAnimationFrame(() =>
        requestAnimationFrame(() => {
          window.bench.api = api;
          window.bench.result = {
            firstRowsMs: (window.bench as { firstPaint?: number }).firstPaint ?? Number.NaN,
            allRowsMs: Number.NaN,
            rowsInGrid: api.getDisplayedRowCount(),
          };
        }),
      );
    };
    api.addEventListener('modelUpdated', once);
    return () => api.removeEventListener('modelUpdated', once);
  }, [api]);
  return (
    <PromotionsGrid
      onGridReady={setApi}
      modules={[...SERVER_ROWS_MODULES, ScrollApiModule, EventApiModule]}
      height={600}
      quickSearch={false}
      gridOptions={{ rowModelType: 'infinite', datasource, cacheBlockSize: BLOCK, maxBlocksInCache: 10 }}
    />
  );
}

const root = createRoot(document.getElementById('root') as HTMLElement);
if (phase === 'server') {
  serverBench().then(
    (datasource) => root.render(<ServerBench datasource={datasource} />),
    (error: unknown) => {
      window.bench.error = error instanceof Error ? error.message : String(error);
    },
  );
} else {
  const Bench =
    { 'ag-grid': AgGridBaseline, single: SingleBench, chunked: ChunkedBench, streaming: StreamingBench }[
      phase
    ] ?? SingleBench;
  root.render(<Bench />);
}
