import { type DatasetSpec, PROMOTIONS_PER_STORE, type Promotion } from '@promoscale/generator';
import {
  EstimateTable,
  KpiSummary,
  MemoryGauge,
  ScalingPhaseView,
  type ServerRows,
} from '@promoscale/react-grid';
import type { ScalingApproach } from '@promoscale/scaling';
import { useCallback, useMemo, useState } from 'react';
import { LazyPart } from '../app/lazy-part.js';
import { type ChartData, chartData } from '../charts/chart-data.js';
import { useApiSource } from '../source/use-api-source.js';
import { type DemoState, FORCED_PHASES, serializeDemoUrl } from '../state/demo-url-state.js';
import { useLoadMarks } from './load-marks.js';
import { LongTaskMeter } from './long-task-meter.js';
import { useGridRows } from './use-grid-rows.js';
import { useServerCharts } from './use-server-charts.js';

const loadCharts = () => import('../charts/promotion-charts.js');

/** Props of {@link Dashboard}. */
export interface DashboardProps {
  state: DemoState;
  /** The phase `auto` resolves to for this store count (recommendApproach). */
  recommended: ScalingApproach;
}

const count = (n: number) => n.toLocaleString('en-US');

/** Stores per phase 2 chunk: about 20 chunks, at least 5 stores each. */
export const chunkSizeFor = (stores: number) => Math.max(5, Math.ceil(stores / 20));

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
  const [gridRows, onGridReady] = useGridRows(expected);
  const [serverRows, setServerRows] = useState<ServerRows | null>(null);
  const onRowsChange = useCallback((rows: ServerRows) => setServerRows(rows), []);
  // One object per client: a new `server` prop each render would re-render the phase's grid on every frame of a load.
  const server = useMemo(
    () => ({ ...(source.client && { client: source.client }), blockSize: 100, onRowsChange }),
    [source.client, onRowsChange],
  );
  // About 20 chunks whatever the store count: phase 2 hands the grid every row so far after each chunk, so 10-store
  // chunks (the loader's default) cost 500 full grid updates at 5,000 stores.
  const chunked = useMemo(() => ({ chunkSize: chunkSizeFor(state.stores) }), [state.stores]);
  const serverCharts = useServerCharts(isServer ? source.client : null, serverRows?.query.query ?? null);

  const serverLoaded = serverRows?.status === 'ready' && serverRows.total !== null;
  useLoadMarks(
    isServer ? serverLoaded : gridRows.held > 0,
    isServer ? serverLoaded : gridRows.held === expected,
  );
  let status: string;
  if (isServer) {
    if (source.status === 'error') status = 'Load stopped: the API did not start';
    else if (serverRows?.status === 'error') status = 'Load stopped: the server did not answer';
    else if (serverLoaded) status = `${count(serverRows?.total ?? 0)} promotions loaded`;
    else status = `Connecting to ${source.label}…`;
  } else if (gridRows.held === expected) status = `${count(expected)} promotions loaded`;
  else status = `Loading promotions: ${count(gridRows.held)} of ${count(expected)}`;

  const shown = gridRows.shown;
  const complete = gridRows.held === expected;
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
        {status}
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
          onGridReady={onGridReady}
          chunked={chunked}
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

/** The dashboard of one view: a new view (another link) starts from scratch, its counts and charts included. */
export default function DashboardForView(props: DashboardProps) {
  return <Dashboard key={serializeDemoUrl(props.state)} {...props} />;
}
