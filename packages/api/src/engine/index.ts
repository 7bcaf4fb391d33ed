// `@promoscale/api/engine`: the in-memory query engine behind `createGeneratedSource`, for a `DataSource` that
// holds its rows in memory and for code that must compute exactly what the routes answer (react-grid's KPI panel
// sums rows with the same `SummaryAccumulator`). `PromotionTable` is the column engine; `queryRows` /
// `selectRows` / `summarizeRows` work a row at a time; the predicate and comparator are the filter and sort
// rules of the contract (DOMAIN.md section 6). Queries are the parsed, valid ones (`parsePromotionsQuery`).
export { createPromotionComparator, sortKeyString } from './compare-promotions.js';
export { createPromotionPredicate, filterKey, isUnfiltered } from './create-promotion-predicate.js';
export { PromotionTable, type PromotionTableOptions } from './promotion-table.js';
export { queryRows, selectRows, summarizeRows } from './query-rows.js';
export { SummaryAccumulator } from './summary-accumulator.js';
