import { PromoscaleError } from '@promoscale/generator';
import {
  type Database,
  DEFAULT_DATA_DIR,
  DEFAULT_STATEMENT_TIMEOUT_MS,
  type OpenDatabaseOptions,
} from './database.js';
import { migrate } from './migrate.js';
import { openPgDatabase } from './pg-database.js';
import { openPgliteDatabase } from './pglite-database.js';

/**
 * Opens the database the server and the seed use and applies the migrations: PostgreSQL when `databaseUrl`
 * (or `DATABASE_URL`) is set, otherwise PGlite in `dataDir` (`'memory'`: in memory).
 *
 * @example
 * const db = await openDatabase({ dataDir: 'memory' });
 * await db.close();
 */
export async function openDatabase(options: OpenDatabaseOptions = {}): Promise<Database> {
  const databaseUrl = options.databaseUrl ?? process.env.DATABASE_URL ?? undefined;
  const statementTimeoutMs = options.statementTimeoutMs ?? DEFAULT_STATEMENT_TIMEOUT_MS;
  if (!Number.isSafeInteger(statementTimeoutMs) || statementTimeoutMs < 0) {
    throw new PromoscaleError(
      'INVALID_OPTION',
      'statementTimeoutMs',
      statementTimeoutMs,
      'an integer number of milliseconds ≥ 0',
    );
  }
  const poolSize = options.poolSize ?? 10;
  if (!Number.isSafeInteger(poolSize) || poolSize < 1 || poolSize > 1000) {
    throw new PromoscaleError('INVALID_OPTION', 'poolSize', poolSize, 'an integer from 1 to 1000');
  }
  const db =
    databaseUrl !== undefined && databaseUrl !== ''
      ? await openPgDatabase(databaseUrl, statementTimeoutMs, poolSize)
      : await openPgliteDatabase(options.dataDir ?? DEFAULT_DATA_DIR, statementTimeoutMs);
  try {
    await migrate(db);
  } catch (error) {
    await db.close().catch(() => {});
    throw error;
  }
  return db;
}
