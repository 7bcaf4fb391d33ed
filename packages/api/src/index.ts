// `@promoscale/api`: what an app calling the API, a server implementing a `DataSource` and a test suite mocking it
// need — the typed client, the route handler, the generated source, the contract's limits and codes, and every
// type their signatures use, written out as plain types. The zod schemas of the answers and the queries, and the
// field lists, are in `@promoscale/api/schemas` (query-types.test-d.ts and schema-types.test-d.ts hold each type
// equal to its schema's output); the query engine and the strict parsers in `@promoscale/api/engine`.
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
  type QueryIssue,
} from './schemas/api-error-schema.js';
export { CONTRACT_VERSION } from './schemas/contract-version.js';
export type { DatasetEstimate } from './schemas/dataset-estimate-schema.js';
export type { DatasetInfo, ServedDatasetSpec } from './schemas/dataset-info-schema.js';
export { LIVE_EVENT_NAME, type LiveUpdate } from './schemas/live-update-schema.js';
export type { Page, StorePromotions } from './schemas/page-schema.js';
export type { Promotion } from './schemas/promotion-schema.js';
export type { Store } from './schemas/store-schema.js';
export type { Summary, SummaryGroup, SummaryTotals } from './schemas/summary-schema.js';
export {
  createGeneratedSource,
  type GeneratedSource,
  type GeneratedSourceOptions,
  type GeneratedSourceStorage,
} from './sources/create-generated-source.js';
export type { DataSource, DataSourceInfo } from './sources/data-source.js';
