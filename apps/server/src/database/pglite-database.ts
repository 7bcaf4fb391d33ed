import { mkdir } from 'node:fs/promises';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import {
  CURSOR_SETTINGS,
  type Database,
  DatabaseClosedError,
  type SqlRow,
  type SqlSession,
} from './database.js';

const ARRAY_ROWS = { rowMode: 'array' } as const;

/** The COPY option of the data: binary for bytes, text (the default) for a string. */
const copyFormat = (data: string | Uint8Array<ArrayBuffer>) =>
  typeof data === 'string' ? '' : ' WITH (FORMAT binary)';

/**
 * PGlite (PostgreSQL compiled to WASM, one connection) as a {@link Database}. Statements run one at a time.
 * Cursors need a transaction, and PGlite has one connection: while an export's cursor is open, the
 * connection stays in one read-only transaction shared by every cursor, and each other statement runs inside a
 * savepoint, so a failing statement (a timeout) cannot abort the cursors' transaction.
 */
export async function openPgliteDatabase(dataDir: string, statementTimeoutMs: number): Promise<Database> {
  if (dataDir !== 'memory') await mkdir(dataDir, { recursive: true });
  const db = await PGlite.create({
    ...(dataDir === 'memory' ? {} : { dataDir }),
    // No index uses pg_trgm any more, but a data directory seeded by an earlier version holds its trigram index
    // (dropped by the next seed) and the extension: PGlite must load it to open such a directory's catalog.
    extensions: { pg_trgm },
  });
  await db.exec(`SET statement_timeout = ${Math.trunc(statementTimeoutMs)}`);

  let queue: Promise<unknown> = Promise.resolve();
  // Set by close(): calls made afterwards reject with DatabaseClosedError (calls queued before it still run).
  let closing: Promise<void> | undefined;
  // Runs `fn` alone on the connection: statements that must follow each other are not interleaved.
  const exclusive = <T>(fn: () => Promise<T>): Promise<T> => {
    if (closing !== undefined) return Promise.reject(new DatabaseClosedError());
    const run = queue.then(fn, fn);
    queue = run.catch(() => {});
    return run;
  };
  let openCursors = 0;
  let cursorCount = 0;

  const rawQuery = async (sql: string, params: readonly unknown[] = []): Promise<SqlRow[]> =>
    (await db.query<SqlRow>(sql, params as unknown[], ARRAY_ROWS)).rows;
  const isolated = async <T>(fn: () => Promise<T>): Promise<T> => {
    if (openCursors === 0) return fn();
    await db.exec('SAVEPOINT promoscale_statement');
    try {
      const result = await fn();
      await db.exec('RELEASE SAVEPOINT promoscale_statement');
      return result;
    } catch (error) {
      await db.exec('ROLLBACK TO SAVEPOINT promoscale_statement; RELEASE SAVEPOINT promoscale_statement');
      throw error;
    }
  };

  const session: SqlSession = {
    query: (sql, params) => exclusive(() => isolated(() => rawQuery(sql, params))),
    exec: (sql) => exclusive(() => isolated(() => db.exec(sql).then(() => {}))),
    copyIn: (table, columns, data) =>
      exclusive(() =>
        isolated(async () => {
          await db.query(`COPY ${table} (${columns.join(', ')}) FROM '/dev/blob'${copyFormat(data)}`, [], {
            blob: new Blob([data]),
          });
        }),
      ),
  };

  return {
    kind: 'pglite',
    ...session,
    transaction: <T>(fn: (tx: SqlSession) => Promise<T>) =>
      exclusive(() => {
        if (openCursors > 0)
          throw new Error('PGlite: a write transaction cannot run while an export is open');
        return db.transaction((tx) =>
          fn({
            query: async (sql, params) => (await tx.query<SqlRow>(sql, params as unknown[], ARRAY_ROWS)).rows,
            exec: async (sql) => {
              await tx.exec(sql);
            },
            copyIn: async (table, columns, data) => {
              await tx.query(
                `COPY ${table} (${columns.join(', ')}) FROM '/dev/blob'${copyFormat(data)}`,
                [],
                {
                  blob: new Blob([data]),
                },
              );
            },
          }),
        );
      }),
    async *cursor(sql, params, batchRows) {
      const name = `promoscale_cursor_${++cursorCount}`;
      const release = async () => {
        openCursors -= 1;
        if (openCursors === 0) await db.exec('COMMIT');
      };
      await exclusive(async () => {
        if (openCursors === 0) await db.exec(`BEGIN READ ONLY; ${CURSOR_SETTINGS}`);
        openCursors += 1;
        try {
          await isolated(() => db.query(`DECLARE ${name} NO SCROLL CURSOR FOR ${sql}`, params as unknown[]));
        } catch (error) {
          await release();
          throw error;
        }
      });
      let declared = true;
      try {
        while (true) {
          const rows = await exclusive(() => isolated(() => rawQuery(`FETCH ${batchRows} FROM ${name}`)));
          if (rows.length > 0) yield rows;
          if (rows.length < batchRows) break;
        }
      } finally {
        if (declared) {
          declared = false;
          // After close() there is nothing left to close (it rolled the cursors' transaction back).
          await exclusive(async () => {
            await isolated(() => db.exec(`CLOSE ${name}`)).catch(() => {});
            await release();
          }).catch((error: unknown) => {
            if (!(error instanceof DatabaseClosedError)) throw error;
          });
        }
      }
    },
    close() {
      closing ??= (async () => {
        await queue;
        if (openCursors > 0) {
          openCursors = 0;
          await db.exec('ROLLBACK').catch(() => {});
        }
        await db.close();
      })();
      return closing;
    },
  };
}
