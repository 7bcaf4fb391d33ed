import type { Promotion } from '@promoscale/generator';
import { type ReactNode, useEffect, useRef } from 'react';
import { KpiSummary } from '../panels/kpi-summary.js';
import { LoadProgress } from '../panels/load-progress.js';
import { useRowKpis } from '../panels/use-row-kpis.js';
import { LoadControls } from './load-controls.js';
import type { LoadState, LoadStatusChange } from './load-lifecycle.js';

/** What every loader grid of phases 1-3 takes besides its spec and its loader's options. */
export interface LoaderGridOptions {
  /** Show the grid's KPI strip (`KpiSummary` over the loaded rows); `false` when the page shows its own. @default true */
  kpis?: boolean | undefined;
  /** Called when the load's status, row count or error changes, e.g. to show the status elsewhere on the page. */
  onStatusChange?: ((change: LoadStatusChange) => void) | undefined;
}

/** Props of {@link LoaderFrame}. */
export interface LoaderFrameProps extends LoaderGridOptions {
  /** The region's accessible name, e.g. 'Chunked load'. */
  label: string;
  load: LoadState;
  /** The rows loaded so far (the KPIs are computed over them). */
  rows: readonly Promotion[];
  /** The chunk just loaded and the chunk count (phase 2). */
  chunk?: number;
  chunks?: number;
  /** Text of the retry button. @default 'Retry' */
  retryLabel?: string;
  /** The grid. */
  children: ReactNode;
}

const PROGRESS_LABELS: Record<LoadState['status'], string> = {
  idle: 'Waiting to load promotions',
  loading: 'Loading promotions',
  done: 'Promotions loaded',
  error: 'Load stopped',
  cancelled: 'Load cancelled',
};

/**
 * The layout every phase's ready component shares: LoadProgress (with Cancel while loading), the load's timings,
 * cancel and error actions, the grid, and KpiSummary over the loaded rows (summed as they grow, not again at every
 * commit).
 */
export function LoaderFrame({
  label,
  load,
  rows,
  chunk,
  chunks,
  retryLabel,
  kpis = true,
  onStatusChange,
  children,
}: LoaderFrameProps) {
  useReportStatus(load, onStatusChange);
  return (
    <section aria-label={label} style={{ display: 'grid', gap: 10 }}>
      <LoadProgress
        label={PROGRESS_LABELS[load.status]}
        loaded={load.progress.loaded}
        total={load.progress.total}
        chunk={chunk}
        chunks={chunks}
        onCancel={load.status === 'loading' ? load.cancel : undefined}
      />
      <LoadControls load={load} rowsShown={rows.length} {...(retryLabel && { retryLabel })} />
      {children}
      {kpis ? <RowKpis rows={rows} /> : null}
    </section>
  );
}

/** The KPI strip over the loaded rows; not mounted (nothing summed) when the frame's `kpis` is false. */
function RowKpis({ rows }: { rows: readonly Promotion[] }) {
  return <KpiSummary kpis={useRowKpis(rows)} source="loaded rows" />;
}

/**
 * Calls `onStatusChange` after each commit where the load's status, loaded count, total or error changed (the
 * latest callback, so an inline function does not report again by itself).
 */
export function useReportStatus(
  load: LoadState,
  onStatusChange: ((change: LoadStatusChange) => void) | undefined,
): void {
  const callback = useRef(onStatusChange);
  useEffect(() => {
    callback.current = onStatusChange;
  });
  const { status, error } = load;
  const { loaded, total } = load.progress;
  useEffect(() => {
    callback.current?.({ status, rows: loaded, total, error });
  }, [status, loaded, total, error]);
}
