import { defineContractTests } from '@promoscale/api/contract';
import { afterAll, describe, expect, it } from 'vitest';
import { type PostgresCluster, startPostgresCluster } from '../scripts/postgres-cluster.mjs';
import { fetchVia, TEST_SPEC, useSeededServer } from './support/seeded-server.js';

// CI installs PostgreSQL (.ci/run); elsewhere the suite says it is skipped rather than failing on a missing binary.
describe('server on PostgreSQL', () => {
  let cluster: PostgresCluster | undefined;
  const server = useSeededServer({
    databaseUrl: async () => {
      cluster = await startPostgresCluster();
      if (!cluster) {
        if (process.env.CI)
          throw new Error('PostgreSQL is not installed (initdb not found): .ci/run installs it');
        console.warn('PostgreSQL is not installed here: the PostgreSQL contract suite is skipped');
        return undefined;
      }
      return cluster.createDatabase('contract');
    },
  });
  afterAll(() => cluster?.stop());

  defineContractTests({
    baseUrl: 'http://server.test',
    fetch: fetchVia(server),
    spec: TEST_SPEC,
    describe,
    it: (name, fn, timeout) => it(name, async (context) => (server() ? fn() : context.skip()), timeout),
    expect,
  });
});
