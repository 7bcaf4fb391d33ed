import { defineContractTests } from '@promoscale/api/contract';
import { describe, expect, it } from 'vitest';
import { fetchVia, TEST_SPEC, useSeededServer } from './support/seeded-server.js';

describe('server on PGlite', () => {
  const server = useSeededServer();
  defineContractTests({
    baseUrl: 'http://server.test',
    fetch: fetchVia(server),
    spec: TEST_SPEC,
    describe,
    it,
    expect,
  });
});
