import type { DatasetSpec, Promotion } from '@promoscale/generator';
import type { GridApi } from 'ag-grid-community';
import { type CSSProperties, useState } from 'react';
import { PromotionsGrid } from '../grid/promotions-grid.js';
import { gridError } from './load-controls.js';
import { LoaderFrame, type LoaderGridOptions } from './loader-frame.js';
import { type StreamingLoadOptions, useStreamingLoad } from './use-streaming-load.js';

/** Props of {@link StreamingGrid}. */
export interface StreamingGridProps
  extends Omit<StreamingLoadOptions, 'gridApi' | 'enabled'>,
    LoaderGridOptions {
  /** The dataset to load. */
  spec: DatasetSpec;
  /** Height of the grid. @default 480 */
  height?: CSSProperties['height'];
  /** Called with the grid's API once it is ready (e.g. for `hashGridRows`). */
  onGridReady?: (api: GridApi<Promotion>) => void;
}

/**
 * Phase 3, ready to use: {@link useStreamingLoad} + PromotionsGrid + LoadProgress + KpiSummary. The rows are
 * generated in a Web Worker and appended to the grid with `applyTransactionAsync`.
 *
 * @example
 * <StreamingGrid spec={{ stores: 500 }} />
 */
export function StreamingGrid({
  spec,
  height = 480,
  onGridReady,
  kpis,
  onStatusChange,
  ...options
}: StreamingGridProps) {
  const [gridApi, setGridApi] = useState<GridApi<Promotion> | null>(null);
  const load = useStreamingLoad(spec, { ...options, gridApi });
  return (
    <LoaderFrame
      label="Streaming load"
      load={load}
      rows={load.rows}
      kpis={kpis}
      onStatusChange={onStatusChange}
    >
      <PromotionsGrid
        totalRows={load.progress.total}
        height={height}
        onGridReady={(api) => {
          setGridApi(api);
          onGridReady?.(api);
        }}
        {...gridError(load, load.appended)}
      />
    </LoaderFrame>
  );
}
