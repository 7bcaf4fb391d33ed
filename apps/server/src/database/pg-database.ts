import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import {
  CURSOR_SETTINGS,
  type Database,
  DatabaseClosedError,
  type SqlRow,
  type SqlSession,
} from './database.js';

/** Keep int8 (`count(*)`, sums) as strings: callers convert what they read with `Number`. */
const ARRAY_ROWS = 'array' as const;

function sessionOf(client: pg.PoolClient | pg.Pool): SqlSession {
  return {
    async query(sql, params = []) {
      const result = await client.query<SqlRow>({
        text: sql,
        values: params as unknown[],
        rowMode: ARRAY_ROWS,
      });
      return result.rows;
    },
    async exec(sql) {
      await client.query(sql);
    },
    async copyIn(table, columns, data) {
      const connection = client instanceof pg.Pool ? await client.connect() : client;
      try {
        await new Promise<void>((resolve, reject) => {
          const format = typeof data === 'string' ? '' : ' WITH (FORMAT binary)';
          const stream = connection.query(
            copyFrom(`COPY ${table} (${columns.join(', ')}) FROM STDIN${format}`),
          );
          stream.on('error', reject);
          stream.on('finish', () => resolve());
          stream.end(data);
        });
      } finally {
        if (connection !== client) (connection as pg.PoolClient).release();
      }
    },
  };
}

/** PostgreSQL through a `pg` connection pool as a {@link Database}; every connection gets the statement timeout. */
export async function openPgDatabase(
  connectionString: string,
  statementTimeoutMs: number,
  poolSize: number,
): Promise<Database> {
  const pool = new pg.Pool({
    connectionString,
    max: poolSize,
    statement_timeout: statementTimeoutMs,
    // Under a burst, a request waits for a free connection up to the request deadline rather than failing early.
    connectionTimeoutMillis: 30_000,
    idleTimeoutMillis: 30_000,
  });
  // An idle client that loses its connection emits 'error' on the pool; without a listener the process exits.
  pool.on('error', () => {});
  // Fail at start, not on the first request, when the database cannot be reached.
  const probe = await pool.connect();
  probe.release();

  // After close() every call rejects with DatabaseClosedError, never pg's "Cannot use a pool after calling end
  // on the pool"; so does a call that the closing cut short. Calls made before close() finish first: ending the
  // pool under a call still waiting for a connection would leave it waiting until the connection timeout.
  let closed = false;
  const running = new Set<Promise<unknown>>();
  let ending: Promise<void> = Promise.resolve();
  const guard = async <T>(fn: () => Promise<T>): Promise<T> => {
    if (closed) throw new DatabaseClosedError();
    const call = fn();
    running.add(call);
    try {
      return await call;
    } catch (error) {
      throw closed ? new DatabaseClosedError({ cause: error }) : error;
    } finally {
      running.delete(call);
    }
  };
  const unguarded = sessionOf(pool);
  const poolSession: SqlSession = {
    query: (sql, params) => guard(() => unguarded.query(sql, params)),
    exec: (sql) => guard(() => unguarded.exec(sql)),
    copyIn: (table, columns, data) => guard(() => unguarded.copyIn(table, columns, data)),
  };
  return {
    kind: 'postgres',
    ...poolSession,
    transaction: (fn) => guard(() => transaction(fn)),
    async *cursor(sql, params, batchRows) {
      if (closed) throw new DatabaseClosedError();
      try {
        yield* cursor(sql, params, batchRows);
      } catch (error) {
        throw closed ? new DatabaseClosedError({ cause: error }) : error;
      }
    },
    close() {
      if (!closed) {
        closed = true;
        ending = Promise.allSettled([...running]).then(() => pool.end());
      }
      return ending;
    },
  };

  async function transaction<T>(fn: (session: SqlSession) => Promise<T>): Promise<T> {
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      const result = await fn(sessionOf(client));
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => {});
      throw error;
    } finally {
      client.release();
    }
  }

  async function* cursor(sql: string, params: readonly unknown[], batchRows: number) {
    const client = await pool.connect();
    let broken = false;
    try {
      await client.query(`BEGIN READ ONLY; ${CURSOR_SETTINGS}`);
      await client.query({
        text: `DECLARE promoscale_cursor NO SCROLL CURSOR FOR ${sql}`,
        values: [...params],
      });
      while (true) {
        const { rows } = await client.query<SqlRow>({
          text: `FETCH ${batchRows} FROM promoscale_cursor`,
          rowMode: ARRAY_ROWS,
        });
        if (rows.length > 0) yield rows;
        if (rows.length < batchRows) break;
      }
    } catch (error) {
      broken = true;
      throw error;
    } finally {
      // Ending the transaction closes the cursor; a client whose statement failed is dropped from the pool.
      const ended = await client.query('ROLLBACK').then(
        () => true,
        () => false,
      );
      client.release(broken && !ended);
    }
  }
}
