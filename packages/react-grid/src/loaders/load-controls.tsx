import { PromoscaleError } from '@promoscale/generator';
import type { LoadState } from './load-lifecycle.js';

/** Props of {@link LoadControls}. */
export interface LoadControlsProps {
  /** The loader's state (any of the three hooks). */
  load: LoadState;
  /** Rows on screen: with rows, an error shows here (the grid keeps them); without, the grid shows it. */
  rowsShown: number;
  /** Text of the retry button. @default 'Retry' */
  retryLabel?: string;
}

/**
 * A load's Retry action (LoadProgress has the Cancel button), its timings once done (first rows, all rows) and, when the load failed with rows already on screen, its error as an alert
 * with a Retry button (the grid keeps the rows). A bad spec cannot be retried, so it gets no Retry.
 */
export function LoadControls({ load, rowsShown, retryLabel = 'Retry' }: LoadControlsProps) {
  const retryable = !(load.error instanceof PromoscaleError);
  const button = { font: 'inherit', padding: '2px 12px' };
  return (
    <div style={{ display: 'flex', alignItems: 'center', gap: 8, flexWrap: 'wrap', font: '13px system-ui' }}>
      {load.status === 'done' && load.timings.allRowsMs !== null ? (
        <span data-testid="load-timings">
          First rows after {formatMs(load.timings.firstRowsMs)}, all rows after{' '}
          {formatMs(load.timings.allRowsMs)}
        </span>
      ) : null}
      {load.status === 'cancelled' ? (
        <>
          <span role="status">Load cancelled.</span>
          <button type="button" onClick={load.retry} style={button}>
            {retryLabel}
          </button>
        </>
      ) : null}
      {load.status === 'error' && rowsShown > 0 ? (
        <div
          role="alert"
          style={{ border: '1px solid #a4000f', background: '#fff5f5', borderRadius: 6, padding: '6px 12px' }}
        >
          <span>{load.error?.message}</span>{' '}
          {retryable ? (
            <button type="button" onClick={load.retry} style={button}>
              {retryLabel}
            </button>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}

function formatMs(ms: number | null): string {
  return ms === null ? '–' : `${ms.toLocaleString('en-US', { maximumFractionDigits: 1 })} ms`;
}

/** What to hand PromotionsGrid's `error`/`onRetry`: the error only when no rows are on screen. */
export function gridError(load: LoadState, rowsShown: number): { error?: Error; onRetry?: () => void } {
  if (load.status !== 'error' || rowsShown > 0 || !load.error) return {};
  return load.error instanceof PromoscaleError
    ? { error: load.error }
    : { error: load.error, onRetry: load.retry };
}
