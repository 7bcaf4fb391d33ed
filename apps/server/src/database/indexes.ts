import type { Database } from './database.js';

/** A secondary index of the promotions table: built after a seed's bulk load, dropped before it. */
export interface IndexDefinition {
  readonly name: string;
  /** The indexed expression, e.g. `(store_id)` or `USING gin (search gin_trgm_ops)`. */
  readonly definition: string;
  /** An extension the index needs; skipped where the database does not have it. */
  readonly extension?: string;
}

/**
 * The indexes kept because they pay (docs/decisions/0009-server-on-sql.md has the measurements): the trigram index of the `q` search where `pg_trgm` is installed, the `sku`,
 * `category` and `brand` filters, and the `roi` sort. Others (`revenue`, `startDate`) were measured and left out.
 */
export const PROMOTION_INDEXES: readonly IndexDefinition[] = [
  { name: 'promotions_search_trgm', definition: 'USING gin (search gin_trgm_ops)', extension: 'pg_trgm' },
  { name: 'promotions_sku', definition: '(sku)' },
  { name: 'promotions_category', definition: '(category)' },
  { name: 'promotions_brand', definition: '(brand)' },
  { name: 'promotions_roi', definition: '(roi)' },
];

/** Drops the promotions' secondary indexes (a bulk load then writes only the table and its primary key). */
export async function dropPromotionIndexes(db: Database, indexes = PROMOTION_INDEXES): Promise<void> {
  for (const index of indexes) await db.exec(`DROP INDEX IF EXISTS ${index.name}`);
}

/** Builds the promotions' secondary indexes that are missing, then refreshes the planner's statistics. */
export async function createPromotionIndexes(db: Database, indexes = PROMOTION_INDEXES): Promise<void> {
  for (const index of indexes) {
    if (index.extension !== undefined && !(await db.hasExtension(index.extension))) continue;
    await db.transaction(async (tx) => {
      // Building an index over millions of rows can take longer than a query may.
      await tx.exec('SET LOCAL statement_timeout = 0');
      await tx.exec(`CREATE INDEX IF NOT EXISTS ${index.name} ON promotions ${index.definition}`);
    });
  }
  await db.transaction(async (tx) => {
    await tx.exec('SET LOCAL statement_timeout = 0');
    await tx.exec('ANALYZE promotions; ANALYZE stores');
  });
}
