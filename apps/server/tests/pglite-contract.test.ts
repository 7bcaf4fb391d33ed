import { defineContractTests } from '@promoscale/api/contract';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetchVia, type SeededServer, startSeededServer, TEST_SPEC } from './support/seeded-server.js';

describe('server on PGlite', () => {
  let running: SeededServer | undefined;
  beforeAll(async () => {
    running = await startSeededServer();
  }, 60_000);
  afterAll(async () => {
    await running?.server.close();
    // No request of the suite may reach the 500 path.
    expect(running?.errors).toEqual([]);
  });

  defineContractTests({
    baseUrl: 'http://server.test',
    fetch: fetchVia(() => running?.server),
    spec: TEST_SPEC,
    describe,
    it,
    expect,
  });
});
