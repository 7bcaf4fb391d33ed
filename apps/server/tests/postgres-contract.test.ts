import { defineContractTests } from '@promoscale/api/contract';
import { ApiErrorSchema } from '@promoscale/api/schemas';
import { afterAll, describe, expect, it } from 'vitest';
import { type PostgresCluster, startPostgresCluster } from '../scripts/postgres-cluster.mjs';
import type { Database } from '../src/database/database.js';
import { PROMOTION_INDEXES } from '../src/database/indexes.js';
import { openDatabase } from '../src/database/open-database.js';
import { createServerFetch } from '../src/http/server-fetch.js';
import { expectCursorsPlannedForEveryRow } from './support/cursor-plan.js';
import { fetchVia, TEST_SPEC, useSeededServer } from './support/seeded-server.js';

// CI installs PostgreSQL (.ci/run); elsewhere the suite says it is skipped rather than failing on a missing binary.
describe('server on PostgreSQL', () => {
  let cluster: PostgresCluster | undefined;
  let databaseUrl: string | undefined;
  const server = useSeededServer({
    databaseUrl: async () => {
      cluster = await startPostgresCluster();
      if (!cluster) {
        if (process.env.CI)
          throw new Error('PostgreSQL is not installed (initdb not found): .ci/run installs it');
        console.warn('PostgreSQL is not installed here: the PostgreSQL contract suite is skipped');
        return undefined;
      }
      databaseUrl = await cluster.createDatabase('contract');
      return databaseUrl;
    },
  });
  afterAll(() => cluster?.stop());

  it('answers 503 UNAVAILABLE when PostgreSQL cancels a statement at the statement timeout', async (context) => {
    if (databaseUrl === undefined) return context.skip();
    const db = await openDatabase({ databaseUrl, statementTimeoutMs: 50 });
    try {
      // Every statement on the promotions table sleeps first: PostgreSQL cancels it (SQLSTATE 57014).
      const slow: Database = {
        ...db,
        query: async (sql, params) => {
          if (sql.includes('FROM promotions')) await db.query('SELECT pg_sleep(30)');
          return db.query(sql, params);
        },
      };
      const errors: unknown[] = [];
      const fetch = createServerFetch({ db: slow, onError: (error) => errors.push(error) });
      const response = await fetch(new Request('http://x/api/promotions?sort=-roi'));
      expect(response.status).toBe(503);
      expect(response.headers.get('retry-after')).toBe('1');
      const text = await response.text();
      expect(ApiErrorSchema.parse(JSON.parse(text)).error.code).toBe('UNAVAILABLE');
      expect(text).not.toMatch(/sleep|SELECT|statement timeout/);
      expect(errors).toHaveLength(1);
    } finally {
      await db.close();
    }
  }, 30_000);

  it('plans export cursors for reading every row; other statements keep the default plan', async (context) => {
    if (databaseUrl === undefined) return context.skip();
    const db = await openDatabase({ databaseUrl });
    try {
      await expectCursorsPlannedForEveryRow(db);
    } finally {
      await db.close();
    }
  });

  it('leaves every index built and every page of the promotions all-visible after the seed (index-only scans)', async (context) => {
    if (databaseUrl === undefined) return context.skip();
    const db = await openDatabase({ databaseUrl });
    try {
      const indexes = await db.query(
        "SELECT indexname FROM pg_indexes WHERE tablename = 'promotions' AND indexname <> 'promotions_pkey' ORDER BY 1",
      );
      expect(indexes.map((row) => row[0])).toEqual(PROMOTION_INDEXES.map((index) => index.name).sort());
      const [[pages, allVisible]] = (await db.query(
        "SELECT relpages, relallvisible FROM pg_class WHERE relname = 'promotions'",
      )) as [[number, number]];
      expect(pages).toBeGreaterThan(0);
      // Seen failing once in a full local run (2026-12-04, not reproduced in 5 loaded runs of this file nor in 40
      // seeds under load with autovacuum every second): a failure now says which vacuum ran last, and when.
      const vacuums = await db.query(
        `SELECT last_vacuum, last_autovacuum, last_analyze, last_autoanalyze, n_mod_since_analyze
         FROM pg_stat_user_tables WHERE relname = 'promotions'`,
      );
      expect(allVisible, `all-visible pages of ${pages}; vacuums: ${JSON.stringify(vacuums)}`).toBe(pages);
    } finally {
      await db.close();
    }
  });

  defineContractTests({
    baseUrl: 'http://server.test',
    fetch: fetchVia(server),
    spec: TEST_SPEC,
    describe,
    it: (name, fn, timeout) => it(name, async (context) => (server() ? fn() : context.skip()), timeout),
    expect,
  });
});
