import { MAX_LIMIT, type PromoscaleClient, type SummaryGroup } from '@promoscale/api';
import type { PromotionsQueryFilters } from '@promoscale/react-grid';
import { useEffect, useState } from 'react';
import type { ChartData, GroupFigures } from '../charts/chart-data.js';
import { chartData } from '../charts/chart-data.js';

const toFigures = (groups: SummaryGroup[]): GroupFigures[] =>
  groups.map(({ key, promotions, revenue, incrementalRevenue, avgLiftPct }) => ({
    key,
    promotions,
    revenue,
    incrementalRevenue,
    avgLiftPct,
  }));

/**
 * The charts of phase 4, which never holds every row: revenue and lift by category and template from
 * `GET /api/summary?groupBy=` over the grid's query (its filters and search), and the ROI and lift charts over the
 * first 1,000 rows of that query in the grid's order. Null until the figures arrive or without a client.
 */
export function useServerCharts(
  client: PromoscaleClient | null,
  query: PromotionsQueryFilters | null,
): { data: ChartData; scope: string } | null {
  const [charts, setCharts] = useState<{ data: ChartData; scope: string } | null>(null);
  const key = JSON.stringify(query);
  useEffect(() => {
    if (!client || !query) return;
    const controller = new AbortController();
    const { sort, ...filters } = query;
    const signal = { signal: controller.signal };
    Promise.all([
      client.summary({ ...filters, groupBy: 'category' }, signal),
      client.summary({ ...filters, groupBy: 'template' }, signal),
      client.promotions({ ...query, limit: MAX_LIMIT }, signal),
    ]).then(
      ([byCategory, byTemplate, sample]) => {
        const { roiPct, lift } = chartData(sample.items);
        const total = byCategory.totals.promotions.toLocaleString('en-US');
        setCharts({
          data: {
            byCategory: toFigures(byCategory.groups),
            byTemplate: toFigures(byTemplate.groups),
            roiPct,
            lift,
          },
          scope: `${total} promotions from the server's summary; ROI and lift over the first ${sample.items.length.toLocaleString('en-US')} of them`,
        });
      },
      () => {
        // An aborted or failed summary leaves the last charts: the grid shows the server's error with Retry.
      },
    );
    return () => controller.abort();
  }, [client, key]);
  return charts;
}
