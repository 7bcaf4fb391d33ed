import { ApiErrorSchema } from '@promoscale/api/schemas';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type PostgresCluster, startPostgresCluster } from '../scripts/postgres-cluster.mjs';
import { type Database, DatabaseClosedError } from '../src/database/database.js';
import { openDatabase } from '../src/database/open-database.js';
import { createServerFetch } from '../src/http/server-fetch.js';
import { seededMemoryDatabase } from './support/seeded-server.js';

/** Asserts the contract's 503 `UNAVAILABLE` saying the server shuts down, with `Retry-After`. */
async function expectShuttingDown(response: Response) {
  expect(response.status).toBe(503);
  expect(response.headers.get('retry-after')).toBe('1');
  const body = ApiErrorSchema.parse(await response.json());
  expect(body.error.code).toBe('UNAVAILABLE');
  expect(body.error.message).toContain('shutting down');
}

/** Asserts every kind of call on a closed `db` rejects with DatabaseClosedError. */
async function expectClosed(db: Database) {
  await expect(db.query('SELECT 1')).rejects.toBeInstanceOf(DatabaseClosedError);
  await expect(db.exec('SELECT 1')).rejects.toBeInstanceOf(DatabaseClosedError);
  await expect(db.transaction((tx) => tx.query('SELECT 1'))).rejects.toBeInstanceOf(DatabaseClosedError);
  const rows = async () => {
    for await (const _ of db.cursor('SELECT 1', [], 10)) {
    }
  };
  await expect(rows()).rejects.toBeInstanceOf(DatabaseClosedError);
  // A second close is harmless.
  await db.close();
}

describe('a request during the shutdown answers 503 UNAVAILABLE and logs nothing', () => {
  let db: Database;
  beforeAll(async () => {
    db = await seededMemoryDatabase();
  }, 60_000);
  afterAll(() => db.close());

  it('when it arrives after the shutdown began (a kept-alive connection, a late client)', async () => {
    const shutdown = new AbortController();
    const errors: unknown[] = [];
    const fetch = createServerFetch({ db, shutdownSignal: shutdown.signal, onError: (e) => errors.push(e) });
    expect((await fetch(new Request('http://x/api/promotions'))).status).toBe(200);
    shutdown.abort();
    await expectShuttingDown(await fetch(new Request('http://x/api/promotions?sort=-roi')));
    await expectShuttingDown(await fetch(new Request('http://x/healthz')));
    expect(errors).toEqual([]);
  });

  it('when the database closes while it runs (past the grace period)', async () => {
    const closing = await seededMemoryDatabase();
    let reached: () => void = () => {};
    const atPromotions = new Promise<void>((resolve) => {
      reached = resolve;
    });
    let resume: () => void = () => {};
    const resumed = new Promise<void>((resolve) => {
      resume = resolve;
    });
    // The first statement on the promotions table waits until the database has been closed, then runs.
    const paused: Database = {
      ...closing,
      query: async (sql, params) => {
        if (sql.includes('FROM promotions')) {
          reached();
          await resumed;
        }
        return closing.query(sql, params);
      },
    };
    const errors: unknown[] = [];
    const shutdown = new AbortController();
    const fetch = createServerFetch({
      db: paused,
      shutdownSignal: shutdown.signal,
      onError: (e) => errors.push(e),
    });
    const pending = fetch(new Request('http://x/api/promotions?category=dairy&sort=-roi'));
    await atPromotions;
    shutdown.abort();
    await closing.close();
    resume();
    await expectShuttingDown(await pending);
    expect(errors).toEqual([]);
    await expectClosed(closing);
  }, 60_000);
});

describe('a closed PostgreSQL database', () => {
  let cluster: PostgresCluster | undefined;
  beforeAll(async () => {
    cluster = await startPostgresCluster();
  }, 120_000);
  afterAll(() => cluster?.stop());

  it('rejects every call with DatabaseClosedError, not pg\'s "Cannot use a pool after calling end"', async (context) => {
    if (!cluster) {
      if (process.env.CI)
        throw new Error('PostgreSQL is not installed (initdb not found): .ci/run installs it');
      return context.skip();
    }
    const db = await openDatabase({ databaseUrl: await cluster.createDatabase('closed') });
    const running = db.query('SELECT pg_sleep(0.2), 1');
    await db.close();
    // A statement already running when close() was called still finishes.
    expect(await running).toEqual([['', 1]]);
    await expectClosed(db);
  }, 60_000);
});
