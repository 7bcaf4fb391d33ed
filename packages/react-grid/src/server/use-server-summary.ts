import { createClient, type PromoscaleClient, type SummaryTotals } from '@promoscale/api';
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { PromotionsQueryResult } from './to-promotions-query.js';

const LOSS_CEILING = -0.01;

/** Options of {@link useServerSummary}. */
export interface UseServerSummaryOptions {
  /** The typed client of `@promoscale/api`. @default createClient({ baseUrl: '' }) */
  client?: PromoscaleClient;
  /** Skip the request (e.g. while the grid is still connecting). @default true */
  enabled?: boolean;
}

/** What {@link useServerSummary} returns. */
export interface ServerSummary {
  /** The totals of every promotion matching the query, or null until they arrive. */
  totals: SummaryTotals | null;
  /** Matching promotions losing money (`incrementalMargin` < 0), or null until known. */
  losingPromotions: number | null;
  status: 'idle' | 'loading' | 'ready' | 'error';
  error: unknown;
  retry: () => void;
}

/**
 * The KPI totals of phase 4 from `GET /api/summary` for the grid's current filters and search (sort and paging do not
 * change totals): revenue, incremental revenue, average lift and ROI over every matching promotion, not just the
 * loaded blocks, plus the count of those losing money (the `total` of the same filters with
 * `incrementalMargin_lte=-0.01`). Refetched when the query changes; the previous requests are aborted.
 *
 * @example
 * const rows = useServerRows();
 * const summary = useServerSummary(rows.query);
 * <KpiSummary kpis={summary.totals ? kpisFromSummary(summary.totals, summary.losingPromotions) : undefined} />
 */
export function useServerSummary(
  query: PromotionsQueryResult,
  options: UseServerSummaryOptions = {},
): ServerSummary {
  const defaultClient = useMemo(() => createClient({ baseUrl: '' }), []);
  const client = options.client ?? defaultClient;
  const enabled = options.enabled ?? true;
  const [attempt, setAttempt] = useState(0);
  const [state, setState] = useState<Omit<ServerSummary, 'retry'>>({
    totals: null,
    losingPromotions: null,
    status: 'idle',
    error: null,
  });

  const { sort: _sort, ...filters } = query.query;
  const filterKey = JSON.stringify(filters);
  // biome-ignore lint/correctness/useExhaustiveDependencies: filterKey stands for filters; attempt restarts it
  useEffect(() => {
    if (!enabled) return;
    if (query.matchesNothing) {
      setState({
        totals: { promotions: 0, revenue: 0, incrementalRevenue: 0, avgLiftPct: null, avgRoi: null },
        losingPromotions: 0,
        status: 'ready',
        error: null,
      });
      return;
    }
    const controller = new AbortController();
    setState((previous) => ({ ...previous, status: 'loading', error: null }));
    const call = { signal: controller.signal };
    // Margins are in cents, so "below zero" is "at most -0.01": the contract's ranges are inclusive.
    const ceiling = Math.min(filters.incrementalMargin_lte ?? LOSS_CEILING, LOSS_CEILING);
    Promise.all([
      client.summary(filters, call),
      client.promotions({ ...filters, incrementalMargin_lte: ceiling, limit: 1 }, call),
    ]).then(
      ([summary, losing]) => {
        if (controller.signal.aborted) return;
        setState({ totals: summary.totals, losingPromotions: losing.total, status: 'ready', error: null });
      },
      (error: unknown) => {
        if (!controller.signal.aborted)
          setState({ totals: null, losingPromotions: null, status: 'error', error });
      },
    );
    return () => controller.abort();
  }, [client, enabled, filterKey, query.matchesNothing, attempt]);

  const retry = useCallback(() => setAttempt((previous) => previous + 1), []);
  return { ...state, retry };
}
