import type { Promotion } from '@promoscale/generator';
import { useRef } from 'react';
import { KpiSums, type PromotionKpis } from './kpi-summary.js';

interface Summed {
  rows: readonly Promotion[];
  sums: KpiSums;
  kpis: PromotionKpis;
}

/**
 * The KPIs of `rows` (as {@link summarizeKpis} computes them) for rows that grow while a load runs: when `rows`
 * starts with the previous render's rows (same first and last row objects, at least as long), only the new rows
 * are summed; any other list is summed from the start. Each commit of a streaming or chunked load then costs its
 * new rows, not every row loaded so far.
 */
export function useRowKpis(rows: readonly Promotion[]): PromotionKpis {
  // A memo keyed by the rows, kept in a ref: a render React discards leaves it consistent (the rows and their sums
  // move together), and the same rows again return the same figures.
  const summed = useRef<Summed | null>(null);
  const previous = summed.current;
  if (previous && previous.rows === rows) return previous.kpis;
  const grown =
    previous !== null &&
    previous.rows.length > 0 &&
    rows.length >= previous.rows.length &&
    rows[0] === previous.rows[0] &&
    rows[previous.rows.length - 1] === previous.rows[previous.rows.length - 1];
  const sums = grown ? previous.sums : new KpiSums();
  sums.add(rows, grown ? previous.rows.length : 0);
  const next = { rows, sums, kpis: sums.result() };
  summed.current = next;
  return next.kpis;
}
