import { defineContractTests } from '@promoscale/api/contract';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { canTransferStreams, setupPromoscaleWorker } from '../../src/browser.js';

// The api's contract suite against the Service Worker in the browser (Chromium, Firefox and WebKit: see
// vitest.browser.config.ts and vitest.engines.config.ts): the same answers as in Node and the server.
const spec = { seed: 42, stores: 40, templates: 'MIXED', asOf: '2026-06-01' } as const;
const worker = setupPromoscaleWorker({ dataset: spec });

beforeAll(async () => {
  await worker.start({ quiet: true, onUnhandledRequest: 'bypass' });
});
afterAll(() => worker.stop());

// Without stream transfer, msw's worker reads a mocked body to its end before it answers, so an endless stream
// (GET /api/live without `limit`) never answers at all: the one test that needs one is skipped there, by name, and
// counted as skipped. Finite streams still pass, delivered in one piece. See the msw README ("Browsers").
const ENDLESS_STREAM_TESTS = new Set(['closes the stream cleanly when the request is aborted']);
const streams = canTransferStreams();
const itInThisEngine = (name: string, fn: () => Promise<void>, timeout?: number) =>
  (!streams && ENDLESS_STREAM_TESTS.has(name) ? it.skip : it)(name, fn, timeout);

// Up to 3 minutes a test (the suite's default is 1): WebKit's sort and random-query tests took 16 s on a quiet
// machine and over 60 s on a 2-core CI machine that runs other suites beside it.
defineContractTests({
  baseUrl: location.origin,
  spec,
  describe,
  it: itInThisEngine,
  expect,
  timeoutMs: 180_000,
});

it('runs every contract test where the engine can transfer streams', () => {
  // Chromium and Firefox transfer streams: nothing is skipped there. Fails if a new engine version gains the
  // feature (drop the skip) or if Chromium or Firefox lose it.
  expect(streams).toBe(!/AppleWebKit/.test(navigator.userAgent) || /Chrome\//.test(navigator.userAgent));
});
