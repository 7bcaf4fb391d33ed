import { defineContractTests } from '@promoscale/api/contract';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type PostgresCluster, startPostgresCluster } from './support/postgres-cluster.js';
import { fetchVia, type SeededServer, startSeededServer, TEST_SPEC } from './support/seeded-server.js';

// CI installs PostgreSQL (.ci/run); elsewhere the suite says it is skipped rather than failing on a missing binary.
describe('server on PostgreSQL', () => {
  let cluster: PostgresCluster | undefined;
  let running: SeededServer | undefined;
  beforeAll(async () => {
    cluster = await startPostgresCluster();
    if (!cluster) {
      if (process.env.CI)
        throw new Error('PostgreSQL is not installed (initdb not found): .ci/run installs it');
      console.warn('PostgreSQL is not installed here: the PostgreSQL contract suite is skipped');
      return;
    }
    running = await startSeededServer(TEST_SPEC, await cluster.createDatabase('contract'));
  }, 120_000);
  afterAll(async () => {
    await running?.server.close();
    cluster?.stop();
    expect(running?.errors ?? []).toEqual([]);
  });

  defineContractTests({
    baseUrl: 'http://server.test',
    fetch: fetchVia(() => running?.server),
    spec: TEST_SPEC,
    describe,
    it: (name, fn, timeout) => it(name, async (context) => (running ? fn() : context.skip()), timeout),
    expect,
  });
});
