import { defineContractTests } from '@promoscale/api/contract';
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHandlers } from '../src/index.js';

// The api's contract suite, run against the MSW handlers in Node: the same answers as the real server, and pages
// equal to a plain filter/sort/slice over processBatch output (its random-query section).
const spec = { seed: 42, stores: 40, templates: 'MIXED', asOf: '2026-06-01' } as const;
const server = setupServer(...createHandlers({ dataset: spec, origin: 'http://localhost' }));

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => server.close());

defineContractTests({ baseUrl: 'http://localhost', spec, describe, it, expect });
