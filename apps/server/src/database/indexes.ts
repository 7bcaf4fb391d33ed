import type { Database } from './database.js';

/** A secondary index of the promotions table: built after a seed's bulk load, dropped before it. */
export interface IndexDefinition {
  readonly name: string;
  /** The indexed columns, e.g. `(store_id)` or `(roi DESC, id) INCLUDE (store_number)`. */
  readonly definition: string;
}

/**
 * The indexes kept because they pay (docs/decisions/0009-server-on-sql.md has the measurements, and the bench's
 * index study prints each one's build time and size beside what it saves): the `sku` and `brand` filters, the `status` + `promoType` and
 * `region` + `template` filters, and covering indexes of the sorts of the bench's mix, each in exactly the
 * contract's order (the sort keys, ties by id ascending). A bare `(start_date)` was measured and left out.
 */
export const PROMOTION_INDEXES: readonly IndexDefinition[] = [
  // `sort=-roi` / `sort=-revenue` pages come from these by an index-only scan in exactly the contract's order
  // (descending, ties by id ascending), read forward up to the middle of the result and backward past it (the
  // source then asks for the exact reverse order); an ascending sort uses them too, with an incremental sort by id.
  // First in build order: the sort marks are read from them, beside the other builds (seed-database.ts).
  // The roi index holds the sku too: a `q` resolved to skus and stores filters while walking it, index-only.
  { name: 'promotions_roi_keys', definition: '(roi DESC, id) INCLUDE (store_number, position, sku)' },
  { name: 'promotions_revenue_keys', definition: '(revenue DESC, id) INCLUDE (store_number, position)' },
  // Holds the category, the discount and the store id: a `q` resolved to skus alone (no store name matches) under a
  // category filter sorted by discount, or a sku filter sorted by store, is answered from the index alone
  // (index-only), without reading the thousands of rows it selects.
  {
    name: 'promotions_sku',
    definition: '(sku) INCLUDE (category, discount_pct, store_id, id, store_number, position)',
  },
  { name: 'promotions_brand', definition: '(brand)' },
  // Covers a status / promo type filter sorted by start date (or id): the page's keys are sorted from the index
  // alone, without reading the thousands of rows that match.
  {
    name: 'promotions_status_type',
    definition: '(status, promo_type) INCLUDE (start_date, id, store_number, position)',
  },
  { name: 'promotions_region_template', definition: '(region, template)' },
  // The same for `-incrementalMargin`, `-promoUnits` and `productName,-roi`: a filtered first page walks the
  // index and stops after `limit` matching rows instead of sorting every matching row.
  {
    name: 'promotions_incremental_margin_keys',
    definition: '(incremental_margin DESC, id) INCLUDE (store_number, position)',
  },
  {
    name: 'promotions_promo_units_keys',
    definition: '(promo_units DESC, id) INCLUDE (store_number, position)',
  },
  {
    name: 'promotions_product_name_keys',
    definition: '(product_name, roi DESC, id) INCLUDE (store_number, position)',
  },
  // `sort=endDate` under a start-date range: the range bounds the end date too (promotion-sql.ts), and the walk
  // filters on the start date it holds, reading no row it does not return.
  {
    name: 'promotions_end_date_keys',
    definition: '(end_date, id) INCLUDE (store_number, position, start_date)',
  },
];

/** Indexes of earlier versions, dropped when a seed rebuilds the indexes. */
const RETIRED_INDEXES = [
  'promotions_roi',
  // A category is one row in 11, on every page of the table: at 1.5 M rows no query of the bench's mix, page,
  // summary or export, was planned on it (the same plans and times without it), and it cost 1.5-3 s of builds.
  'promotions_category',
  // Every `q` is resolved through promotion_search_parts (create-sql-source.ts): the trigram index served only the
  // fallback for a sku or store with two names, at 26 s of a 1.5 M seed (decision 0009).
  'promotions_search_trgm',
];

/** Drops the promotions' secondary indexes (a bulk load then writes only the table and its primary key). */
export async function dropPromotionIndexes(db: Database, indexes = PROMOTION_INDEXES): Promise<void> {
  for (const name of [...indexes.map((index) => index.name), ...RETIRED_INDEXES]) {
    await db.exec(`DROP INDEX IF EXISTS ${name}`);
  }
}

/** How long {@link createPromotionIndexes} took, step by step, in milliseconds. */
export interface IndexBuildTimings {
  /** Each index built (or found already there), in the order the builds ended; builds overlap. */
  indexes: { name: string; ms: number }[];
  /** From the first build's start to the last build's end. */
  wallMs: number;
}

/**
 * Builds the promotions' secondary indexes that are missing, `inFlight` at a time, each on its own connection
 * (PostgreSQL builds them at once under a `SHARE` lock each, each with its own parallel workers; PGlite has one
 * connection and builds one at a time), in `indexes`' order.
 */
export async function createPromotionIndexes(
  db: Database,
  options: { inFlight?: number; indexes?: readonly IndexDefinition[] } = {},
): Promise<IndexBuildTimings> {
  const { inFlight = 1, indexes = PROMOTION_INDEXES } = options;
  const timings: IndexBuildTimings = { indexes: [], wallMs: 0 };
  const started = performance.now();
  await runAtOnce(indexes, inFlight, async (index) => {
    const buildStarted = performance.now();
    await execWithoutTimeout(
      db,
      `CREATE INDEX IF NOT EXISTS ${index.name} ON promotions ${index.definition}`,
    );
    timings.indexes.push({ name: index.name, ms: performance.now() - buildStarted });
  });
  timings.wallMs = performance.now() - started;
  return timings;
}

/**
 * Runs `run` on each item, at most `inFlight` at a time, in the items' order. After a failure no further item
 * starts; the first failure is thrown once the running ones have ended.
 */
export async function runAtOnce<T>(
  items: readonly T[],
  inFlight: number,
  run: (item: T) => Promise<void>,
): Promise<void> {
  let next = 0;
  let failed = false;
  const worker = async () => {
    while (!failed && next < items.length) {
      const item = items[next++] as T;
      try {
        await run(item);
      } catch (error) {
        failed = true;
        throw error;
      }
    }
  };
  const workers = Array.from({ length: Math.max(1, Math.min(inFlight, items.length)) }, worker);
  const results = await Promise.allSettled(workers);
  for (const result of results) if (result.status === 'rejected') throw result.reason;
}

/** Runs `sql` in one transaction without the statement timeout (a build over millions of rows takes long). */
export async function execWithoutTimeout(db: Database, sql: string): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.exec('SET LOCAL statement_timeout = 0');
    await tx.exec(sql);
  });
}

/**
 * `VACUUM (ANALYZE)` of the promotions and `ANALYZE` of the stores, answering how long it took in milliseconds.
 * It marks the pages all-visible, so the covering indexes answer without the table (index-only scans); it first
 * makes sure the batches' commits are flushed, without which it marked no page of a small seed all-visible.
 */
export async function vacuumAnalyzePromotions(db: Database): Promise<number> {
  const started = performance.now();
  // The batches committed without waiting for their WAL flush (synchronous_commit off), and a row whose commit
  // record is not flushed yet gets no hint bit, so VACUUM cannot mark its page all-visible. One write that commits
  // with a flush flushes every commit record before it.
  await db.transaction(async (tx) => {
    await tx.exec('SET LOCAL synchronous_commit = on');
    await tx.exec('UPDATE promoscale_dataset SET stores_loaded = stores_loaded WHERE id = 1');
  });
  // VACUUM cannot run in a transaction, so the statement timeout of the connection applies; past it the
  // statistics are still refreshed.
  try {
    await db.exec('VACUUM (ANALYZE) promotions');
  } catch {
    await execWithoutTimeout(db, 'ANALYZE promotions');
  }
  await db.exec('ANALYZE stores');
  return performance.now() - started;
}
