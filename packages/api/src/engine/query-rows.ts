import type { SortKey } from '../query/param-schemas.js';
import type { PromotionFilters } from '../query/promotion-filters-schema.js';
import type { PromotionsQuery } from '../query/promotions-query-schema.js';
import type { SummaryQuery } from '../query/summary-query-schema.js';
import type { Page } from '../schemas/page-schema.js';
import type { Promotion } from '../schemas/promotion-schema.js';
import type { Summary } from '../schemas/summary-schema.js';
import { createPromotionComparator } from './compare-promotions.js';
import { createPromotionPredicate } from './create-promotion-predicate.js';
import { SummaryAccumulator } from './summary-accumulator.js';

/**
 * The rows of `rows` (given in dataset order) that match the filters, in the order of `sort` (dataset order when
 * empty). Row at a time: meant for small sets such as a few stores; `PromotionTable` answers whole datasets.
 */
export function selectRows(
  rows: readonly Promotion[],
  filters: PromotionFilters,
  sort: readonly SortKey[],
): Promotion[] {
  const matching = rows.filter(createPromotionPredicate(filters));
  return sort.length === 0 ? matching : matching.sort(createPromotionComparator(sort));
}

/** One page of a promotions query over `rows` (in dataset order). */
export function queryRows(rows: readonly Promotion[], query: PromotionsQuery): Page<Promotion> {
  const matching = selectRows(rows, query, query.sort);
  return {
    items: matching.slice(query.offset, query.offset + query.limit),
    total: matching.length,
    offset: query.offset,
    limit: query.limit,
  };
}

/** The summary of a query over `rows`. */
export function summarizeRows(rows: readonly Promotion[], query: SummaryQuery): Summary {
  const accumulator = new SummaryAccumulator();
  const keep = createPromotionPredicate(query);
  const groupBy = query.groupBy;
  for (const row of rows) {
    if (!keep(row)) continue;
    accumulator.add(groupBy && row[groupBy], row.revenue, row.incrementalRevenue, row.liftPct, row.roi);
  }
  return accumulator.result();
}
