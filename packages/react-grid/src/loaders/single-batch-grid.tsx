import type { DatasetSpec, Promotion } from '@promoscale/generator';
import type { GridApi } from 'ag-grid-community';
import type { CSSProperties } from 'react';
import { PromotionsGrid } from '../grid/promotions-grid.js';
import { gridError } from './load-controls.js';
import { LoaderFrame, type LoaderGridOptions } from './loader-frame.js';
import { useSingleBatch } from './use-single-batch.js';

/** Props of {@link SingleBatchGrid}. */
export interface SingleBatchGridProps extends LoaderGridOptions {
  /** The dataset to load. */
  spec: DatasetSpec;
  /** Height of the grid. @default 480 */
  height?: CSSProperties['height'];
  /** Called with the grid's API once it is ready (e.g. for `hashGridRows`). */
  onGridReady?: (api: GridApi<Promotion>) => void;
}

/**
 * Phase 1, ready to use: {@link useSingleBatch} + PromotionsGrid + LoadProgress + KpiSummary.
 *
 * @example
 * <SingleBatchGrid spec={{ stores: 5, templates: 'MIXED', seed: 42 }} />
 */
export function SingleBatchGrid({
  spec,
  height = 480,
  onGridReady,
  kpis,
  onStatusChange,
}: SingleBatchGridProps) {
  const load = useSingleBatch(spec);
  return (
    <LoaderFrame
      label="Single batch load"
      load={load}
      rows={load.rows}
      kpis={kpis}
      onStatusChange={onStatusChange}
    >
      <PromotionsGrid
        rows={load.rows}
        loading={load.status === 'loading'}
        totalRows={load.progress.total}
        height={height}
        {...(onGridReady && { onGridReady })}
        {...gridError(load, load.rows.length)}
      />
    </LoaderFrame>
  );
}
