import { describe, expect, it } from 'vitest';
import { createApiHandler } from '../routes/create-api-handler.js';
import { createGeneratedSource } from '../sources/create-generated-source.js';
import { ApiClientError } from './api-client-error.js';
import { createClient } from './create-client.js';

const spec = { seed: 42, stores: 20 };
const handler = createApiHandler({ source: createGeneratedSource(spec) });
const client = createClient({
  baseUrl: 'http://localhost',
  fetch: (url, init) => handler.fetch(new Request(url, init)),
});

async function collect<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of iterable) out.push(item);
  return out;
}

describe('createClient', () => {
  it('calls every route with typed queries and validated bodies', async () => {
    expect((await client.dataset()).promotionCount).toBe(600);
    expect(
      (await client.stores({ region: ['WEST'], limit: 3 })).items.every((s) => s.region === 'WEST'),
    ).toBe(true);
    expect((await client.store('STORE_020')).storeNumber).toBe(20);
    expect((await client.storePromotions('STORE_002')).total).toBe(30);
    const page = await client.promotions({
      sort: ['-roi', 'storeId'],
      category: 'dairy',
      roi_gte: 0,
      limit: 5,
    });
    expect(page.items.map((p) => p.roi)).toEqual([...page.items.map((p) => p.roi)].sort((a, b) => b - a));
    expect(page.items.every((p) => p.category === 'dairy' && p.roi >= 0)).toBe(true);
    const summary = await client.summary({ groupBy: 'status' });
    expect(summary.totals.promotions).toBe(600);
    const estimate = await client.estimate(5000);
    expect([estimate.store_count, estimate.promotions, estimate.approach]).toEqual([
      5000,
      150_000,
      'DATABASE_BACKEND',
    ]);
  });

  it('streams export rows and parses them', async () => {
    const rows = await collect(client.exportPromotions({ status: 'active', sort: '-revenue' }));
    const page = await client.promotions({ status: 'active', sort: '-revenue', limit: 1000 });
    expect(rows).toEqual(page.items);
    const csv = await client.exportResponse({ format: 'csv', storeId: 'STORE_001' });
    expect((await csv.text()).trim().split('\n')).toHaveLength(31);
  });

  it('reads live updates, resuming after lastEventId', async () => {
    const all = await collect(client.live({ limit: 4, intervalMs: 0 }));
    expect(all.map((u) => u.sequence)).toEqual([1, 2, 3, 4]);
    const resumed = await collect(client.live({ lastEventId: 2, limit: 2, intervalMs: 0 }));
    expect(resumed).toEqual(all.slice(2));
  });

  it('throws ApiClientError with the status, code and every issue of a 400', async () => {
    const error = await client.promotions({ limit: 0, offset: -1 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiClientError);
    const e = error as ApiClientError;
    expect([e.status, e.code, e.issues.map((i) => i.path)]).toEqual([
      400,
      'INVALID_QUERY',
      ['limit', 'offset'],
    ]);
    const missing = (await client.store('STORE_021').catch((x: unknown) => x)) as ApiClientError;
    expect([missing.status, missing.code]).toEqual([404, 'NOT_FOUND']);
  });

  it('throws INVALID_RESPONSE when a body breaks the contract', async () => {
    const liar = createClient({
      baseUrl: 'http://localhost',
      fetch: async () => new Response(JSON.stringify({ items: [{ id: 1 }], total: 1, offset: 0, limit: 1 })),
    });
    const error = (await liar.promotions().catch((e: unknown) => e)) as ApiClientError;
    expect(error).toBeInstanceOf(ApiClientError);
    expect(error.code).toBe('INVALID_RESPONSE');
    const trusting = createClient({
      baseUrl: 'http://localhost',
      validate: false,
      fetch: async () => new Response('{"x":1}'),
    });
    expect(await trusting.dataset()).toEqual({ x: 1 });
  });

  it('sends queries with toSearchParams and encodes store ids in paths', async () => {
    const urls: string[] = [];
    const spy = createClient({
      baseUrl: 'https://example.test/',
      basePath: '/v2',
      fetch: async (url) => {
        urls.push(url);
        return new Response('{}', { status: 404 });
      },
    });
    await spy
      .promotions({
        sort: [{ field: 'roi', direction: 'desc' }],
        category: ['meat & seafood'],
        featureAd: true,
      })
      .catch(() => {});
    await spy.store('A/B').catch(() => {});
    expect(urls).toEqual([
      'https://example.test/v2/promotions?sort=-roi&category=meat+%26+seafood&featureAd=true',
      'https://example.test/v2/stores/A%2FB',
    ]);
  });
});
