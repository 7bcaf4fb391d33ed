import type { DatasetSpec, Promotion } from '@promoscale/generator';
import type { GridApi } from 'ag-grid-community';
import type { CSSProperties } from 'react';
import { PromotionsGrid } from '../grid/promotions-grid.js';
import { gridError } from './load-controls.js';
import { LoaderFrame, type LoaderGridOptions } from './loader-frame.js';
import { type ChunkedLoadHookOptions, useChunkedLoad } from './use-chunked-load.js';

/** Props of {@link ChunkedGrid}. */
export interface ChunkedGridProps extends Omit<ChunkedLoadHookOptions, 'enabled'>, LoaderGridOptions {
  /** The dataset to load. */
  spec: DatasetSpec;
  /** Height of the grid. @default 480 */
  height?: CSSProperties['height'];
  /** Called with the grid's API once it is ready (e.g. for `hashGridRows`). */
  onGridReady?: (api: GridApi<Promotion>) => void;
}

/**
 * Phase 2, ready to use: {@link useChunkedLoad} + PromotionsGrid + LoadProgress + KpiSummary. Rows show as each
 * chunk arrives; Cancel stops between chunks; a chunk that still fails after the automatic retries shows an alert
 * with "Retry from store N", which resumes at that chunk with the earlier rows kept.
 *
 * @example
 * <ChunkedGrid spec={{ stores: 25 }} chunkSize={5} />
 */
export function ChunkedGrid({
  spec,
  height = 480,
  onGridReady,
  kpis,
  onStatusChange,
  ...options
}: ChunkedGridProps) {
  const load = useChunkedLoad(spec, options);
  const shown = load.rows.length;
  return (
    <LoaderFrame
      label="Chunked load"
      load={load}
      rows={load.rows}
      chunk={load.chunk}
      chunks={load.totalChunks}
      retryLabel={`Retry from store ${load.resumeFromStore}`}
      kpis={kpis}
      onStatusChange={onStatusChange}
    >
      <PromotionsGrid
        rows={load.rows}
        loading={load.status === 'loading' && shown === 0}
        totalRows={load.progress.total}
        height={height}
        {...(onGridReady && { onGridReady })}
        {...gridError(load, shown)}
      />
    </LoaderFrame>
  );
}
