import {
  createStore,
  type DatasetSpec,
  type NormalizedDatasetSpec,
  normalizeSpec,
  PROMOTIONS_PER_STORE,
  slicePromotions,
  storeDataIterator,
  tryParseStoreId,
} from '@promoscale/generator';
import { assertInteger, yieldToEventLoop } from '@promoscale/generator/internal';
import { ColumnQuery, requiredFields } from '../engine/column-query.js';
import { createPromotionPredicate, isUnfiltered } from '../engine/create-promotion-predicate.js';
import type { ColumnField } from '../engine/promotion-columns.js';
import { PromotionTable } from '../engine/promotion-table.js';
import { queryRows, selectRows, summarizeRows } from '../engine/query-rows.js';
import type { ExportQuery } from '../query/export-query-schema.js';
import type { SortKey } from '../query/param-schemas.js';
import type { PromotionFilters } from '../query/promotion-filters-schema.js';
import type { PromotionsQuery } from '../query/promotions-query-schema.js';
import type { StoresQuery } from '../query/stores-query-schema.js';
import type { SummaryQuery } from '../query/summary-query-schema.js';
import type { LiveUpdate } from '../schemas/live-update-schema.js';
import type { Page } from '../schemas/page-schema.js';
import type { Promotion } from '../schemas/promotion-schema.js';
import type { Store } from '../schemas/store-schema.js';
import type { Summary } from '../schemas/summary-schema.js';
import type { DataSource, DataSourceInfo } from './data-source.js';
import { COLUMN_FIELDS, GeneratedColumns } from './generated-columns.js';
import { computeLiveUpdate } from './live-update.js';
import { regenerateRows, regenerateRowsInOrder } from './regenerate-rows.js';

/** Options of {@link createGeneratedSource}. */
export interface GeneratedSourceOptions {
  /** Stores generated per step when the dataset is materialised or an export streams (yielding in between). @default 250 */
  chunkStores?: number | undefined;
  /** A query whose `storeId` filter names at most this many stores only generates those stores. @default 200 */
  maxLazyStores?: number | undefined;
  /** Sort orders cached by the column engine (one `Uint32Array` over every row each). @default 8 */
  sortCacheSize?: number | undefined;
  /** Query results cached by the column engine, keyed by filters and sort. @default 32 */
  resultCacheSize?: number | undefined;
  /**
   * Datasets of more promotions than this keep no row objects: only compact columns (exact scaled integers and
   * dictionary codes, about 60-90 bytes a promotion with every column built, against about 400 for the rows),
   * each built by a generator pass the first time a query needs it, and a page's rows generated again from their
   * stores. 50,000 stores (1.5 million promotions) then fit in well under 300 MB. `0` always uses columns.
   * @default 150000 (5,000 stores)
   */
  compactAbove?: number | undefined;
  /**
   * Bytes each cache of the compact engine (sort orders, results, numeric ranks) may hold, whatever its count.
   * @default 33554432 (32 MiB)
   */
  cacheBytes?: number | undefined;
}

/** The in-memory DataSource over the generator, with hooks to warm it up and see what it has generated. */
export interface GeneratedSource extends DataSource {
  /** The spec served, defaults filled in. */
  readonly spec: NormalizedDatasetSpec;
  /** Generates the whole dataset now (otherwise the first query that needs it does). */
  materialize(): Promise<void>;
  /** Whether the whole dataset has been generated and indexed (compact mode: a generator pass has run). */
  isMaterialized(): boolean;
  /** What the source holds now: its mode, the columns built and their bytes. */
  storage(): GeneratedSourceStorage;
}

/** What a {@link GeneratedSource} holds (see `GeneratedSourceOptions.compactAbove`). */
export interface GeneratedSourceStorage {
  /** `'rows'`: every row object once a query needs them; `'columns'`: compact columns only, rows generated again. */
  mode: 'rows' | 'columns';
  /** The fields whose columns are built (columns mode). */
  columns: readonly string[];
  /** Bytes of the built columns' typed arrays and dictionaries (columns mode; rows mode: 0). */
  columnBytes: number;
  /** Bytes of the cached sort orders, results and numeric ranks (columns mode; rows mode: 0). */
  cacheBytes: number;
  /** Generator passes over every store run so far. */
  generatorPasses: number;
}

/**
 * The DataSource of a DatasetSpec, generated lazily and cached:
 *
 * - `getStore`, `storePromotions`, `liveUpdate`, `listStores`, a promotions page with no filter and no sort
 *   (`slicePromotions`), and any query whose `storeId` filter names at most `maxLazyStores` stores generate only
 *   the stores they need: `GET /api/stores/STORE_40000/promotions` never generates stores 1..39,999;
 * - an export with no sort streams store chunks through the filters: constant memory;
 * - every other promotions query, summary or sorted export needs the whole dataset: it is generated once (in
 *   chunks, yielding to the event loop) and indexed by a column engine with cached sort orders.
 *
 * @example
 * const source = createGeneratedSource({ seed: 42, stores: 500, templates: 'MIXED' });
 * const handler = createApiHandler({ source });
 * const response = await handler.fetch(new Request('http://localhost/api/promotions?sort=-roi&limit=10'));
 */
export function createGeneratedSource(
  spec: DatasetSpec,
  options: GeneratedSourceOptions = {},
): GeneratedSource {
  const normalized = normalizeSpec(spec);
  const chunkStores = Math.max(1, Math.floor(options.chunkStores ?? 250));
  const maxLazyStores = Math.max(0, Math.floor(options.maxLazyStores ?? 200));
  const compactAbove = options.compactAbove ?? 150_000;
  assertInteger(compactAbove, 'options.compactAbove', 'INVALID_OPTION', 0);
  const cacheBytes = options.cacheBytes ?? 32 * 1024 * 1024;
  assertInteger(cacheBytes, 'options.cacheBytes', 'INVALID_OPTION', 0);
  const storeCount = normalized.stores;
  const promotionCount = storeCount * PROMOTIONS_PER_STORE;
  const generation = { seed: normalized.seed, asOf: normalized.asOf };
  const cacheSizes = {
    ...(options.sortCacheSize == null ? {} : { sortCacheSize: options.sortCacheSize }),
    ...(options.resultCacheSize == null ? {} : { resultCacheSize: options.resultCacheSize }),
  };
  // Compact mode: columns only, built field by field; rows generated again for each page.
  const columns = promotionCount > compactAbove ? new GeneratedColumns(normalized, chunkStores) : undefined;
  const compact = columns && new ColumnQuery(columns, { ...cacheSizes, cacheBytes });
  // Rows mode: every row object, in a PromotionTable.
  let table: PromotionTable | undefined;
  let building: Promise<PromotionTable> | undefined;
  let allStores: Store[] | undefined;

  const materialize = (): Promise<PromotionTable> => {
    if (table) return Promise.resolve(table);
    building ??= (async () => {
      const rows: Promotion[] = [];
      for (const chunk of storeDataIterator(storeCount, chunkStores, normalized.templates, generation)) {
        for (const row of chunk.promotions) rows.push(row);
        if (chunk.endStore < storeCount) await yieldToEventLoop();
      }
      table = new PromotionTable(rows, cacheSizes);
      return table;
    })();
    return building;
  };

  /**
   * The compact engine with the columns of `fields` built and the result of `filters` + `sort` cached (computed
   * a step at a time, yielding in between), or `undefined` in rows mode.
   */
  const compactFor = async (
    fields: Set<ColumnField>,
    filters: PromotionFilters,
    sort: readonly SortKey[],
  ): Promise<ColumnQuery | undefined> => {
    if (!columns || !compact) return undefined;
    await columns.ensure(fields);
    await compact.prepare(filters, sort, yieldToEventLoop);
    return compact;
  };

  /** The store number of a canonical id in this dataset, or `null`. */
  const storeNumberOf = (storeId: string): number | null => {
    const n = tryParseStoreId(storeId);
    return n !== null && n <= storeCount ? n : null;
  };

  const storeRows = (storeNumber: number): Promotion[] => {
    const offset = (storeNumber - 1) * PROMOTIONS_PER_STORE;
    return table
      ? table.rows.slice(offset, offset + PROMOTIONS_PER_STORE)
      : slicePromotions(normalized, offset, PROMOTIONS_PER_STORE);
  };

  /**
   * The rows of the stores a `storeId` filter names, when few enough to generate on their own and the dataset's
   * index cannot answer at once (rows mode: not built; compact mode: a column the query reads is missing).
   */
  const lazySubset = (filters: PromotionFilters, fields: Set<ColumnField>): Promotion[] | undefined => {
    if (table || (columns?.covers(fields) ?? false)) return undefined;
    if (filters.storeId === undefined || filters.storeId.length > maxLazyStores) return undefined;
    const numbers = filters.storeId
      .map(storeNumberOf)
      .filter((n): n is number => n !== null)
      .sort((a, b) => a - b);
    return numbers.flatMap(storeRows);
  };

  const stores = (): Store[] => {
    allStores ??= Array.from({ length: storeCount }, (_, i) => createStore(i + 1, normalized));
    return allStores;
  };

  return {
    spec: normalized,
    async materialize() {
      if (columns) await columns.ensure(COLUMN_FIELDS);
      else await materialize();
    },
    isMaterialized: () => (columns ? columns.passes > 0 : table !== undefined),
    storage: (): GeneratedSourceStorage =>
      columns && compact
        ? {
            mode: 'columns',
            columns: columns.builtFields(),
            columnBytes: columns.bytes(),
            cacheBytes: compact.cacheBytes(),
            generatorPasses: columns.passes,
          }
        : { mode: 'rows', columns: [], columnBytes: 0, cacheBytes: 0, generatorPasses: table ? 1 : 0 },
    async info(): Promise<DataSourceInfo> {
      return { spec: normalized, storeCount, promotionCount };
    },
    async listStores(query: StoresQuery): Promise<Page<Store>> {
      const { offset, limit } = query;
      if (query.template === undefined && query.region === undefined) {
        const end = Math.min(storeCount, offset + limit);
        const items: Store[] = [];
        for (let n = offset + 1; n <= end; n++) items.push(allStores?.[n - 1] ?? createStore(n, normalized));
        return { items, total: storeCount, offset, limit };
      }
      const templates = query.template && new Set<string>(query.template);
      const regions = query.region && new Set<string>(query.region);
      const matching = stores().filter(
        (store) => (!templates || templates.has(store.template)) && (!regions || regions.has(store.region)),
      );
      return { items: matching.slice(offset, offset + limit), total: matching.length, offset, limit };
    },
    async getStore(storeId: string): Promise<Store | null> {
      const n = storeNumberOf(storeId);
      return n === null ? null : (allStores?.[n - 1] ?? createStore(n, normalized));
    },
    async storePromotions(storeId: string): Promise<Promotion[] | null> {
      const n = storeNumberOf(storeId);
      return n === null ? null : storeRows(n);
    },
    async queryPromotions(query: PromotionsQuery): Promise<Page<Promotion>> {
      if (table) return table.page(query);
      if (query.sort.length === 0 && isUnfiltered(query)) {
        return {
          items: slicePromotions(normalized, Math.min(query.offset, promotionCount), query.limit),
          total: promotionCount,
          offset: query.offset,
          limit: query.limit,
        };
      }
      const fields = requiredFields(query, query.sort);
      const subset = lazySubset(query, fields);
      if (subset) return queryRows(subset, query);
      const engine = await compactFor(fields, query, query.sort);
      if (!engine) return (await materialize()).page(query);
      const indices = engine.select(query, query.sort);
      const end = Math.min(indices.length, query.offset + query.limit);
      return {
        items: regenerateRows(normalized, indices, Math.min(query.offset, end), end),
        total: indices.length,
        offset: query.offset,
        limit: query.limit,
      };
    },
    async summary(query: SummaryQuery): Promise<Summary> {
      if (table) return table.summary(query);
      const fields = requiredFields(query, [], query);
      const subset = lazySubset(query, fields);
      if (subset) return summarizeRows(subset, query);
      const engine = await compactFor(fields, query, []);
      return engine ? engine.summary(query) : (await materialize()).summary(query);
    },
    async *exportPromotions(query: ExportQuery, signal?: AbortSignal): AsyncGenerator<Promotion> {
      const fields = requiredFields(query, query.sort);
      const subset = lazySubset(query, fields);
      if (subset) {
        yield* selectRows(subset, query, query.sort);
        return;
      }
      if (query.sort.length > 0 && columns) {
        const engine = (await compactFor(fields, query, query.sort)) as ColumnQuery;
        yield* regenerateRowsInOrder(normalized, engine.select(query, query.sort), signal);
        return;
      }
      if (table || query.sort.length > 0) {
        const ready = await materialize();
        yield* ready.rowsAt(ready.select(query, query.sort));
        return;
      }
      // Unsorted: stream store chunks through the filters, never holding more than one chunk.
      const keep = createPromotionPredicate(query);
      for (const chunk of storeDataIterator(storeCount, chunkStores, normalized.templates, generation)) {
        if (signal?.aborted) return;
        for (const row of chunk.promotions) if (keep(row)) yield row;
      }
    },
    async liveUpdate(sequence: number): Promise<LiveUpdate | null> {
      const promotion = computeLiveUpdate(normalized.seed, storeCount, sequence, storeRows);
      return promotion && { sequence, promotion };
    },
  };
}
