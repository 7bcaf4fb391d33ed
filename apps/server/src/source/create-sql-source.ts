import {
  createGeneratedSource,
  type DataSource,
  type DataSourceInfo,
  type ExportQuery,
  type Page,
  type PromotionsQuery,
  type Store,
  type StoresQuery,
  type Summary,
  type SummaryGroup,
  type SummaryQuery,
} from '@promoscale/api';
import { PROMOTIONS_PER_STORE, type Promotion } from '@promoscale/generator';
import type { Database } from '../database/database.js';
import {
  COUNTED_COLUMNS,
  SORT_MARK_COLUMNS,
  SORT_MARK_EVERY,
  VALUE_COUNTED_COLUMNS,
} from '../database/migrations.js';
import { readDataset } from '../seed/dataset-state.js';
import { columnOf, PROMOTION_SELECT, promotionFromRow } from './promotion-columns.js';
import {
  promotionOrderBy,
  promotionWhere,
  type SearchMatches,
  type SqlWhere,
  searchPattern,
  storeNumberOf,
} from './promotion-sql.js';

/** Options of {@link createSqlSource}. */
export interface SqlSourceOptions {
  /** Rows fetched from the export cursor at a time. @default 1000 */
  exportBatchRows?: number;
  /** How long the dataset row (spec and counts) is trusted before it is read again, in ms. @default 5000 */
  infoTtlMs?: number;
}

const STORE_SELECT =
  'store_id, store_number, name, template, region, city, opened_year, sqft, weekly_traffic';

function storeFromRow(row: readonly unknown[]): Store {
  return {
    storeId: row[0] as string,
    storeNumber: Number(row[1]),
    name: row[2] as string,
    template: row[3] as Store['template'],
    region: row[4] as Store['region'],
    city: row[5] as string,
    openedYear: Number(row[6]),
    sqft: Number(row[7]),
    weeklyTraffic: Number(row[8]),
  };
}

/** The key of a filtered total in the count cache: the dataset, the table and the filter. */
function countKey(datasetKey: string, table: string, where: SqlWhere): string {
  return `${datasetKey}\n${table}\n${where.sql}\n${JSON.stringify(where.params)}`;
}

/**
 * The statement counting the rows of `table` that `where` selects: filters on enum and boolean fields only are a
 * sum over the few thousand rows of `promotion_counts`; filters on one discrete range field only (a discount, a
 * date, a duration) a sum over its values in `promotion_value_counts`, the column renamed so `where` reads it as
 * is; a resolved `q` alone the count of its skus plus the other rows of its stores; any other a `count(*)`.
 */
function countSql(table: string, where: SqlWhere): { sql: string; params: unknown[] } {
  const { params } = where;
  if (table === 'promotions' && where.columns.every((column) => COUNTED_COLUMNS.has(column))) {
    return { sql: `SELECT coalesce(sum(n), 0) FROM promotion_counts WHERE ${where.sql}`, params };
  }
  if (table === 'promotions' && where.searchOnly !== undefined) {
    // `q` alone: the promotions of the matching skus, plus those of the matching stores whose sku does not match.
    const { skus, skuPromotions, stores } = where.searchOnly;
    return {
      sql: `SELECT $1::bigint + (
        SELECT count(*) FROM promotions WHERE store_number = ANY($3::int[]) AND NOT (sku = ANY($2::text[]))
      )`,
      params: [skuPromotions, skus, stores],
    };
  }
  const [column, ...others] = new Set(where.columns);
  const kind = column === undefined ? undefined : VALUE_COUNTED_COLUMNS.get(column);
  if (table === 'promotions' && kind !== undefined && others.length === 0) {
    // `column` comes from VALUE_COUNTED_COLUMNS, never from the request.
    const sql = `SELECT coalesce(sum(n), 0) FROM (
      SELECT ${kind === 'number' ? 'number_value' : 'text_value'} AS ${column}, n
      FROM promotion_value_counts WHERE column_name = '${column}'
    ) AS value_counts WHERE ${where.sql}`;
    return { sql, params };
  }
  return { sql: `SELECT count(*) FROM ${table} WHERE ${where.sql}`, params };
}

/** A row of `promotion_sort_marks`: the sort key of the row at `rank` in a column's descending order. */
interface SortMark {
  rank: number;
  value: number;
  id: string;
}

/** The dataset is not (completely) seeded: the server refuses to serve it. */
export class DatasetNotReadyError extends Error {
  override readonly name = 'DatasetNotReadyError';
}

/**
 * `@promoscale/api`'s {@link DataSource} over the seeded SQL database (PGlite or PostgreSQL): every query of the
 * contract as one parameterized statement (and a `count(*)` for filtered totals), exports through a
 * server-side cursor, summaries added up in integer cents inside the database, live updates from the generated
 * source of the same spec (so the event sequence is the one the MSW handlers send).
 *
 * @example
 * const db = await openDatabase({ dataDir: '.promoscale/db' });
 * const handler = createApiHandler({ source: createSqlSource(db) });
 */
export function createSqlSource(db: Database, options: SqlSourceOptions = {}): DataSource {
  const exportBatchRows = options.exportBatchRows ?? 1000;
  const infoTtlMs = options.infoTtlMs ?? 5000;
  let cachedInfo: { info: DataSourceInfo; key: string; at: number } | undefined;
  let live: { key: string; source: DataSource } | undefined;
  const counts = new Map<string, number>();
  // The marks of each sort in promotion_sort_marks, read once per dataset (a few thousand rows at 1.5 M).
  const marks = new Map<string, Promise<SortMark[]>>();
  // Whether promotion_search_parts has one product part per sku and one name per store, once per dataset.
  let searchPartsExact: Promise<boolean> | undefined;

  const currentInfo = async () => {
    if (cachedInfo && performance.now() - cachedInfo.at < infoTtlMs) return cachedInfo;
    const dataset = await readDataset(db);
    if (!dataset?.complete) throw new DatasetNotReadyError('No complete dataset: run promoscale-server seed');
    const key = JSON.stringify(dataset.spec);
    if (cachedInfo?.key !== key) {
      counts.clear();
      marks.clear();
      searchPartsExact = undefined;
    }
    cachedInfo = {
      info: { spec: dataset.spec, storeCount: dataset.storeCount, promotionCount: dataset.promotionCount },
      key,
      at: performance.now(),
    };
    return cachedInfo;
  };

  // Totals of a filter are cached: the dataset does not change while it is served, and paging repeats them.
  const countWhere = async (table: string, where: SqlWhere) => {
    const { key } = await currentInfo();
    const cacheKey = countKey(key, table, where);
    const cached = counts.get(cacheKey);
    if (cached !== undefined) return cached;
    const statement = countSql(table, where);
    const rows = await db.query(statement.sql, statement.params);
    const total = Number(rows[0]?.[0] ?? 0);
    if (counts.size >= 1000) counts.delete(counts.keys().next().value as string);
    counts.set(cacheKey, total);
    return total;
  };

  const cachedCount = (table: string, where: SqlWhere): number | undefined =>
    cachedInfo === undefined ? undefined : counts.get(countKey(cachedInfo.key, table, where));

  /**
   * The skus and stores a `q` needle matches, from promotion_search_parts; `undefined` (the source then searches
   * the `search` column) for no needle, a needle that matches nothing, or parts that do not identify a sku's or a
   * store's rows (a sku with two product texts: not the generator's data).
   */
  const resolveSearch = async (q: string | undefined): Promise<SearchMatches | undefined> => {
    const pattern = q === undefined || q === '' ? undefined : searchPattern(q);
    if (pattern === undefined) return undefined;
    if (searchPartsExact === undefined) {
      const checking = db
        .query(
          `SELECT count(*) > 0 AND count(sku) = count(DISTINCT sku) AND count(store_number) = count(DISTINCT store_number)
           FROM promotion_search_parts`,
        )
        .then((rows) => rows[0]?.[0] === true);
      checking.catch(() => {
        searchPartsExact = undefined;
      });
      searchPartsExact = checking;
    }
    if (!(await searchPartsExact)) return undefined;
    const rows = await db.query(
      'SELECT sku, store_number, n FROM promotion_search_parts WHERE part LIKE $1',
      [pattern],
    );
    const skus: string[] = [];
    const stores: number[] = [];
    let skuPromotions = 0;
    for (const [sku, storeNumber, n] of rows) {
      if (sku !== null) {
        skus.push(sku as string);
        skuPromotions += Number(n);
      } else stores.push(Number(storeNumber));
    }
    return { skus, skuPromotions, stores };
  };

  /** The mark at or before `offset` of an unfiltered descending sort on a marked column, if any. */
  const sortMark = async (
    sort: PromotionsQuery['sort'],
    offset: number,
  ): Promise<(SortMark & { column: string }) | undefined> => {
    const [key, ...others] = sort;
    if (key === undefined || others.length > 0 || key.direction !== 'desc' || offset < SORT_MARK_EVERY) {
      return undefined;
    }
    const column = columnOf(key.field);
    if (!SORT_MARK_COLUMNS.includes(column)) return undefined;
    let loading = marks.get(column);
    if (loading === undefined) {
      loading = db
        .query('SELECT rank, value, id FROM promotion_sort_marks WHERE column_name = $1 ORDER BY rank', [
          column,
        ])
        .then((rows) =>
          rows.map((row) => ({ rank: Number(row[0]), value: row[1] as number, id: row[2] as string })),
        );
      // A failed read is tried again by the next page.
      loading.catch(() => marks.delete(column));
      marks.set(column, loading);
    }
    const found = await loading;
    // Marks are every SORT_MARK_EVERY rows from rank 0: the one before the offset is at this index, if present.
    const mark = found[Math.floor(offset / SORT_MARK_EVERY)];
    return mark !== undefined && mark.rank <= offset ? { ...mark, column } : undefined;
  };

  /**
   * The rows of one sorted or filtered page. Past the middle of a result whose total is known, the page is read
   * from the other end (every direction flipped, `id` too, then the rows reversed): the same rows, in the same
   * order, with the shorter walk. With an offset, the page's keys are chosen first from the narrow sort columns
   * (an index-only scan where an index covers the sort, a small sort in memory otherwise), then only those rows
   * are read in full.
   */
  const pageRows = async (where: SqlWhere, query: PromotionsQuery, total: number | undefined) => {
    let { offset, limit } = query;
    const mark = where.filtered ? undefined : await sortMark(query.sort, offset);
    if (mark !== undefined) {
      // Unfiltered, sorted by one marked column descending: the walk starts at the mark's key (its value, then
      // ids from its id on), so it passes at most SORT_MARK_EVERY entries, at any offset.
      const orderBy = promotionOrderBy(query.sort);
      return db.query(
        `SELECT ${PROMOTION_SELECT} FROM promotions WHERE (store_number, position) IN (
           SELECT store_number, position FROM promotions
           WHERE ${mark.column} <= $1::float8 AND (${mark.column} < $1::float8 OR id >= $2::text)
           ORDER BY ${orderBy} LIMIT $3 OFFSET $4
         ) ORDER BY ${orderBy}`,
        [mark.value, mark.id, limit, offset - mark.rank],
      );
    }
    let reversed = false;
    if (total !== undefined) {
      if (offset >= total) return [];
      limit = Math.min(limit, total - offset);
      if (offset > total / 2) {
        reversed = true;
        offset = total - offset - limit;
      }
    }
    const orderBy = promotionOrderBy(query.sort, reversed);
    const n = where.params.length;
    const params = [...where.params, limit, offset];
    // Keys first for a sort or an offset: a walk along a covering index that filters on its columns (the
    // end-date index holds the start date) or a sort of the keys a covering index holds reads no row it does not
    // return (an index-only scan); a plan that reads the rows anyway reads the page's rows once more, by primary
    // key. The first page in dataset order walks the primary key and stops at the page's last row.
    const rows =
      offset === 0 && query.sort.length === 0
        ? await db.query(
            `SELECT ${PROMOTION_SELECT} FROM promotions WHERE ${where.rowsSql} ORDER BY ${orderBy} LIMIT $${n + 1}`,
            params.slice(0, n + 1),
          )
        : await db.query(
            `SELECT ${PROMOTION_SELECT} FROM promotions WHERE (store_number, position) IN (
               SELECT store_number, position FROM promotions WHERE ${where.rowsSql} ORDER BY ${orderBy} LIMIT $${n + 1} OFFSET $${n + 2}
             ) ORDER BY ${orderBy}`,
            params,
          );
    if (reversed) rows.reverse();
    return rows;
  };

  return {
    async info() {
      return (await currentInfo()).info;
    },

    async listStores(query: StoresQuery): Promise<Page<Store>> {
      const { info } = await currentInfo();
      const where = promotionWhere({ template: query.template, region: query.region });
      const n = where.params.length;
      const rows = await db.query(
        `SELECT ${STORE_SELECT} FROM stores WHERE ${where.sql} ORDER BY store_number LIMIT $${n + 1} OFFSET $${n + 2}`,
        [...where.params, query.limit, query.offset],
      );
      const total = where.filtered ? await countWhere('stores', where) : info.storeCount;
      return { items: rows.map(storeFromRow), total, offset: query.offset, limit: query.limit };
    },

    async getStore(storeId: string): Promise<Store | null> {
      await currentInfo();
      const storeNumber = storeNumberOf(storeId);
      if (storeNumber === null) return null;
      const rows = await db.query(`SELECT ${STORE_SELECT} FROM stores WHERE store_number = $1`, [
        storeNumber,
      ]);
      return rows[0] ? storeFromRow(rows[0]) : null;
    },

    async storePromotions(storeId: string): Promise<Promotion[] | null> {
      await currentInfo();
      const storeNumber = storeNumberOf(storeId);
      if (storeNumber === null) return null;
      const rows = await db.query(
        `SELECT ${PROMOTION_SELECT} FROM promotions WHERE store_number = $1 ORDER BY position`,
        [storeNumber],
      );
      if (rows.length > 0) return rows.map(promotionFromRow);
      // Every store has promotions: no row means no such store (malformed ids included).
      return null;
    },

    async queryPromotions(query: PromotionsQuery): Promise<Page<Promotion>> {
      const { info } = await currentInfo();
      const where = promotionWhere(query, 0, await resolveSearch(query.q));
      if (!where.filtered && query.offset >= info.promotionCount) {
        return { items: [], total: info.promotionCount, offset: query.offset, limit: query.limit };
      }
      if (!where.filtered && query.sort.length === 0) {
        // Dataset order, unfiltered: every store has PROMOTIONS_PER_STORE rows, so an offset is a position in the
        // primary key and a deep page is an index seek, not a walk over the rows before it.
        const rows = await db.query(
          `SELECT ${PROMOTION_SELECT} FROM promotions WHERE (store_number, position) >= ($1, $2) ORDER BY store_number, position LIMIT $3`,
          [
            Math.floor(query.offset / PROMOTIONS_PER_STORE) + 1,
            query.offset % PROMOTIONS_PER_STORE,
            query.limit,
          ],
        );
        return {
          items: rows.map(promotionFromRow),
          total: info.promotionCount,
          offset: query.offset,
          limit: query.limit,
        };
      }
      // The total and the page are independent: on PostgreSQL they run at once, on two connections.
      const knownTotal = where.filtered ? cachedCount('promotions', where) : info.promotionCount;
      const totalPromise =
        knownTotal === undefined ? countWhere('promotions', where) : Promise.resolve(knownTotal);
      // Awaited below; handled here so a failing count is not unhandled while the page runs.
      totalPromise.catch(() => {});
      const rows = await pageRows(where, query, knownTotal);
      return {
        items: rows.map(promotionFromRow),
        total: await totalPromise,
        offset: query.offset,
        limit: query.limit,
      };
    },

    async *exportPromotions(query: ExportQuery, signal?: AbortSignal): AsyncIterable<Promotion> {
      await currentInfo();
      const where = promotionWhere(query, 0, await resolveSearch(query.q));
      const sql = `SELECT ${PROMOTION_SELECT} FROM promotions WHERE ${where.rowsSql} ORDER BY ${promotionOrderBy(query.sort)}`;
      for await (const rows of db.cursor(sql, where.params, exportBatchRows)) {
        if (signal?.aborted) return;
        for (const row of rows) yield promotionFromRow(row);
      }
    },

    async summary(query: SummaryQuery): Promise<Summary> {
      await currentInfo();
      const where = promotionWhere(query, 0, await resolveSearch(query.q));
      const key = query.groupBy === undefined ? 'NULL' : columnOf(query.groupBy);
      // Math.round(x) is floor(x + 0.5); the sums are of integers below 2^53, so exact in float8 in any order.
      const rows = await db.query(
        `SELECT ${key}, count(*), sum(floor(revenue * 100 + 0.5)), sum(floor(incremental_revenue * 100 + 0.5)),
           sum(floor(lift_pct * 1000 + 0.5)), sum(floor(roi * 1000000 + 0.5))
         FROM promotions WHERE ${where.sql} GROUP BY ${query.groupBy === undefined ? '()' : key}`,
        where.params,
      );
      const groups: SummaryGroup[] = [];
      let totals = { promotions: 0, revenueCents: 0, incrementalCents: 0, liftMilli: 0, roiMicro: 0 };
      for (const row of rows) {
        const sums = {
          promotions: Number(row[1]),
          revenueCents: Number(row[2] ?? 0),
          incrementalCents: Number(row[3] ?? 0),
          liftMilli: Number(row[4] ?? 0),
          roiMicro: Number(row[5] ?? 0),
        };
        if (sums.promotions === 0) continue;
        totals = {
          promotions: totals.promotions + sums.promotions,
          revenueCents: totals.revenueCents + sums.revenueCents,
          incrementalCents: totals.incrementalCents + sums.incrementalCents,
          liftMilli: totals.liftMilli + sums.liftMilli,
          roiMicro: totals.roiMicro + sums.roiMicro,
        };
        if (query.groupBy !== undefined) groups.push({ key: String(row[0]), ...figures(sums) });
      }
      groups.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
      const t = figures(totals);
      return {
        groups,
        totals: {
          promotions: t.promotions,
          revenue: t.revenue,
          incrementalRevenue: t.incrementalRevenue,
          avgLiftPct: totals.promotions === 0 ? null : t.avgLiftPct,
          avgRoi: totals.promotions === 0 ? null : t.avgRoi,
        },
      };
    },

    async liveUpdate(sequence: number) {
      const { info, key } = await currentInfo();
      if (live?.key !== key) live = { key, source: createGeneratedSource(info.spec) };
      return live.source.liveUpdate(sequence);
    },
  };
}

/** The figures of `SummarySchema` from integer sums (cents, thousandths of a percent, millionths). */
function figures(sums: {
  promotions: number;
  revenueCents: number;
  incrementalCents: number;
  liftMilli: number;
  roiMicro: number;
}) {
  return {
    promotions: sums.promotions,
    revenue: sums.revenueCents / 100,
    incrementalRevenue: sums.incrementalCents / 100,
    avgLiftPct: Math.round(sums.liftMilli / sums.promotions / 10) / 100,
    avgRoi: Math.round(sums.roiMicro / sums.promotions / 100) / 10_000,
  };
}
