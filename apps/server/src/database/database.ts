/** A row as the database answers it: the selected columns in order. */
export type SqlRow = unknown[];

/** What both back ends (PGlite and PostgreSQL) offer the data source, the seed and the migrations. */
export interface SqlSession {
  /** Runs one parameterized statement (`$1`, `$2`, …) and answers its rows as arrays, columns in select order. */
  query(sql: string, params?: readonly unknown[]): Promise<SqlRow[]>;
  /** Runs one or more statements without parameters (DDL). */
  exec(sql: string): Promise<void>;
  /**
   * `COPY table (columns) FROM STDIN` with `data` in PostgreSQL's text format (a string: tab-separated, `\n` ends
   * a row) or its binary format (bytes).
   */
  copyIn(table: string, columns: readonly string[], data: string | Uint8Array<ArrayBuffer>): Promise<void>;
}

/** An open database: PGlite in a directory or in memory, or PostgreSQL through a connection pool. */
export interface Database extends SqlSession {
  /** `pglite` or `postgres`. */
  readonly kind: DatabaseKind;
  /** Runs `fn` in one transaction on one connection; commits when it resolves, rolls back when it throws. */
  transaction<T>(fn: (session: SqlSession) => Promise<T>): Promise<T>;
  /**
   * The rows of a `SELECT`, `batchRows` at a time, read through a server-side cursor so memory stays
   * constant. Returning from the iteration early closes the cursor. The cursor is planned for reading every row
   * ({@link CURSOR_SETTINGS}), as an export does.
   */
  cursor(sql: string, params: readonly unknown[], batchRows: number): AsyncIterable<SqlRow[]>;
  /**
   * Closes every connection; waits for running statements. Every call made afterwards (and any call the
   * closing cut short) rejects with a {@link DatabaseClosedError}.
   */
  close(): Promise<void>;
}

/** Which engine a {@link Database} runs on. */
export type DatabaseKind = 'pglite' | 'postgres';

/** Options of `openDatabase`. */
export interface OpenDatabaseOptions {
  /** A PostgreSQL connection string; when set, PostgreSQL is used instead of PGlite. @default process.env.DATABASE_URL */
  databaseUrl?: string | undefined;
  /** PGlite's data directory, or `'memory'` for an in-memory database. @default '.promoscale/db' */
  dataDir?: string | undefined;
  /** Every statement is cancelled after this many milliseconds (0: never). @default 15000 */
  statementTimeoutMs?: number | undefined;
  /** PostgreSQL pool size. @default 10 */
  poolSize?: number | undefined;
}

/**
 * Set (`SET LOCAL`) in the transaction of every cursor. PostgreSQL plans a cursor for reading its first tenth
 * (`cursor_tuple_fraction` 0.1): for a filtered, sorted export it walks the sort's index and filters row by row
 * (`category=dairy&sort=-roi` read 1.5 M rows in index order for its 136,000). A cursor here is read to its end,
 * so it is planned for all of its rows: filtered exports ran 1.4-2.9× faster, unfiltered ones kept their plans
 * (docs/server-performance.md, "Export cursors planned for every row").
 */
export const CURSOR_SETTINGS = 'SET LOCAL cursor_tuple_fraction = 1';

/** The default PGlite data directory, relative to the working directory. */
export const DEFAULT_DATA_DIR = '.promoscale/db';
/** The default statement timeout, in milliseconds. */
export const DEFAULT_STATEMENT_TIMEOUT_MS = 15_000;

/**
 * A statement asked of a database that is closed or closing (the server is shutting down): the request that
 * needed it answers 503 `UNAVAILABLE`, and nothing is logged.
 */
export class DatabaseClosedError extends Error {
  override readonly name = 'DatabaseClosedError';
  constructor(options?: { cause?: unknown }) {
    super('The database is closed: the server is shutting down', options);
  }
}
