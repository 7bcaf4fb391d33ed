import { afterAll, describe, expect, it } from 'vitest';
import { defineContractTests } from '../src/contract/index.js';
import { createApiHandler, createGeneratedSource } from '../src/index.js';

const spec = { seed: 42, stores: 40, templates: 'MIXED' } as const;
const unexpected: unknown[] = [];
const handler = createApiHandler({
  source: createGeneratedSource(spec),
  onError: (error) => unexpected.push(error),
});

defineContractTests({
  baseUrl: 'http://promoscale.test',
  fetch: (url, init) => handler.fetch(new Request(url, init)),
  spec,
  describe,
  it,
  expect,
});

afterAll(() => {
  // No request of the suite may reach the 500 path.
  expect(unexpected).toEqual([]);
});
