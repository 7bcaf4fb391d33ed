// `@promoscale/api/engine`: the in-memory query engine behind `createGeneratedSource`, for a `DataSource` that
// holds its rows in memory and for code that must compute exactly what the routes answer (react-grid's KPI panel
// sums rows with the same `SummaryAccumulator`). `PromotionTable` is the column engine; `queryRows` /
// `selectRows` / `summarizeRows` work a row at a time; the predicate and comparator are the filter and sort
// rules of the contract (DOMAIN.md section 6). Queries are the parsed, valid ones (`parsePromotionsQuery`).
// With them, what a router of its own needs (createApiHandler does all of it for a user): the strict query
// parsers, the content types of the JSON answers and the exports, and the ISO-date check. The query schemas the
// parsers apply, and the field lists, are in `@promoscale/api/schemas`.
export {
  parseEstimateQuery,
  parseExportQuery,
  parseLiveQuery,
  parsePromotionsQuery,
  parseStoresQuery,
  parseSummaryQuery,
  type QueryParseResult,
} from '../query/parse-query.js';
export { EXPORT_CONTENT_TYPES } from '../routes/export-response.js';
export { JSON_CONTENT_TYPE } from '../routes/json-response.js';
export { isIsoDate } from '../schemas/enum-schemas.js';
export { createPromotionComparator, sortKeyString } from './compare-promotions.js';
export { createPromotionPredicate, filterKey, isUnfiltered } from './create-promotion-predicate.js';
export { PromotionTable, type PromotionTableOptions } from './promotion-table.js';
export { queryRows, selectRows, summarizeRows } from './query-rows.js';
export { SummaryAccumulator } from './summary-accumulator.js';
