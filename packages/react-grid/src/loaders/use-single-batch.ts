import type { DatasetSpec, Promotion } from '@promoscale/generator';
import { yieldToEventLoop } from '@promoscale/generator/internal';
import { loadSingleBatch } from '@promoscale/scaling';
import { useState } from 'react';
import {
  type LoadState,
  type LoadStatus,
  onCancelled,
  progressOf,
  since,
  toError,
  useLoadRun,
  useValidatedSpec,
} from './load-lifecycle.js';

/** Options of {@link useSingleBatch}. */
export interface SingleBatchOptions {
  /** Whether to load; `false` keeps the hook `idle` (and aborts a running load). @default true */
  enabled?: boolean;
}

/** What {@link useSingleBatch} returns. */
export interface SingleBatchState extends LoadState {
  /** Every promotion once `status` is `done`, else `[]`. */
  rows: Promotion[];
}

interface Snapshot {
  key: string;
  status: LoadStatus;
  rows: Promotion[];
  error: Error | null;
  firstRowsMs: number | null;
}

const NO_ROWS: Promotion[] = [];

/**
 * Phase 1 (SINGLE_BATCH): loads a whole `DatasetSpec` with `@promoscale/scaling`'s `loadSingleBatch`, one
 * synchronous generation after the `loading` state has painted. A bad spec becomes `status: 'error'` with the
 * generator's `PromoscaleError` (never a throw in render); a new spec or an unmount aborts the pending load.
 *
 * @example
 * const { status, rows, error, retry } = useSingleBatch({ stores: 5, templates: 'MIXED', seed: 42 });
 * return status === 'error' ? <p role="alert">{error.message}</p> : <PromotionsGrid rows={rows} />;
 */
export function useSingleBatch(spec: DatasetSpec, options: SingleBatchOptions = {}): SingleBatchState {
  const enabled = options.enabled ?? true;
  const { key, validated } = useValidatedSpec(spec);
  const [snapshot, setSnapshot] = useState<Snapshot>({
    key,
    status: 'idle',
    rows: NO_ROWS,
    error: null,
    firstRowsMs: null,
  });

  const controls = useLoadRun(`${key}|${enabled}`, ({ signal }) => {
    if (!enabled || !validated.spec) return;
    const update = (next: Omit<Snapshot, 'key'>) => {
      if (!signal.aborted) setSnapshot({ key, ...next });
    };
    onCancelled(signal, () =>
      setSnapshot({ key, status: 'cancelled', rows: NO_ROWS, error: null, firstRowsMs: null }),
    );
    update({ status: 'loading', rows: NO_ROWS, error: null, firstRowsMs: null });
    const started = performance.now();
    // Let the loading state paint before the one blocking call.
    yieldToEventLoop().then(() => {
      if (signal.aborted) return;
      try {
        const { promotions } = loadSingleBatch(validated.spec);
        update({ status: 'done', rows: promotions, error: null, firstRowsMs: since(started) });
      } catch (error) {
        update({ status: 'error', rows: NO_ROWS, error: toError(error), firstRowsMs: null });
      }
    });
  });

  // Before the effect has run for a new spec, report that spec's starting state, never the previous spec's rows.
  const current: Snapshot =
    snapshot.key === key ? snapshot : { key, status: 'idle', rows: NO_ROWS, error: null, firstRowsMs: null };
  const status: LoadStatus = validated.error ? 'error' : enabled ? current.status : 'idle';
  const rows = validated.error || !enabled ? NO_ROWS : current.rows;
  return {
    status,
    rows,
    progress: progressOf(rows.length, validated.total),
    error: validated.error ?? current.error,
    timings: { firstRowsMs: current.firstRowsMs, allRowsMs: current.firstRowsMs },
    ...controls,
  };
}
