import { auditResponse, defineHostileInputTests, HOSTILE_URL_FRAGMENTS } from '@promoscale/api/contract';
import { ApiErrorSchema } from '@promoscale/api/schemas';
import fc from 'fast-check';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createHandlers } from '../src/index.js';
import { setupPromoscaleServer } from '../src/node.js';

// Bad and hostile requests through MSW in Node, as a user's tests send them (the ./node entry, as the README
// shows). MSW's own path matching must not throw on a malformed percent-escape (it did: a 500 with a URIError
// stack and absolute paths), so every one reaches the router and gets the contract's 4xx JSON error.
const stores = 20;
const spec = { seed: 3, stores };
const server = setupPromoscaleServer({ dataset: spec });
const exceptions: unknown[] = [];
server.events.on('unhandledException', ({ error }) => {
  exceptions.push(error);
});
const consoleError = vi.spyOn(console, 'error');

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => {
  // Neither MSW nor the router may meet an exception on the way (the router logs one with console.error before
  // answering 500): every answer here is the router's own.
  expect(consoleError).not.toHaveBeenCalled();
  expect(exceptions).toEqual([]);
});
afterAll(() => server.close());

async function expectJsonError(path: string, statuses: number[], init?: RequestInit) {
  const response = await fetch(`http://localhost/api${path}`, init);
  const text = await response.text();
  expect(statuses, `${path} answered ${response.status}: ${text.slice(0, 200)}`).toContain(response.status);
  expect(response.headers.get('content-type')).toMatch(/^application\/json/);
  const body = ApiErrorSchema.parse(JSON.parse(text));
  return { status: response.status, body };
}

describe('bad input through the MSW handlers', () => {
  it.each([
    ['/promotions?limit=0', 'limit'],
    ['/promotions?limit=1001', 'limit'],
    ['/promotions?offset=-1', 'offset'],
    ['/promotions?foo=bar', 'foo'],
    ['/promotions?sort=nope', 'sort'],
    ['/promotions?category=candy', 'category'],
    ['/promotions?roi_gte=Infinity', 'roi_gte'],
    ['/promotions?startDate_gte=2026-13-01', 'startDate_gte'],
    [`/promotions?q=${'x'.repeat(201)}`, 'q'],
    ['/promotions?limit=1&limit=2', 'limit'],
    ['/promotions/export?format=xml', 'format'],
    ['/summary?groupBy=storeId', 'groupBy'],
    ['/stores?template=GIANT', 'template'],
    ['/live?intervalMs=-1', 'intervalMs'],
  ])('answers 400 INVALID_QUERY naming the parameter for %s', async (path, parameter) => {
    const { status, body } = await expectJsonError(path, [400]);
    expect(status).toBe(400);
    expect(body.error.code).toBe('INVALID_QUERY');
    expect(body.error.issues?.map((issue) => issue.path)).toContain(parameter);
  });

  it.each(['/stores/STORE_021', '/stores/STORE_999999', '/stores/nope/promotions', '/no-such-route'])(
    'answers 404 NOT_FOUND for %s',
    async (path) => {
      const { body } = await expectJsonError(path, [404]);
      expect(body.error.code).toBe('NOT_FOUND');
    },
  );

  it('answers 400 for a malformed Last-Event-ID', async () => {
    const { body } = await expectJsonError('/live?limit=1', [400], { headers: { 'Last-Event-ID': 'abc' } });
    expect(body.error.issues?.[0]?.path).toBe('Last-Event-ID');
  });

  it('never throws or answers 500 for arbitrary query strings on any route', async () => {
    const routes = [
      '/dataset',
      '/stores',
      '/stores/STORE_001',
      '/promotions',
      '/promotions/export',
      '/summary',
    ];
    const key = fc.constantFrom(
      'limit',
      'offset',
      'sort',
      'q',
      'roi_gte',
      'startDate_lte',
      'category',
      'format',
      'groupBy',
      'x',
    );
    const value = fc.oneof(fc.string({ maxLength: 12 }), fc.integer().map(String), fc.constant('-roi,id'));
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...routes),
        fc.array(fc.tuple(key, value), { maxLength: 4 }),
        async (route, pairs) => {
          const query = new URLSearchParams(pairs).toString();
          const response = await fetch(`http://localhost/api${route}${query ? `?${query}` : ''}`);
          const text = await response.text();
          expect([200, 400, 404]).toContain(response.status);
          if (response.status !== 200) expect(ApiErrorSchema.safeParse(JSON.parse(text)).success).toBe(true);
        },
      ),
      { numRuns: 150, seed: 20260601 },
    );
  });
});

defineHostileInputTests({ baseUrl: 'http://localhost', spec, hugeLength: 100_000, describe, it, expect });

describe('hostile input through the MSW handlers', () => {
  it.each([
    ['/stores/%E0%A4%A', 'No store "%E0%A4%A" in this dataset'],
    ['/promotions%ZZ', 'No route GET /api/promotions%ZZ'],
    ['/%', 'No route GET /api/%'],
  ])('answers the 404 of the router for %s, not a URIError from path matching', async (path, message) => {
    const response = await fetch(`http://localhost/api${path}`);
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ error: { code: 'NOT_FOUND', message } });
  });

  it('cuts a 100,000-character store id to 40 characters in the 404 message', async () => {
    const body = ApiErrorSchema.parse(
      await (await fetch(`http://localhost/api/stores/${'X'.repeat(100_000)}`)).json(),
    );
    expect(body.error.message).toBe(`No store "${'X'.repeat(40)}"… (100000 characters) in this dataset`);
  });
});

describe('fuzzing the MSW handlers with raw paths and query strings (seeded)', () => {
  const piece = fc.oneof(
    fc.constantFrom(...HOSTILE_URL_FRAGMENTS),
    fc.constantFrom('stores', 'promotions', 'export', 'summary', 'dataset', 'STORE_001', 'STORE_021'),
    fc.string({ maxLength: 6 }),
  );
  const text = fc.array(piece, { maxLength: 3 }).map((pieces) => pieces.join(''));
  const path = fc.array(text, { minLength: 1, maxLength: 4 }).map((segments) => `/${segments.join('/')}`);
  const query = fc.array(fc.tuple(text, fc.oneof(text, fc.integer().map(String))), { maxLength: 5 });

  it('never answers a 5xx, a stack or a path; every 4xx is a bounded JSON error body', async () => {
    await fc.assert(
      fc.asyncProperty(
        path,
        query,
        fc.constantFrom('GET', 'GET', 'POST', 'DELETE'),
        async (p, pairs, method) => {
          // `/live` with a valid query is an endless stream: the table covers its bad input instead.
          const route = p.replace(/^\/live(?=\/|$)/, '/lives');
          const search = pairs.map(([key, value]) => `${key}=${value}`).join('&');
          const url = `http://localhost/api${route}${search ? `?${search}` : ''}`;
          // Dot segments (`/%2e%2e/`) can lead the URL out of /api: not a request for the handlers any more.
          fc.pre(new URL(url).pathname.startsWith('/api/'));
          const response = await fetch(url, { method });
          expect([200, 400, 404, 405], url.slice(0, 200)).toContain(response.status);
          expect(await auditResponse(response), `${method} ${url.slice(0, 200)}`).toEqual([]);
        },
      ),
      { seed: 20260609, numRuns: 200 },
    );
  });
});

describe('an unexpected exception in the MSW layer', () => {
  it('answers a generic JSON 500 without the stack, message or paths of the exception', async () => {
    consoleError.mockImplementationOnce(() => {}); // the exception is logged for the developer, not answered
    const broken = setupServer(
      ...createHandlers({
        dataset: { seed: 3, stores: 20 },
        origin: 'http://broken.test',
        network: {
          latency: 5,
          delay: async () => {
            throw new Error('delay failed in /work/app/src/delay.ts:12:3');
          },
        },
      }),
    );
    server.close();
    broken.listen({ onUnhandledRequest: 'error' });
    try {
      const response = await fetch('http://broken.test/api/stores/%E0%A4%A');
      const text = await response.text();
      expect(response.status).toBe(500);
      expect(JSON.parse(text)).toEqual({
        error: { code: 'INTERNAL', message: 'Internal error: the mock server could not answer this request' },
      });
      expect(text).not.toMatch(/delay failed|\/work\/|\.ts:|\bat\s/);
      expect(consoleError).toHaveBeenCalledWith('[@promoscale/msw] unexpected error', expect.any(Error));
    } finally {
      broken.close();
      consoleError.mockClear();
      server.listen({ onUnhandledRequest: 'error' });
    }
  });
});
