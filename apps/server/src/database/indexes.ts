import type { Database } from './database.js';

/** A secondary index of the promotions table: built after a seed's bulk load, dropped before it. */
export interface IndexDefinition {
  readonly name: string;
  /** The indexed expression, e.g. `(store_id)` or `USING gin (search gin_trgm_ops)`. */
  readonly definition: string;
  /** An extension the index needs; skipped where the database does not have it. */
  readonly extension?: string;
  /** `maintenance_work_mem` for its build, where the default (64MB) makes it slow. */
  readonly buildMemory?: string;
}

/**
 * The indexes kept because they pay (docs/decisions/0009-server-on-sql.md has the measurements, and the bench's
 * index study prints each one's build time and size beside what it saves): the `sku`, `category` and `brand` filters, the `status` + `promoType` and
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
  { name: 'promotions_sku', definition: '(sku)' },
  { name: 'promotions_category', definition: '(category)' },
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

/**
 * Work a seed runs beside the index builds, on one of their connections, once the indexes named in `after` are
 * built (the sort marks, read from their covering indexes).
 */
export interface IndexPhaseJob {
  readonly name: string;
  readonly after: readonly string[];
  /** The statements, run in one transaction without a statement timeout. */
  readonly sql: string;
}

/** How long {@link createPromotionIndexes} took, step by step, in milliseconds. */
export interface IndexBuildTimings {
  /** Each index built (or found already there), in the order the builds ended; builds overlap. */
  indexes: { name: string; ms: number }[];
  /** Each job run beside the builds. */
  jobs: { name: string; ms: number }[];
  /** From the first build's start to the last build's or job's end. */
  wallMs: number;
}

/**
 * Builds the promotions' secondary indexes that are missing, `inFlight` at a time, each on its own connection
 * (PostgreSQL builds them at once under a `SHARE` lock each; PGlite has one connection and builds one at a time),
 * and runs `jobs` beside them as soon as the indexes they read are built. The builds start in `indexes`' order.
 */
export async function createPromotionIndexes(
  db: Database,
  options: {
    inFlight?: number;
    jobs?: readonly IndexPhaseJob[];
    indexes?: readonly IndexDefinition[];
  } = {},
): Promise<IndexBuildTimings> {
  const { inFlight = 1, jobs = [], indexes = PROMOTION_INDEXES } = options;
  const timings: IndexBuildTimings = { indexes: [], jobs: [], wallMs: 0 };
  const started = performance.now();
  type Work = { name: string; after: readonly string[]; run: () => Promise<void>; index: boolean };
  const pending: Work[] = [];
  // Jobs first: a free connection takes a job whose indexes are built before the next build.
  for (const job of jobs) {
    pending.push({
      name: job.name,
      after: job.after,
      index: false,
      run: () => inTransaction(db, undefined, job.sql),
    });
  }
  for (const index of indexes) {
    if (index.extension !== undefined && !(await db.hasExtension(index.extension))) continue;
    pending.push({
      name: index.name,
      after: [],
      index: true,
      run: () =>
        inTransaction(
          db,
          index.buildMemory,
          `CREATE INDEX IF NOT EXISTS ${index.name} ON promotions ${index.definition}`,
        ),
    });
  }
  const done = new Set<string>();
  const running = new Set<Promise<void>>();
  let failure: { error: unknown } | undefined;
  while (pending.length > 0 || running.size > 0) {
    const ready = pending.findIndex((work) => work.after.every((name) => done.has(name)));
    if (failure === undefined && ready >= 0 && running.size < inFlight) {
      const [work] = pending.splice(ready, 1);
      if (work === undefined) continue;
      const workStarted = performance.now();
      const run = work.run().then(
        () => {
          done.add(work.name);
          (work.index ? timings.indexes : timings.jobs).push({
            name: work.name,
            ms: performance.now() - workStarted,
          });
        },
        (error: unknown) => {
          failure ??= { error };
        },
      );
      const tracked = run.finally(() => running.delete(tracked));
      running.add(tracked);
      continue;
    }
    if (running.size === 0) {
      // A failure stops the next builds; a job whose index is missing can never run.
      if (failure !== undefined) throw failure.error;
      throw new Error(
        `Nothing can run: ${pending.map((work) => work.name).join(', ')} wait for missing indexes`,
      );
    }
    await Promise.race(running);
  }
  if (failure !== undefined) throw failure.error;
  timings.wallMs = performance.now() - started;
  return timings;
}

/** Runs `sql` in one transaction without the statement timeout (a build over millions of rows takes long). */
async function inTransaction(db: Database, buildMemory: string | undefined, sql: string): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.exec('SET LOCAL statement_timeout = 0');
    if (buildMemory !== undefined) await tx.exec(`SET LOCAL maintenance_work_mem = '${buildMemory}'`);
    await tx.exec(sql);
  });
}

/**
 * `VACUUM (ANALYZE)` of the freshly loaded promotions and `ANALYZE` of the stores, answering how long it took in
 * milliseconds. Run before the index builds: it marks the pages all-visible (so the covering indexes answer
 * without the table: index-only scans; each build records the count in the table's statistics) and sets the rows'
 * hint bits once, so the builds do not look their transactions up.
 */
export async function vacuumAnalyzePromotions(db: Database): Promise<number> {
  const started = performance.now();
  // VACUUM cannot run in a transaction, so the statement timeout of the connection applies; past it the
  // statistics are still refreshed.
  try {
    await db.exec('VACUUM (ANALYZE) promotions');
  } catch {
    await inTransaction(db, undefined, 'ANALYZE promotions');
  }
  await db.exec('ANALYZE stores');
  return performance.now() - started;
}
