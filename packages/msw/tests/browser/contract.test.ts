import { defineContractTests } from '@promoscale/api/contract';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupPromoscaleWorker } from '../../src/browser.js';

// The api's contract suite against the Service Worker in Chromium: the same answers as in Node and the server.
const spec = { seed: 42, stores: 40, templates: 'MIXED', asOf: '2026-06-01' } as const;
const worker = setupPromoscaleWorker({ dataset: spec });

beforeAll(async () => {
  await worker.start({ quiet: true, onUnhandledRequest: 'bypass' });
});
afterAll(() => worker.stop());

defineContractTests({ baseUrl: location.origin, spec, describe, it, expect });
