import type { ExportQuery } from '../query/export-query-schema.js';
import type { PromotionsQuery } from '../query/promotions-query-schema.js';
import type { StoresQuery } from '../query/stores-query-schema.js';
import type { SummaryQuery } from '../query/summary-query-schema.js';
import type { DatasetInfo } from '../schemas/dataset-info-schema.js';
import type { LiveUpdate } from '../schemas/live-update-schema.js';
import type { Page } from '../schemas/page-schema.js';
import type { Promotion } from '../schemas/promotion-schema.js';
import type { Store } from '../schemas/store-schema.js';
import type { Summary } from '../schemas/summary-schema.js';

/** What {@link DataSource.info} answers: `GET /api/dataset` without the contract version (the router adds it). */
export type DataSourceInfo = Omit<DatasetInfo, 'version'>;

/**
 * Where the routes of `createApiHandler` get their data: the generated in-memory source
 * (`createGeneratedSource`), or a database. Every method receives an already validated query, so an
 * implementation never sees bad input; it must answer exactly what the contract test suite expects:
 *
 * - dataset order (no `sort`): store number ascending, then the store's promotions in generation order (the
 *   order of `processBatch`); `sort` keys compare strings by UTF-16 code unit (SQL `COLLATE "C"`), then `id`
 *   ascending breaks ties;
 * - filters are ANDed, a list filter matches any of its values, ranges are inclusive, `q` is a case-insensitive
 *   substring of `productName`, `brand`, `storeName` or `sku`;
 * - summaries add money in integer cents; see `SummarySchema` for rounding.
 *
 * @example
 * // A PostgreSQL source, in outline:
 * const source: DataSource = {
 *   info: async () => ({ spec, storeCount, promotionCount }),
 *   queryPromotions: async (query) => {
 *     const { where, params } = toSql(query); // ORDER BY <keys>, id COLLATE "C" LIMIT $n OFFSET $m
 *     return { items: await sql(...), total: await count(...), offset: query.offset, limit: query.limit };
 *   },
 *   // …
 * };
 */
export interface DataSource {
  /** The spec served and its counts. */
  info(): Promise<DataSourceInfo>;
  /** A page of stores in store-number order, filtered by `template` / `region`. */
  listStores(query: StoresQuery): Promise<Page<Store>>;
  /** One store, or `null` for an id that is not in the dataset (malformed ids included). */
  getStore(storeId: string): Promise<Store | null>;
  /** A store's promotions in dataset order, or `null` for an unknown store. */
  storePromotions(storeId: string): Promise<Promotion[] | null>;
  /** A page of promotions: filter, sort (ties by `id`), then `offset` / `limit`; `total` counts every match. */
  queryPromotions(query: PromotionsQuery): Promise<Page<Promotion>>;
  /**
   * Every matching promotion, in result order, produced a chunk at a time; the router streams them as they come.
   * Stopping the iteration (`return()`) must release any resource. `signal` aborts when the client goes away.
   */
  exportPromotions(query: ExportQuery, signal?: AbortSignal): AsyncIterable<Promotion>;
  /** Aggregates of the matching promotions, grouped by `query.groupBy` when given. */
  summary(query: SummaryQuery): Promise<Summary>;
  /**
   * Live update number `sequence` (1, 2, …) of `GET /api/live`: a pure function of the dataset and `sequence`,
   * so a client resuming with `Last-Event-ID: n` gets update `n + 1` onwards. `null` when the dataset has no
   * active promotion to update.
   */
  liveUpdate(sequence: number): Promise<LiveUpdate | null>;
}
