// The page bench/grid.bench.mjs opens in headless Chromium: one phase's loader and PromotionsGrid for one store
// count, from the package's public entry as a consumer would use it. It records what a person waits for (first rows
// on screen, every row in the grid), then exposes the grid on `window.bench` for the filter and sort timings.
// `?phase=single|chunked|streaming|server&stores=N`. Phase 4 (server) serves the API with @promoscale/msw's worker
// (no latency profile) and times each block of the infinite grid: cold from the network, then from IndexedDB.
import { createClient } from '@promoscale/api';
import type { Promotion } from '@promoscale/generator';
import {
  createPromotionsDatasource,
  datasetKey,
  openBlockCache,
  PromotionsGrid,
  SERVER_ROWS_MODULES,
  type StreamingGridApi,
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
    gridApi: api as StreamingGridApi | null,
    ...(flushRows !== undefined && { flushRows }),
  });
  useReport(api, status === 'done', error, timings.firstRowsMs);
  return <PromotionsGrid onGridReady={setApi} totalRows={total} height={600} modules={BENCH_MODULES} />;
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
    { single: SingleBench, chunked: ChunkedBench, streaming: StreamingBench }[phase] ?? SingleBench;
  root.render(<Bench />);
}
