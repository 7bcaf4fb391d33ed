import type { Promotion } from '@promoscale/generator';
import { EventApiModule, type GridApi, ModuleRegistry } from 'ag-grid-community';
import { useCallback, useEffect, useRef, useState } from 'react';

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
 * Follows a client-side grid (phases 1-3): after each model update (rows added, filter or search changed) counts
 * the rows it holds, at most once an animation frame, and once the load is complete (`held === expected`) reads
 * the rows it shows, again after each filter or search change. The shown rows are not read while rows still
 * arrive: aggregating and charting them on each refresh took the main thread from the loader (the 5,000-store
 * stream took 15 s with a refresh a second, 8 s without, in the bench). Returns the figures and the
 * `onGridReady` to give the grid.
 */
export function useGridRows(expected: number): [GridRows, (api: GridApi<Promotion>) => void] {
  const [api, setApi] = useState<GridApi<Promotion> | null>(null);
  const [rows, setRows] = useState<GridRows>(EMPTY);
  const onGridReady = useCallback((ready: GridApi<Promotion>) => setApi(ready), []);
  const lastShown = useRef<readonly Promotion[]>([]);

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
      if (held === expected) {
        const rows: Promotion[] = [];
        api.forEachNodeAfterFilterAndSort((node) => {
          if (node.data) rows.push(node.data);
        });
        lastShown.current = rows;
      }
      const shown = lastShown.current;
      // Same figures, same state: no re-render of the dashboard for a frame that changed nothing it shows.
      setRows((previous) =>
        previous.held === held && previous.shown === shown ? previous : { held, shown },
      );
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
  }, [api, expected]);

  return [rows, onGridReady];
}
