import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ApiErrorSchema } from '../schemas/api-error-schema.js';
import type { Promotion } from '../schemas/promotion-schema.js';
import { createGeneratedSource } from '../sources/create-generated-source.js';
import type { DataSource } from '../sources/data-source.js';
import { createApiHandler } from './create-api-handler.js';

const spec = { seed: 42, stores: 12 };
const get = (handler: { fetch(request: Request): Promise<Response> }, path: string, init?: RequestInit) =>
  handler.fetch(new Request(`http://localhost${path}`, init));

/** A source whose every method throws, and whose export and live calls are counted. */
function brokenSource(calls: { live: number; exportClosed: boolean }): DataSource {
  const fail = async (): Promise<never> => {
    throw new Error('database is down');
  };
  return {
    info: fail,
    listStores: fail,
    getStore: fail,
    storePromotions: fail,
    queryPromotions: fail,
    summary: fail,
    async *exportPromotions() {
      try {
        for (let i = 0; ; i++) yield { id: `row-${i}` } as unknown as Promotion;
      } finally {
        calls.exportClosed = true;
      }
    },
    async liveUpdate(sequence) {
      calls.live++;
      const row = (await createGeneratedSource(spec).storePromotions('STORE_001'))?.[0] as Promotion;
      return { sequence, promotion: row };
    },
  };
}

describe('createApiHandler', () => {
  it('answers an unexpected exception with a 500 INTERNAL JSON body and reports it', async () => {
    const errors: unknown[] = [];
    const handler = createApiHandler({
      source: brokenSource({ live: 0, exportClosed: false }),
      onError: (error) => errors.push(error),
    });
    const response = await get(handler, '/api/promotions?limit=5');
    expect(response.status).toBe(500);
    expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(await response.json()).toEqual({
      error: { code: 'INTERNAL', message: 'Internal error: the server could not answer this request' },
    });
    expect(errors).toHaveLength(1);
  });

  it('validates the query before calling the source: bad input never reaches a 500', async () => {
    const handler = createApiHandler({
      source: brokenSource({ live: 0, exportClosed: false }),
      onError: () => {},
    });
    expect((await get(handler, '/api/promotions?limit=0')).status).toBe(400);
    expect((await get(handler, '/api/summary?groupBy=nope')).status).toBe(400);
  });

  it('answers 405 with an Allow header, and HEAD with the GET headers and no body', async () => {
    const handler = createApiHandler({ source: createGeneratedSource(spec) });
    const post = await get(handler, '/api/stores', { method: 'POST' });
    expect(post.status).toBe(405);
    expect(post.headers.get('allow')).toBe('GET, HEAD');
    const head = await get(handler, '/api/promotions/export?format=csv', { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(head.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(await head.text()).toBe('');
  });

  it('mounts the routes under another base path', async () => {
    const handler = createApiHandler({ source: createGeneratedSource(spec), basePath: '/v1/' });
    expect(handler.basePath).toBe('/v1');
    expect((await get(handler, '/v1/dataset')).status).toBe(200);
    expect((await get(handler, '/api/dataset')).status).toBe(404);
  });

  it('stops pulling export rows when the body is cancelled', async () => {
    const calls = { live: 0, exportClosed: false };
    const handler = createApiHandler({ source: brokenSource(calls), exportChunkRows: 10 });
    const response = await get(handler, '/api/promotions/export');
    const reader = (response.body as ReadableStream<Uint8Array>).getReader();
    const first = await reader.read();
    expect(new TextDecoder().decode(first.value).split('\n')).toHaveLength(11);
    await reader.cancel();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(calls.exportClosed).toBe(true);
  });

  it('stops the live timer when the request is aborted', async () => {
    const calls = { live: 0, exportClosed: false };
    const handler = createApiHandler({ source: brokenSource(calls) });
    const controller = new AbortController();
    const response = await get(handler, '/api/live?intervalMs=5', { signal: controller.signal });
    const reader = (response.body as ReadableStream<Uint8Array>).getReader();
    await reader.read(); // retry:
    await reader.read(); // event 1
    controller.abort();
    const rest = await reader.read();
    expect(rest.done).toBe(true);
    const seen = calls.live;
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(calls.live).toBe(seen);
  });

  it('sends the live stream as text/event-stream with a retry line and sequence ids', async () => {
    const handler = createApiHandler({ source: createGeneratedSource(spec), liveRetryMs: 1500 });
    const response = await get(handler, '/api/live?limit=2&intervalMs=0', {
      headers: { 'last-event-id': '41' },
    });
    expect(response.headers.get('content-type')).toBe('text/event-stream; charset=utf-8');
    const text = await response.text();
    expect(text.startsWith('retry: 1500\n\nid: 42\nevent: promotion.updated\ndata: {"sequence":42,')).toBe(
      true,
    );
    expect(text.match(/^id: \d+$/gm)).toEqual(['id: 42', 'id: 43']);
  });

  it('answers any path and query with 2xx or a JSON 4xx error body, never a 500 or a throw', async () => {
    const errors: unknown[] = [];
    const statuses = new Set<number>();
    const handler = createApiHandler({
      source: createGeneratedSource(spec),
      onError: (error) => errors.push(error),
    });
    const segment = fc.oneof(
      fc.constantFrom(
        'api',
        'stores',
        'promotions',
        'export',
        'summary',
        'live',
        'dataset',
        'STORE_001',
        'STORE_013',
        '%E0%A4%A',
        '..',
        '',
      ),
      fc.string({ maxLength: 8 }).map(encodeURIComponent),
    );
    const pair = fc.tuple(
      fc.oneof(
        fc.constantFrom(
          'limit',
          'offset',
          'sort',
          'q',
          'groupBy',
          'format',
          'storeId',
          'roi_gte',
          'startDate_lte',
          'intervalMs',
        ),
        fc.string({ maxLength: 6 }),
      ),
      fc.oneof(
        fc.constantFrom('0', '5', '-1', '1e999', '-roi,id', 'dairy', 'csv', 'STORE_001', '2026-02-30', '%zz'),
        fc.string({ maxLength: 10 }),
      ),
    );
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('GET', 'GET', 'GET', 'POST', 'HEAD', 'DELETE'),
        fc.array(segment, { maxLength: 3 }),
        fc.array(pair, { maxLength: 4 }),
        async (method, segments, pairs) => {
          const url = `http://localhost/api/${segments.join('/')}?${new URLSearchParams(pairs)}`;
          const response = await handler.fetch(new Request(url, { method }));
          statuses.add(response.status);
          if (response.ok) {
            await response.body?.cancel();
            return;
          }
          expect([400, 404, 405]).toContain(response.status);
          if (method === 'HEAD') return;
          expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
          expect(ApiErrorSchema.safeParse(await response.json()).success).toBe(true);
        },
      ),
      { seed: 11, numRuns: 400 },
    );
    expect(errors).toEqual([]);
    expect([...statuses].sort()).toEqual([200, 400, 404, 405]);
  });
});
