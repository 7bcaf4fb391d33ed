import type { Database } from './database.js';
import { MIGRATIONS } from './migrations.js';

/** Key of the advisory lock that keeps two replicas starting at once from migrating together. */
const MIGRATION_LOCK = 74_310_012;

/**
 * Applies the migrations the database has not seen yet, in one transaction under an advisory lock, and
 * records them in `promoscale_migrations`.
 */
export async function migrate(db: Database): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    // A migration may scan a seeded table (migration 3 fills its summary tables from 1.5 M promotions): longer
    // than a query may take.
    await tx.exec('SET LOCAL statement_timeout = 0');
    await tx.exec(
      'CREATE TABLE IF NOT EXISTS promoscale_migrations (version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())',
    );
    const applied = new Set(
      (await tx.query('SELECT version FROM promoscale_migrations')).map((row) => row[0]),
    );
    for (const migration of MIGRATIONS) {
      if (applied.has(migration.version)) continue;
      await tx.exec(migration.sql);
      await tx.query('INSERT INTO promoscale_migrations (version, name) VALUES ($1, $2)', [
        migration.version,
        migration.name,
      ]);
    }
  });
}
