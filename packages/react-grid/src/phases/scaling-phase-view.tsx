import type { DatasetSpec, Promotion, TemplateSelection } from '@promoscale/generator';
import { type ApproachThresholds, recommendApproach, type ScalingApproach } from '@promoscale/scaling';
import type { GridApi } from 'ag-grid-community';
import { type CSSProperties, type ReactNode, useCallback, useEffect, useMemo, useRef } from 'react';
import { ChunkedGrid, type ChunkedGridProps } from '../loaders/chunked-grid.js';
import { type LoadStatusChange, specKey, toError } from '../loaders/load-lifecycle.js';
import { SingleBatchGrid } from '../loaders/single-batch-grid.js';
import { StreamingGrid, type StreamingGridProps } from '../loaders/streaming-grid.js';
import { PhaseBadge } from '../panels/phase-badge.js';
import { ServerPromotionsGrid, type ServerPromotionsGridProps } from '../server/server-promotions-grid.js';
import type { ServerRows } from '../server/use-server-rows.js';

/** What {@link ScalingPhaseView} reports to `onStatusChange`: the active phase and where its load stands. */
export interface PhaseStatusChange extends LoadStatusChange {
  /** The phase whose load this is (the recommended one, or the forced `phase`). */
  phase: ScalingApproach;
}

/** Props of {@link ScalingPhaseView}. */
export interface ScalingPhaseViewProps {
  /** Store count, 1–100,000. */
  stores: number;
  /** @default 'MIXED' */
  templates?: TemplateSelection;
  /** @default 42 */
  seed?: number | string;
  /** @default '2026-06-01' */
  asOf?: string;
  /** A phase to use instead of the recommended one (shown as "forced" when it differs). */
  phase?: ScalingApproach;
  /** Store-count boundaries of the phases. @default DEFAULT_THRESHOLDS (10, 25, 50) */
  thresholds?: Partial<ApproachThresholds>;
  /** Height of the grid. @default 480 */
  height?: CSSProperties['height'];
  /** Options of the phase 2 loader (chunk size, retries, a `loadChunk` of your own). */
  chunked?: Omit<ChunkedGridProps, 'spec' | 'height' | 'onGridReady' | 'kpis' | 'onStatusChange'>;
  /** Options of the phase 3 loader (chunk size, `createWorker`, encoding). */
  streaming?: Omit<StreamingGridProps, 'spec' | 'height' | 'onGridReady' | 'kpis' | 'onStatusChange'>;
  /**
   * Options of the phase 4 grid, `ServerPromotionsGrid` (its `client`, block size, cache, live updates). Phase 4
   * reads whatever dataset the API serves: point `client` at a server (or an MSW worker) that serves this spec.
   * @default same-origin `/api`
   */
  server?: Omit<ServerPromotionsGridProps, 'height' | 'onGridReady' | 'kpis'>;
  /** Renders phase 4 (DATABASE_BACKEND) for the spec instead of `ServerPromotionsGrid`. */
  renderDatabaseBackend?: (spec: DatasetSpec) => ReactNode;
  /** Called with the active grid's API once it is ready, in every phase (phase 4 too). */
  onGridReady?: (api: GridApi<Promotion>) => void;
  /**
   * Show the phase's KPI strip (phases 1-3: over the loaded rows; phase 4: from the server summary, whose requests
   * are then not made). `false` when the page shows its own. @default true
   */
  kpis?: boolean;
  /**
   * Called when the active phase's load changes status, row count or error. Phases 1-3 report the rows loaded so
   * far out of the spec's total; phase 4 reports `loading` until the first block arrives, then `done` with the
   * server's total for the grid's query (as rows and total), or `error`. Not called for `renderDatabaseBackend`.
   */
  onStatusChange?: (change: PhaseStatusChange) => void;
}

const SERVER_STATUS: Record<ServerRows['status'], LoadStatusChange['status']> = {
  connecting: 'loading',
  loading: 'loading',
  ready: 'done',
  error: 'error',
};

/** Phase 4's rows as a {@link LoadStatusChange}. */
function serverStatus(rows: ServerRows): LoadStatusChange {
  return {
    status: SERVER_STATUS[rows.status],
    rows: rows.status === 'ready' ? (rows.total ?? 0) : 0,
    total: rows.total,
    error: rows.status === 'error' ? toError(rows.error) : null,
  };
}

/**
 * Picks the scaling phase for a store count with `recommendApproach` (or takes the forced `phase`), shows it as a
 * PhaseBadge with the reason, and mounts that phase's loader. Changing the store count, the spec or the phase
 * aborts the running load (a new spec restarts the hook; a new phase unmounts the old loader, which aborts it):
 * no late rows reach the grid.
 *
 * @example
 * <ScalingPhaseView stores={25} templates="MIXED" seed={42} />
 */
export function ScalingPhaseView({
  stores,
  templates,
  seed,
  asOf,
  phase,
  thresholds,
  height = 480,
  chunked,
  streaming,
  server,
  renderDatabaseBackend,
  onGridReady,
  kpis = true,
  onStatusChange,
}: ScalingPhaseViewProps) {
  const thresholdsKey = specKey(thresholds);
  // biome-ignore lint/correctness/useExhaustiveDependencies: thresholdsKey stands for the thresholds' content
  const recommendation = useMemo(() => {
    try {
      const { approach, reason } = recommendApproach(stores, undefined, thresholds ? { thresholds } : {});
      return { approach, reason, error: null };
    } catch (error) {
      return { approach: null, reason: null, error: toError(error) };
    }
  }, [stores, thresholdsKey]);
  const spec = useMemo<DatasetSpec>(
    () => ({
      stores,
      ...(templates !== undefined && { templates }),
      ...(seed !== undefined && { seed }),
      ...(asOf !== undefined && { asOf }),
    }),
    [stores, templates, seed, asOf],
  );
  const active = phase ?? recommendation.approach;
  // The latest callbacks, read when a loader reports: an inline function does not remount or re-report anything.
  const latest = useRef({ onStatusChange, onRowsChange: server?.onRowsChange });
  useEffect(() => {
    latest.current = { onStatusChange, onRowsChange: server?.onRowsChange };
  });
  const reportLoad = useCallback(
    (change: LoadStatusChange) => {
      if (active) latest.current.onStatusChange?.({ phase: active, ...change });
    },
    [active],
  );
  const reportServerRows = useCallback(
    (rows: ServerRows) => {
      latest.current.onRowsChange?.(rows);
      reportLoad(serverStatus(rows));
    },
    [reportLoad],
  );
  const gridProps = {
    spec,
    height,
    kpis,
    onStatusChange: reportLoad,
    ...(onGridReady && { onGridReady }),
  };

  let loader: ReactNode;
  if (active === 'SINGLE_BATCH') loader = <SingleBatchGrid key={active} {...gridProps} />;
  else if (active === 'CHUNKED_PROCESSING') loader = <ChunkedGrid key={active} {...chunked} {...gridProps} />;
  else if (active === 'STREAMING_ITERATOR')
    loader = <StreamingGrid key={active} {...streaming} {...gridProps} />;
  else if (active === 'DATABASE_BACKEND') {
    loader = renderDatabaseBackend ? (
      renderDatabaseBackend(spec)
    ) : (
      <ServerPromotionsGrid
        key={`${active}:${specKey(spec)}`}
        {...server}
        height={height}
        kpis={kpis}
        onRowsChange={reportServerRows}
        {...(onGridReady && { onGridReady })}
      />
    );
  }

  return (
    <section
      aria-label="Scaling phase"
      style={{ display: 'grid', gap: 8, font: '13px system-ui, sans-serif' }}
    >
      <div style={{ display: 'flex', gap: 12, alignItems: 'baseline', flexWrap: 'wrap' }}>
        {active ? (
          <PhaseBadge phase={active} forced={phase !== undefined && phase !== recommendation.approach} />
        ) : null}
        {recommendation.reason ? <span style={{ color: '#444' }}>{recommendation.reason}</span> : null}
      </div>
      {recommendation.error && !phase ? <p role="alert">{recommendation.error.message}</p> : loader}
    </section>
  );
}
