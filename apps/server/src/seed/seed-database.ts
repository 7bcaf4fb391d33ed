import { setImmediate } from 'node:timers/promises';
import {
  type DatasetSpec,
  normalizeSpec,
  PROMOTIONS_PER_STORE,
  PromoscaleError,
} from '@promoscale/generator';
import { createContext } from '@promoscale/generator/internal';
import type { Database } from '../database/database.js';
import {
  createPromotionIndexes,
  dropPromotionIndexes,
  execWithoutTimeout,
  runAtOnce,
  vacuumAnalyzePromotions,
} from '../database/indexes.js';
import { REFRESH_SUMMARY_COUNTS, refreshSortMarksOf, SORT_MARK_COLUMNS } from '../database/migrations.js';
import { BatchWriter } from './batch-writer.js';
import { PROMOTION_COPY_COLUMNS, STORE_COPY_COLUMNS } from './copy-text.js';
import { readDataset } from './dataset-state.js';
import { SeedCounts } from './seed-counts.js';

/** Options of {@link seedDatabase}. */
export interface SeedOptions {
  /** Replace a dataset of another spec; without it such a seed is refused. @default false */
  replace?: boolean | undefined;
  /** Stores written per COPY batch (one transaction each). @default 500 */
  batchStores?: number | undefined;
  /**
   * Batches written at once, each on its own connection (PostgreSQL; PGlite has one connection and writes one at
   * a time). Their transactions commit in batch order, so the count of stores loaded always covers exactly the
   * rows committed. @default 2 on PostgreSQL, 1 on PGlite
   */
  batchesInFlight?: number | undefined;
  /**
   * Index builds run at once after the load, each on its own connection (PostgreSQL; PGlite builds one at a
   * time); the sort marks of the two marked columns are read at once the same way. @default 2 on PostgreSQL, 1
   * on PGlite
   */
  buildsInFlight?: number | undefined;
  /** Called after each batch and when the indexes are built. */
  onProgress?: ((progress: SeedProgress) => void) | undefined;
  /**
   * Called as each step of a seed that writes starts, and with `done` after the last (the bench takes its CPU
   * account of each step here). Not called for an `unchanged` outcome.
   */
  onStep?: ((step: SeedStep) => void) | undefined;
  /** Stops the seed between two batches (the batches written stay; the next run resumes). */
  signal?: AbortSignal | undefined;
}

/** Where a seed is. */
export interface SeedProgress {
  phase: 'load' | 'index';
  storesLoaded: number;
  storeCount: number;
}

/** The steps of a seed, in order: {@link SeedTimings} has the time of each. */
export type SeedStep = 'copy' | 'indexes' | 'vacuum' | 'sort marks' | 'done';

/** What {@link seedDatabase} did. */
export interface SeedResult {
  /** `unchanged`: the same spec was already complete; `resumed`: an interrupted seed of it was finished. */
  outcome: 'seeded' | 'resumed' | 'unchanged';
  storeCount: number;
  promotionCount: number;
  /** Stores written by this run. */
  storesWritten: number;
  /** Where this run's time went, in milliseconds (all zero for `unchanged`). */
  timings: SeedTimings;
}

/** The parts of a seed, in milliseconds: what a bulk-load figure includes. */
export interface SeedTimings {
  /** Generating, formatting and COPYing the rows, batch transactions committed (tables and primary keys). */
  copyMs: number;
  /** Each secondary index built after the load, in the order the builds ended (`buildsInFlight` overlap). */
  indexes: { name: string; ms: number }[];
  /** The index builds, from the first start to the last end. */
  indexPhaseMs: number;
  /** `VACUUM (ANALYZE)` of the promotions, `ANALYZE` of the stores (after the indexes). */
  vacuumAnalyzeMs: number;
  /** The sort marks of each marked column, read from its covering index (`buildsInFlight` at once). */
  sortMarks: { name: string; ms: number }[];
  /**
   * The sort marks, then writing the counts, value counts and search parts and marking the dataset complete.
   * The counts are summed while the rows stream when this run wrote every row; a resumed run counts the table in
   * the database.
   */
  countsMs: number;
}

/**
 * Streams the generator's dataset for `spec` into the database with COPY, `batchStores` stores a
 * transaction, in constant memory. Each batch commits with the count of stores loaded, and the dataset is
 * marked complete only after the last batch and the indexes: a seed stopped half-way (signal, crash, kill)
 * leaves a dataset that is not marked complete (the server refuses it), and the next seed of the same spec
 * resumes after the last committed batch. The same spec twice leaves the same rows (the second run does
 * nothing); another spec is refused with a `PromoscaleError` (`INVALID_OPTION`, field `spec`) unless
 * `replace` is set.
 *
 * @example
 * const db = await openDatabase({ dataDir: '.promoscale/db' });
 * await seedDatabase(db, { seed: 42, stores: 5000, templates: 'MIXED' });
 */
export async function seedDatabase(
  db: Database,
  spec: DatasetSpec,
  options: SeedOptions = {},
): Promise<SeedResult> {
  const normalized = normalizeSpec(spec);
  const batchStores = options.batchStores ?? 500;
  if (!Number.isSafeInteger(batchStores) || batchStores < 1 || batchStores > 10_000) {
    throw new PromoscaleError('INVALID_OPTION', 'batchStores', batchStores, 'an integer from 1 to 10000');
  }
  const inFlight = options.batchesInFlight ?? (db.kind === 'postgres' ? 2 : 1);
  if (!Number.isSafeInteger(inFlight) || inFlight < 1 || inFlight > 8) {
    throw new PromoscaleError('INVALID_OPTION', 'batchesInFlight', inFlight, 'an integer from 1 to 8');
  }
  const buildsInFlight = options.buildsInFlight ?? (db.kind === 'postgres' ? 2 : 1);
  if (!Number.isSafeInteger(buildsInFlight) || buildsInFlight < 1 || buildsInFlight > 8) {
    throw new PromoscaleError('INVALID_OPTION', 'buildsInFlight', buildsInFlight, 'an integer from 1 to 8');
  }
  const specKey = JSON.stringify(normalized);
  const storeCount = normalized.stores;
  const promotionCount = storeCount * PROMOTIONS_PER_STORE;
  const timings: SeedTimings = {
    copyMs: 0,
    indexes: [],
    indexPhaseMs: 0,
    vacuumAnalyzeMs: 0,
    sortMarks: [],
    countsMs: 0,
  };
  const result = (outcome: SeedResult['outcome'], storesWritten: number): SeedResult => ({
    outcome,
    storeCount,
    promotionCount,
    storesWritten,
    timings,
  });

  const state = await readDataset(db);
  if (state && state.specKey !== specKey && options.replace !== true) {
    throw new PromoscaleError(
      'INVALID_OPTION',
      'spec',
      normalized,
      `the spec already in the database (${state.specKey}) unless --replace is given`,
      state.complete
        ? 'a complete dataset of another spec is seeded'
        : 'an unfinished seed of another spec is there',
    );
  }
  if (state?.specKey === specKey && state.complete) return result('unchanged', 0);

  let loaded = 0;
  if (state?.specKey === specKey) {
    // Resume: rows past the last committed batch cannot exist (a batch commits with its count), but a
    // half-finished run of an older version might have left some; remove them.
    loaded = state.storesLoaded;
    await db.transaction(async (tx) => {
      await tx.query('DELETE FROM promotions WHERE store_number > $1', [loaded]);
      await tx.query('DELETE FROM stores WHERE store_number > $1', [loaded]);
    });
  } else {
    await db.transaction(async (tx) => {
      await tx.exec('SET LOCAL statement_timeout = 0');
      await tx.exec('TRUNCATE promotions, stores, promotion_counts');
      await tx.query(
        `INSERT INTO promoscale_dataset (id, spec, store_count, promotion_count, stores_loaded, complete)
         VALUES (1, $1, $2, $3, 0, false)
         ON CONFLICT (id) DO UPDATE SET spec = $1, store_count = $2, promotion_count = $3, stores_loaded = 0, complete = false`,
        [specKey, storeCount, promotionCount],
      );
    });
  }
  const resumed = loaded > 0;
  await dropPromotionIndexes(db);

  const startLoaded = loaded;
  // Summed while the rows stream, when this run writes every row (a resumed run counts in the database).
  const counts = loaded === 0 ? new SeedCounts() : undefined;
  options.onStep?.('copy');
  const copyStarted = performance.now();
  if (loaded < storeCount) {
    // Generated and formatted a few stores at a time, with a turn of the event loop between slices: the COPY
    // data of the batches in flight keeps flowing to PostgreSQL (and their next statements go out) while the next
    // batch is being made. One batch made in a single synchronous run would leave PostgreSQL waiting for it.
    const ctx = createContext(normalized.templates, { seed: normalized.seed, asOf: normalized.asOf });
    const slice = sliceStores(batchStores);
    // While PostgreSQL ingests `inFlight` batches (each on its own connection), the next is generated and
    // formatted: at most `inFlight + 1` batches in memory. A batch copies its rows at once but commits only after
    // the batch before it committed, and rolls back when that one failed: a crash or a stop never leaves a
    // committed batch after one that is missing, so `stores_loaded` is exact and the next run resumes there.
    const writes: Promise<void>[] = [];
    let previous: Promise<void> = Promise.resolve();
    try {
      let batch: BatchWriter | undefined;
      for (let first = loaded + 1; first <= storeCount; first += slice) {
        const chunk = { startStore: first, endStore: Math.min(storeCount, first + slice - 1) };
        // PGlite answers on microtasks only: without a macrotask turn, signal handlers (Ctrl-C) never run.
        await setImmediate();
        options.signal?.throwIfAborted();
        batch ??= new BatchWriter(batchStores, counts);
        batch.addStores(ctx, chunk.startStore, chunk.endStore);
        if ((chunk.endStore - startLoaded) % batchStores !== 0 && chunk.endStore < storeCount) continue;
        const { stores, promotions } = batch.finish();
        batch = undefined;
        if (writes.length >= inFlight) await writes.shift();
        options.signal?.throwIfAborted();
        const endStore = chunk.endStore;
        const before = previous;
        const writing = db
          .transaction(async (tx) => {
            // No waiting for the WAL flush at each batch: a crash loses at most the last batches, and their
            // count of stores loaded with them, so the next run redoes exactly those.
            await tx.exec('SET LOCAL statement_timeout = 0; SET LOCAL synchronous_commit = off');
            await tx.copyIn('stores', STORE_COPY_COLUMNS, stores);
            await tx.copyIn('promotions', PROMOTION_COPY_COLUMNS, promotions);
            await before;
            await tx.query('UPDATE promoscale_dataset SET stores_loaded = $1 WHERE id = 1', [endStore]);
          })
          .then(() => {
            loaded = endStore;
            options.onProgress?.({ phase: 'load', storesLoaded: loaded, storeCount });
          });
        // Handled here so a failure while the next batch is formatted is not an unhandled rejection; the
        // `await` of it below (or the next batch's) still throws it.
        writing.catch(() => {});
        writes.push(writing);
        previous = writing;
      }
    } finally {
      // Batches under way commit or roll back before the seed returns or throws.
      await Promise.allSettled(writes);
    }
    await Promise.all(writes);
  }
  timings.copyMs = performance.now() - copyStarted;
  options.signal?.throwIfAborted();
  options.onProgress?.({ phase: 'index', storesLoaded: loaded, storeCount });
  options.onStep?.('indexes');
  const built = await createPromotionIndexes(db, { inFlight: buildsInFlight });
  timings.indexes = built.indexes;
  timings.indexPhaseMs = built.wallMs;
  options.onStep?.('vacuum');
  timings.vacuumAnalyzeMs = await vacuumAnalyzePromotions(db);
  options.onStep?.('sort marks');
  const countsStarted = performance.now();
  // Each read from its column's covering index by an index-only scan (VACUUM marked the pages all-visible).
  await runAtOnce(SORT_MARK_COLUMNS, buildsInFlight, async (column) => {
    const started = performance.now();
    await execWithoutTimeout(db, refreshSortMarksOf(column));
    timings.sortMarks.push({ name: `sort marks ${column}`, ms: performance.now() - started });
  });
  await db.transaction(async (tx) => {
    await tx.exec('SET LOCAL statement_timeout = 0');
    if (counts === undefined) await tx.exec(REFRESH_SUMMARY_COUNTS);
    else await counts.write(tx);
    await tx.query('UPDATE promoscale_dataset SET complete = true WHERE id = 1');
  });
  timings.countsMs = performance.now() - countsStarted;
  options.onStep?.('done');
  return result(resumed ? 'resumed' : 'seeded', loaded - startLoaded);
}

/** Stores generated at a time: at most 25, and a divisor of `batchStores` so slices never straddle two batches. */
function sliceStores(batchStores: number): number {
  for (let stores = Math.min(25, batchStores); stores > 1; stores--) {
    if (batchStores % stores === 0) return stores;
  }
  return 1;
}
