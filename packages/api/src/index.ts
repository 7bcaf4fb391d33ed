export { ApiClientError } from './client/api-client-error.js';
export {
  type CallOptions,
  type ClientOptions,
  createClient,
  type FetchLike,
  type LiveOptions,
  type PromoscaleClient,
} from './client/create-client.js';
export { parseServerSentEvents, type ServerSentEvent } from './client/parse-server-sent-events.js';
export { EXPORT_FORMATS, type ExportFormat, type ExportQuery } from './query/export-query-schema.js';
// The query schemas and the field lists are in `@promoscale/api/schemas`; the main entry keeps the query types a
// `DataSource` receives and a client sends, written out as plain types (query-types.test-d.ts holds them equal
// to the schemas' output).
export { MAX_LIVE_INTERVAL_MS } from './query/live-query-schema.js';
export { MAX_LIST_VALUES, MAX_SEARCH_LENGTH, type SortKey } from './query/param-schemas.js';
export type { PromotionFilters, RangeFilters } from './query/promotion-filters-schema.js';
export type { SummaryGroupBy } from './query/promotion-query-fields.js';
export { DEFAULT_LIMIT, MAX_LIMIT, type PromotionsQuery } from './query/promotions-query-schema.js';
export type { StoresQuery } from './query/stores-query-schema.js';
export type { SummaryQuery } from './query/summary-query-schema.js';
export {
  type ExportQueryInput,
  type PromotionFiltersInput,
  type PromotionsQueryInput,
  type SortToken,
  type StoresQueryInput,
  type SummaryQueryInput,
  toSearchParams,
} from './query/to-search-params.js';
export { type ApiHandler, type ApiHandlerOptions, createApiHandler } from './routes/create-api-handler.js';
export {
  API_ERROR_CODES,
  type ApiErrorBody,
  type ApiErrorCode,
  ApiErrorSchema,
  type QueryIssue,
  QueryIssueSchema,
} from './schemas/api-error-schema.js';
export { CONTRACT_VERSION } from './schemas/contract-version.js';
export {
  type DatasetEstimate,
  DatasetEstimateSchema,
} from './schemas/dataset-estimate-schema.js';
export {
  type DatasetInfo,
  DatasetInfoSchema,
  DatasetSpecSchema,
  type ServedDatasetSpec,
} from './schemas/dataset-info-schema.js';
// The field schemas (enumerations, store id, dates) are reachable as parts of the entity schemas:
// `PromotionSchema.shape.category`, `PromotionSchema.shape.storeId`, `PromotionSchema.shape.startDate`.
export { LIVE_EVENT_NAME, type LiveUpdate, LiveUpdateSchema } from './schemas/live-update-schema.js';
export { type Page, PageSchema, type StorePromotions, StorePromotionsSchema } from './schemas/page-schema.js';
export { type Promotion, PromotionSchema } from './schemas/promotion-schema.js';
export { type Store, StoreSchema } from './schemas/store-schema.js';
export {
  type Summary,
  type SummaryGroup,
  SummaryGroupSchema,
  SummarySchema,
  type SummaryTotals,
  SummaryTotalsSchema,
} from './schemas/summary-schema.js';
export {
  createGeneratedSource,
  type GeneratedSource,
  type GeneratedSourceOptions,
  type GeneratedSourceStorage,
} from './sources/create-generated-source.js';
export type { DataSource, DataSourceInfo } from './sources/data-source.js';
