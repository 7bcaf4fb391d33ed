import { DatasetInfoSchema } from '@promoscale/api/schemas';
import { PromoscaleError, processBatch } from '@promoscale/generator';
import { HttpResponse, http } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createHandlers, DEFAULT_DATASET } from '../src/index.js';
import { setupPromoscaleServer } from '../src/node.js';

const spec = { seed: 7, stores: 12, templates: 'MIXED', asOf: '2026-06-01' } as const;
const rows = processBatch(1, spec.stores, spec.templates, { seed: spec.seed, asOf: spec.asOf }).promotions;
const json = async (url: string) => {
  const response = await fetch(url);
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
};

describe('setupPromoscaleServer', () => {
  const server = setupPromoscaleServer({ dataset: spec });
  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
  afterEach(() => server.resetHandlers());
  afterAll(() => server.close());

  it('answers every route at http://localhost by default', async () => {
    const paths = [
      '/api/dataset',
      '/api/stores?limit=5',
      '/api/stores/STORE_003',
      '/api/stores/STORE_003/promotions',
      '/api/promotions?sort=-roi&limit=5',
      '/api/promotions/export?format=ndjson&storeId=STORE_001',
      '/api/summary?groupBy=category',
      '/api/live?limit=1&intervalMs=0',
    ];
    for (const path of paths) {
      const response = await fetch(`http://localhost${path}`);
      await response.arrayBuffer();
      expect(response.status, path).toBe(200);
    }
  });

  it('serves the dataset it was given', async () => {
    const { body } = await json('http://localhost/api/dataset');
    expect(DatasetInfoSchema.parse(body)).toMatchObject({ spec, storeCount: 12, promotionCount: 360 });
  });

  it('returns a filtered, sorted page equal to a plain filter/sort/slice over processBatch', async () => {
    const { body } = await json(
      'http://localhost/api/promotions?category=dairy,snacks&sort=-roi&offset=2&limit=7',
    );
    const expected = rows
      .filter((p) => p.category === 'dairy' || p.category === 'snacks')
      .sort((a, b) => b.roi - a.roi || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    expect(body.total).toBe(expected.length);
    expect(body.items).toEqual(expected.slice(2, 9));
  });

  it('lets server.use() override one route while the others keep answering', async () => {
    server.use(
      http.get('http://localhost/api/summary', () =>
        HttpResponse.json({ error: { code: 'INTERNAL', message: 'down for the test' } }, { status: 500 }),
      ),
    );
    expect((await json('http://localhost/api/summary')).status).toBe(500);
    expect((await json('http://localhost/api/dataset')).status).toBe(200);
    server.resetHandlers();
    expect((await json('http://localhost/api/summary')).status).toBe(200);
  });

  it('answers 404 with a JSON body for an unknown route under the base path', async () => {
    expect(await json('http://localhost/api/nope')).toEqual({
      status: 404,
      body: { error: { code: 'NOT_FOUND', message: expect.any(String) } },
    });
  });
});

describe('createHandlers', () => {
  const server = setupServer();
  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
  afterEach(() => server.resetHandlers());
  afterAll(() => server.close());

  it(`serves ${JSON.stringify(DEFAULT_DATASET)} when given no dataset`, async () => {
    server.resetHandlers(...createHandlers({ origin: 'http://localhost' }));
    const { body } = await json('http://localhost/api/dataset');
    expect(body).toMatchObject({ spec: DEFAULT_DATASET, storeCount: 500 });
  });

  it('mounts the routes under a custom origin and base path', async () => {
    server.resetHandlers(
      ...createHandlers({ dataset: spec, origin: 'https://mock.example.com', baseUrl: '/v2' }),
      http.all('*', () => new HttpResponse('not ours', { status: 418 })),
    );
    expect((await json('https://mock.example.com/v2/stores/STORE_001')).body).toMatchObject({
      storeId: 'STORE_001',
    });
    expect((await fetch('https://mock.example.com/api/dataset')).status).toBe(418);
    expect((await fetch('http://localhost/v2/dataset')).status).toBe(418);
  });

  it('takes origin and base path from an absolute baseUrl', async () => {
    server.resetHandlers(...createHandlers({ dataset: spec, baseUrl: 'http://127.0.0.1:4000/mock/api' }));
    expect((await json('http://127.0.0.1:4000/mock/api/dataset')).status).toBe(200);
  });

  it("answers for any origin with origin '*'", async () => {
    server.resetHandlers(...createHandlers({ dataset: spec, origin: '*' }));
    expect((await json('http://localhost:5173/api/stores/STORE_002')).body).toMatchObject({ storeNumber: 2 });
    expect((await json('https://staging.example.org/api/stores/STORE_002')).body).toMatchObject({
      storeNumber: 2,
    });
  });

  it('sends the live timing it was given', async () => {
    server.resetHandlers(
      ...createHandlers({ dataset: spec, origin: 'http://localhost', live: { retryMs: 250 } }),
    );
    const text = await (await fetch('http://localhost/api/live?limit=1&intervalMs=0')).text();
    expect(text.startsWith('retry: 250\n')).toBe(true);
  });

  it('returns handlers that spread into setupServer', () => {
    const handlers = createHandlers({ dataset: spec });
    expect(handlers.length).toBeGreaterThan(0);
    expect(() => setupServer(...handlers)).not.toThrow();
  });

  it.each([
    [{ network: { errorRate: 2 } }, 'network.errorRate'],
    [{ network: { latency: [300, 100] as const } }, 'network.latency[1]'],
    [{ network: { faults: [{ route: 'GET /api/promotions', status: 200 }] } }, 'network.faults[0].status'],
    [{ origin: 'localhost' }, 'origin'],
    [{ baseUrl: 'api' }, 'baseUrl'],
    [{ live: { retryMs: -1 } }, 'live.retryMs'],
    [{ live: { intervalMs: 1.5 } }, 'live.intervalMs'],
  ])('throws a PromoscaleError INVALID_OPTION at once for %j', (options, option) => {
    expect(() => createHandlers(options)).toThrow(PromoscaleError);
    expect(() => createHandlers(options)).toThrow(
      expect.objectContaining({ code: 'INVALID_OPTION', field: option }),
    );
  });

  it('throws the generator PromoscaleError at once for a bad dataset', () => {
    expect(() => createHandlers({ dataset: { stores: 0 } })).toThrow(PromoscaleError);
    expect(() => createHandlers({ dataset: { stores: 10, templates: 'GIANT' as never } })).toThrow(
      PromoscaleError,
    );
  });
});
