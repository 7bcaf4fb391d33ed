// `@promoscale/api/schemas`: the contract's query language as data, for code that parses search parameters or
// builds a filter form from the rules (react-grid's column filters). The query schemas parse search parameters
// given as a record of strings (their input) into the typed queries of the main entry (their output), strictly;
// on a `URLSearchParams`, the parsers of `@promoscale/api/engine` apply them and never throw. The field lists say
// which Promotion fields each kind of filter, the search and the sort take. A client or a `DataSource` needs
// none of this: `createClient` writes queries, `createApiHandler` parses them.
export { type EstimateQuery, EstimateQuerySchema } from '../query/estimate-query-schema.js';
export { ExportQuerySchema } from '../query/export-query-schema.js';
export { type LiveQuery, LiveQuerySchema } from '../query/live-query-schema.js';
export { PromotionFiltersSchema } from '../query/promotion-filters-schema.js';
export {
  BOOLEAN_FILTER_FIELDS,
  type BooleanFilterField,
  DATE_FIELDS,
  type DateField,
  LIST_FILTER_FIELDS,
  type ListFilterField,
  NUMERIC_FIELDS,
  type NumericField,
  RANGE_FIELDS,
  type RangeField,
  SEARCH_FIELDS,
  SORT_FIELDS,
  type SortField,
  STRING_FIELDS,
  type StringField,
  SUMMARY_GROUP_BY_FIELDS,
} from '../query/promotion-query-fields.js';
export { PromotionsQuerySchema } from '../query/promotions-query-schema.js';
export { StoresQuerySchema } from '../query/stores-query-schema.js';
export { SummaryQuerySchema } from '../query/summary-query-schema.js';
