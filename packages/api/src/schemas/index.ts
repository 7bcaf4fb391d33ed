// `@promoscale/api/schemas`: the contract as zod 4 schemas, for code that checks what a server sends, parses
// search parameters itself or builds a filter form from the rules (react-grid's column filters).
// - The answer schemas validate a body: `PromotionSchema.parse(row)`. Their output types are the main entry's
//   (`Promotion`, `Summary`, …); a field's own schema is reached through its entity
//   (`PromotionSchema.shape.category`, `PromotionSchema.shape.storeId`, `PromotionSchema.shape.startDate`).
// - The query schemas parse search parameters given as a record of strings (their input) into the main entry's
//   typed queries (their output), strictly; on a `URLSearchParams`, the parsers of `@promoscale/api/engine` apply
//   them and never throw.
// - The field lists say which Promotion fields each kind of filter, the search and the sort take.
// A client or a `DataSource` needs none of this: `createClient` validates with these schemas and writes queries,
// `createApiHandler` parses them.
export { type EstimateQuery, EstimateQuerySchema } from '../query/estimate-query-schema.js';
export { ExportQuerySchema } from '../query/export-query-schema.js';
export { type LiveQuery, LiveQuerySchema } from '../query/live-query-schema.js';
export { PromotionFiltersSchema } from '../query/promotion-filters-schema.js';
export {
  type BooleanFilterField,
  type DateField,
  LIST_FILTER_FIELDS,
  type ListFilterField,
  type NumericField,
  RANGE_FIELDS,
  type RangeField,
  SEARCH_FIELDS,
  type SortField,
  type StringField,
  SUMMARY_GROUP_BY_FIELDS,
} from '../query/promotion-query-fields.js';
export { PromotionsQuerySchema } from '../query/promotions-query-schema.js';
export { StoresQuerySchema } from '../query/stores-query-schema.js';
export { SummaryQuerySchema } from '../query/summary-query-schema.js';
export { ApiErrorSchema, QueryIssueSchema } from './api-error-schema.js';
export { DatasetEstimateSchema } from './dataset-estimate-schema.js';
export { DatasetInfoSchema, DatasetSpecSchema } from './dataset-info-schema.js';
export { LiveUpdateSchema } from './live-update-schema.js';
export { PageSchema, StorePromotionsSchema } from './page-schema.js';
export { PromotionSchema } from './promotion-schema.js';
export { StoreSchema } from './store-schema.js';
export { SummaryGroupSchema, SummarySchema, SummaryTotalsSchema } from './summary-schema.js';
