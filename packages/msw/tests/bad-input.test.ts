import { ApiErrorSchema } from '@promoscale/api';
import fc from 'fast-check';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createHandlers } from '../src/index.js';

const stores = 20;
const server = setupServer(...createHandlers({ dataset: { seed: 3, stores }, origin: 'http://localhost' }));
const exceptions: unknown[] = [];
server.events.on('unhandledException', ({ error }) => {
  exceptions.push(error);
});
const consoleError = vi.spyOn(console, 'error');

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => {
  // The router logs unexpected exceptions with console.error before answering 500: there must be none.
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
