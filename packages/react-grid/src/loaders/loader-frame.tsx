import type { Promotion } from '@promoscale/generator';
import type { ReactNode } from 'react';
import { KpiSummary } from '../panels/kpi-summary.js';
import { LoadProgress } from '../panels/load-progress.js';
import { useRowKpis } from '../panels/use-row-kpis.js';
import { LoadControls } from './load-controls.js';
import type { LoadState } from './load-lifecycle.js';

/** Props of {@link LoaderFrame}. */
export interface LoaderFrameProps {
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
export function LoaderFrame({ label, load, rows, chunk, chunks, retryLabel, children }: LoaderFrameProps) {
  const kpis = useRowKpis(rows);
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
      <KpiSummary kpis={kpis} source="loaded rows" />
    </section>
  );
}
