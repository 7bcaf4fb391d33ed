import { useEffect } from 'react';

/** The `performance.mark` names the demo sets; `pnpm --filter @promoscale/demo bench` reads them. */
export const LOAD_MARKS = {
  /** The controls are on screen and answer input. */
  interactive: 'promoscale-demo:interactive',
  /** The view's first rows are in the grid (phase 4: the first block and the total). */
  firstRows: 'promoscale-demo:first-rows',
  /** The status line reads "N promotions loaded". */
  loaded: 'promoscale-demo:loaded',
} as const;

/**
 * Marks the first rows and the end of a view's load on the page's performance timeline (once each per view: a new
 * view clears the previous view's marks), so a profile or the bench can read them.
 */
export function useLoadMarks(hasRows: boolean, loaded: boolean): void {
  useEffect(() => {
    performance.clearMarks(LOAD_MARKS.firstRows);
    performance.clearMarks(LOAD_MARKS.loaded);
  }, []);
  useEffect(() => {
    if (hasRows && performance.getEntriesByName(LOAD_MARKS.firstRows).length === 0) {
      performance.mark(LOAD_MARKS.firstRows);
    }
  }, [hasRows]);
  useEffect(() => {
    if (loaded && performance.getEntriesByName(LOAD_MARKS.loaded).length === 0)
      performance.mark(LOAD_MARKS.loaded);
  }, [loaded]);
}
