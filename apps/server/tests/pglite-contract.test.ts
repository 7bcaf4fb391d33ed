import { defineContractTests } from '@promoscale/api/contract';
import { describe, expect, it } from 'vitest';
import { fetchVia, TEST_SPEC, useSeededServer } from './support/seeded-server.js';

describe('server on PGlite', () => {
  const server = useSeededServer();
  defineContractTests({
    baseUrl: 'http://server.test',
    fetch: fetchVia(server),
    spec: TEST_SPEC,
    // PGlite answers every statement on one connection in this thread: the suite's 66 sorted queries took over
    // the default 60 s per test on the shared 2-core machine (load average 25), where PostgreSQL took 40 s.
    timeoutMs: 180_000,
    describe,
    it,
    expect,
  });
});
