import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { Database, SqlRow, SqlSession } from './database.js';

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

  const poolSession = sessionOf(pool);
  return {
    kind: 'postgres',
    ...poolSession,
    async transaction(fn) {
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
    },
    async *cursor(sql, params, batchRows) {
      const client = await pool.connect();
      let broken = false;
      try {
        await client.query('BEGIN READ ONLY');
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
    },
    async hasExtension(name) {
      const rows = await poolSession.query('SELECT 1 FROM pg_extension WHERE extname = $1', [name]);
      return rows.length > 0;
    },
    async close() {
      await pool.end();
    },
  };
}
