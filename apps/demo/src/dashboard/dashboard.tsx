import { type DatasetSpec, PROMOTIONS_PER_STORE, type Promotion } from '@promoscale/generator';
import {
  EstimateTable,
  KpiSummary,
  MemoryGauge,
  type PhaseStatusChange,
  ScalingPhaseView,
  type ServerRows,
} from '@promoscale/react-grid';
import { type ChunkLoader, generateStoreRange, type ScalingApproach } from '@promoscale/scaling';
import { useCallback, useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import { LazyPart } from '../app/lazy-part.js';
import { type ChartData, chartData } from '../charts/chart-data.js';
import { useApiSource } from '../source/use-api-source.js';
import { chunkSizeFor, type DemoState, FORCED_PHASES, serializeDemoUrl } from '../state/demo-url-state.js';
import { GridRowsStore } from './grid-rows-store.js';
import { useLoadMarks } from './load-marks.js';
import { LongTaskMeter } from './long-task-meter.js';
import { useServerCharts } from './use-server-charts.js';

const loadCharts = () => import('../charts/promotion-charts.js');

/** Props of {@link Dashboard}. */
export interface DashboardProps {
  state: DemoState;
  /** The phase `auto` resolves to for this store count (recommendApproach). */
  recommended: ScalingApproach;
}

const count = (n: number) => n.toLocaleString('en-US');

export { chunkSizeFor };

/** Phase 2's automatic retries of a failed chunk in the demo (the loader's default, said here for the fault). */
export const CHUNK_RETRIES = 3;

/**
 * The fault of `?fail=chunk:N`: phase 2's chunk that starts at `startStore` fails its first `CHUNK_RETRIES + 1`
 * attempts (every automatic retry), so the load stops with an alert; the person's Retry then loads it.
 */
export function faultyChunkLoader(chunk: number, startStore: number): ChunkLoader {
  let failed = 0;
  return (first, last, spec) => {
    if (first === startStore && failed <= CHUNK_RETRIES) {
      failed += 1;
      throw new Error(`connection dropped (fault injected by ?fail=chunk:${chunk})`);
    }
    return generateStoreRange(first, last, spec);
  };
}

/** Phase 3's React commits: every 100 ms (the loader's default) up to 500 stores, every 500 ms above. */
export const commitIntervalFor = (stores: number) => (stores > 500 ? 500 : 100);

/**
 * The dashboard below the controls: the phase's grid (ScalingPhaseView), the status line, a KPI strip and the charts
 * over the rows the grid shows, the estimate table, the memory gauge and the long-task meter.
 */
export function Dashboard({ state, recommended }: DashboardProps) {
  const phase = state.phase === 'auto' ? undefined : FORCED_PHASES[state.phase];
  const active = phase ?? recommended;
  const spec = useMemo<DatasetSpec>(
    () => ({ stores: state.stores, templates: state.template, seed: state.seed }),
    [state.stores, state.template, state.seed],
  );
  const isServer = active === 'DATABASE_BACKEND';
  const source = useApiSource(state.source, spec, isServer);
  const expected = state.stores * PROMOTIONS_PER_STORE;
  const [rowsStore] = useState(() => new GridRowsStore(expected));
  useEffect(() => () => rowsStore.dispose(), [rowsStore]);
  const hasRows = useSyncExternalStore(rowsStore.subscribe, () => rowsStore.held > 0);
  const complete = useSyncExternalStore(rowsStore.subscribe, () => rowsStore.complete);
  const shown = useSyncExternalStore(rowsStore.subscribe, () => rowsStore.shown);
  const [serverRows, setServerRows] = useState<ServerRows | null>(null);
  const onRowsChange = useCallback((rows: ServerRows) => setServerRows(rows), []);
  // One object per client: a new `server` prop each render would re-render the phase's grid on every frame of a load.
  const server = useMemo(
    () => ({ ...(source.client && { client: source.client }), blockSize: 100, onRowsChange }),
    [source.client, onRowsChange],
  );
  // About 20 chunks whatever the store count: phase 2 hands the grid every row so far after each chunk, so 10-store
  // chunks (the loader's default) cost 500 full grid updates at 5,000 stores.
  // `?fail=chunk:N`: one loader for the view, so the person's Retry finds its chunk loading again.
  const [faultyLoad] = useState(() =>
    state.fail === undefined
      ? null
      : faultyChunkLoader(state.fail, (state.fail - 1) * chunkSizeFor(state.stores) + 1),
  );
  const chunked = useMemo(
    () => ({
      chunkSize: chunkSizeFor(state.stores),
      retries: CHUNK_RETRIES,
      ...(faultyLoad && { loadChunk: faultyLoad }),
    }),
    [state.stores, faultyLoad],
  );
  // The loader's status: the status line says when a load stopped or was cancelled.
  const [load, setLoad] = useState<PhaseStatusChange | null>(null);
  // Phase 3 copies every row so far into React state (and its KPIs sum them) at each commit: fewer commits on
  // large streams leave the main thread to the grid.
  const streaming = useMemo(() => ({ commitIntervalMs: commitIntervalFor(state.stores) }), [state.stores]);
  const serverCharts = useServerCharts(isServer ? source.client : null, serverRows?.query.query ?? null);

  const serverLoaded = serverRows?.status === 'ready' && serverRows.total !== null;
  useLoadMarks(isServer ? serverLoaded : hasRows, isServer ? serverLoaded : complete);
  let serverStatus = `Connecting to ${source.label}…`;
  if (source.status === 'error') serverStatus = 'Load stopped: the API did not start';
  else if (serverRows?.status === 'error') serverStatus = 'Load stopped: the server did not answer';
  else if (serverLoaded) serverStatus = `${count(serverRows?.total ?? 0)} promotions loaded`;

  const charts: { data: ChartData; scope: string } | null = useMemo(() => {
    if (isServer) return serverCharts;
    if (!complete) return null;
    return {
      data: chartData(shown),
      scope: `${count(shown.length)} of ${count(expected)} promotions: the rows the grid shows`,
    };
  }, [isServer, serverCharts, shown, complete, expected]);

  return (
    <div className="dashboard">
      <p role="status" aria-label="Load status" className="status">
        {isServer ? serverStatus : <ClientLoadStatus store={rowsStore} load={load} />}
      </p>
      {!isServer && complete ? (
        <KpiSummary rows={shown as Promotion[]} source="the rows the grid shows (its filters applied)" />
      ) : null}
      {isServer && source.status === 'error' ? <p role="alert">{source.error?.message}</p> : null}
      {isServer && serverRows?.dataset && serverRows.dataset.storeCount !== state.stores ? (
        <p className="muted">
          {source.label} serves {count(serverRows.dataset.storeCount)} stores (seed{' '}
          {String(serverRows.dataset.spec.seed)}
          ): phase 4 shows them; the store count, template and seed above apply to phases 1-3 and to MSW.
        </p>
      ) : null}
      {isServer && source.status !== 'ready' ? null : (
        <ScalingPhaseView
          stores={state.stores}
          templates={state.template}
          seed={state.seed}
          {...(phase && { phase })}
          height={440}
          onGridReady={rowsStore.attach}
          // One KPI strip: phases 1-3 show the dashboard's own (over the rows the grid shows, once loaded),
          // phase 4 the server grid's (from GET /api/summary for the grid's query).
          kpis={isServer}
          onStatusChange={setLoad}
          chunked={chunked}
          streaming={streaming}
          server={server}
        />
      )}
      {charts ? (
        <LazyPart load={loadCharts} props={charts} what="the charts" />
      ) : (
        <p className="muted">The KPI strip and the charts follow once the rows are loaded.</p>
      )}
      <div className="meters">
        <MemoryGauge />
        <LongTaskMeter />
      </div>
      <EstimateTable sizes={[5, 10, 25, 50, 100, 250, 500, 5_000, 50_000]} measureUpTo={500} />
    </div>
  );
}

/** The status of phases 1-3, the one part that follows every frame of a load; a stopped load says why. */
function ClientLoadStatus({ store, load }: { store: GridRowsStore; load: PhaseStatusChange | null }) {
  const held = useSyncExternalStore(store.subscribe, () => store.held);
  if (load?.status === 'error') return `Load stopped: ${load.error?.message ?? 'the load failed'}`;
  if (load?.status === 'cancelled')
    return `Load cancelled: ${count(load.rows)} of ${count(store.expected)} promotions`;
  return held === store.expected
    ? `${count(held)} promotions loaded`
    : `Loading promotions: ${count(held)} of ${count(store.expected)}`;
}

/** The dashboard of one view: a new view (another link) starts from scratch, its counts and charts included. */
export default function DashboardForView(props: DashboardProps) {
  return <Dashboard key={serializeDemoUrl(props.state)} {...props} />;
}
