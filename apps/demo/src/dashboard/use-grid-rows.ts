import type { Promotion } from '@promoscale/generator';
import { EventApiModule, type GridApi, ModuleRegistry } from 'ag-grid-community';
import { useCallback, useEffect, useState } from 'react';

// `api.addEventListener` needs AG Grid's event API module, which the grid's own module list leaves out.
ModuleRegistry.registerModules([EventApiModule]);

/** The rows a client-side grid holds, and those its filters and search let through. */
export interface GridRows {
  /** Rows in the grid, before filters. */
  held: number;
  /** Rows after the grid's filters and search, in the grid's order. */
  shown: readonly Promotion[];
}

const EMPTY: GridRows = { held: 0, shown: [] };

/**
 * Follows a client-side grid (phases 1-3): after each model update (rows added, filter or search changed) reads
 * the rows it holds and those it shows, at most once an animation frame so a streaming load stays smooth.
 * Returns the figures and the `onGridReady` to give the grid.
 */
export function useGridRows(): [GridRows, (api: GridApi<Promotion>) => void] {
  const [api, setApi] = useState<GridApi<Promotion> | null>(null);
  const [rows, setRows] = useState<GridRows>(EMPTY);
  const onGridReady = useCallback((ready: GridApi<Promotion>) => setApi(ready), []);

  useEffect(() => {
    if (!api) return;
    let frame = 0;
    const read = () => {
      frame = 0;
      if (api.isDestroyed()) return;
      let held = 0;
      api.forEachNode(() => {
        held += 1;
      });
      const shown: Promotion[] = [];
      api.forEachNodeAfterFilterAndSort((node) => {
        if (node.data) shown.push(node.data);
      });
      setRows({ held, shown });
    };
    const schedule = () => {
      if (frame === 0) frame = requestAnimationFrame(read);
    };
    api.addEventListener('modelUpdated', schedule);
    schedule();
    return () => {
      if (frame !== 0) cancelAnimationFrame(frame);
      if (!api.isDestroyed()) api.removeEventListener('modelUpdated', schedule);
    };
  }, [api]);

  return [rows, onGridReady];
}
