import type { Promotion } from '@promoscale/generator';
import { EventApiModule, type GridApi, ModuleRegistry } from 'ag-grid-community';

// `api.addEventListener` needs AG Grid's event API module, which the grid's own module list leaves out.
ModuleRegistry.registerModules([EventApiModule]);

/**
 * Follows a client-side grid (phases 1-3) for the dashboard: after each model update (rows added, a filter or the
 * search changed) counts the rows it holds, at most once an animation frame, and once the load is complete
 * (`held === expected`) reads the rows it shows, again after each filter or search change.
 *
 * A store, not React state: components subscribe to the one figure they show (`useSyncExternalStore`), so a frame
 * of a streaming load re-renders the status line, never the dashboard and the phase's grid. The shown rows are not
 * read while rows still arrive: aggregating and charting them on each refresh took the main thread from the loader
 * (the 5,000-store stream took 14.9 s with a refresh a second, 8 s without, in the bench).
 */
export class GridRowsStore {
  /** Rows in the grid, before filters. */
  held = 0;
  /** Rows after the grid's filters and search, in the grid's order; read once the load is complete. */
  shown: readonly Promotion[] = [];
  private readonly listeners = new Set<() => void>();
  private detach: (() => void) | null = null;

  constructor(readonly expected: number) {}

  /** True once the grid holds every row of the view. */
  get complete(): boolean {
    return this.held === this.expected;
  }

  /** Follows `api` (the grid's `onGridReady`); a new grid replaces the previous one. */
  readonly attach = (api: GridApi<Promotion>): void => {
    this.detach?.();
    let frame = 0;
    const read = () => {
      frame = 0;
      if (api.isDestroyed()) return;
      // Unfiltered, the displayed count is the held count, read without walking the rows (walking 150,000 nodes
      // each frame was 8% of a 5,000-store stream's main thread in a CPU profile).
      let held = 0;
      if (api.isAnyFilterPresent()) {
        api.forEachNode(() => {
          held += 1;
        });
      } else held = api.getDisplayedRowCount();
      const before = { held: this.held, shown: this.shown };
      this.held = held;
      if (this.complete) {
        const rows: Promotion[] = [];
        api.forEachNodeAfterFilterAndSort((node) => {
          if (node.data) rows.push(node.data);
        });
        this.shown = rows;
      }
      if (before.held !== this.held || before.shown !== this.shown)
        for (const listener of this.listeners) listener();
    };
    const schedule = () => {
      if (frame === 0) frame = requestAnimationFrame(read);
    };
    api.addEventListener('modelUpdated', schedule);
    schedule();
    this.detach = () => {
      if (frame !== 0) cancelAnimationFrame(frame);
      if (!api.isDestroyed()) api.removeEventListener('modelUpdated', schedule);
    };
  };

  /** For `useSyncExternalStore`. */
  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** Stops following the grid. */
  dispose(): void {
    this.detach?.();
    this.detach = null;
    this.listeners.clear();
  }
}
