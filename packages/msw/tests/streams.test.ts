import { createClient, LIVE_EVENT_NAME, parseServerSentEvents } from '@promoscale/api';
import { processBatch, promotionCsvHeader, promotionToCsvLine } from '@promoscale/generator';
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHandlers } from '../src/index.js';

const spec = { seed: 99, stores: 30 };
const rows = processBatch(1, spec.stores, 'MIXED', { seed: spec.seed }).promotions;
const server = setupServer(
  ...createHandlers({ dataset: spec, origin: 'http://localhost' }),
  ...createHandlers({ dataset: { seed: 100, stores: 30 }, origin: 'http://other.test' }),
);
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => server.close());

async function readChunks(response: Response): Promise<string[]> {
  const reader = (response.body as ReadableStream<Uint8Array>).getReader();
  const decoder = new TextDecoder();
  const chunks: string[] = [];
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return chunks;
    chunks.push(decoder.decode(value, { stream: true }));
  }
}

async function liveEvents(url: string, headers: Record<string, string> = {}) {
  const response = await fetch(url, { headers });
  expect(response.headers.get('content-type')).toMatch(/^text\/event-stream/);
  const events = [];
  for await (const event of parseServerSentEvents(response.body as ReadableStream<Uint8Array>))
    events.push(event);
  return events;
}

describe('GET /api/promotions/export through MSW', () => {
  it('streams the whole NDJSON export in several chunks, equal to processBatch', async () => {
    const response = await fetch('http://localhost/api/promotions/export?format=ndjson');
    expect(response.headers.get('content-type')).toMatch(/^application\/x-ndjson/);
    const chunks = await readChunks(response);
    expect(chunks.length).toBeGreaterThan(1);
    const lines = chunks.join('').split('\n').filter(Boolean);
    expect(lines.map((line) => JSON.parse(line))).toEqual(rows);
  });

  it('streams a filtered CSV export, line for line what the generator writes', async () => {
    const response = await fetch('http://localhost/api/promotions/export?format=csv&promoType=BOGO');
    expect(response.headers.get('content-type')).toMatch(/^text\/csv/);
    const expected = rows.filter((p) => p.promoType === 'BOGO').map(promotionToCsvLine);
    expect(await response.text()).toBe(`${[promotionCsvHeader(), ...expected].join('\n')}\n`);
  });

  // In Node, stop a mocked stream with an AbortController: MSW clones mocked responses for its life-cycle events,
  // so `reader.cancel()` alone never settles there (mswjs/interceptors#712); in a browser both work.
  it('ends the body when the request is aborted mid-stream', async () => {
    const controller = new AbortController();
    const response = await fetch('http://localhost/api/promotions/export?format=ndjson', {
      signal: controller.signal,
    });
    const reader = (response.body as ReadableStream<Uint8Array>).getReader();
    expect((await reader.read()).done).toBe(false);
    controller.abort();
    const outcome = await (async () => {
      for (;;) if ((await reader.read()).done) return 'closed';
    })().catch(() => 'aborted');
    expect(['closed', 'aborted']).toContain(outcome);
  });
});

describe('GET /api/live through MSW', () => {
  it('streams promotion.updated events numbered from 1, deterministic by seed', async () => {
    const events = await liveEvents('http://localhost/api/live?limit=4&intervalMs=0');
    expect(events.map((e) => [e.id, e.event])).toEqual(
      ['1', '2', '3', '4'].map((id) => [id, LIVE_EVENT_NAME]),
    );
    expect(await liveEvents('http://localhost/api/live?limit=4&intervalMs=0')).toEqual(events);
    const other = await liveEvents('http://other.test/api/live?limit=4&intervalMs=0');
    expect(other.map((e) => e.data)).not.toEqual(events.map((e) => e.data));
  });

  it('resumes after Last-Event-ID with the same events', async () => {
    const all = await liveEvents('http://localhost/api/live?limit=6&intervalMs=0');
    const resumed = await liveEvents('http://localhost/api/live?limit=2&intervalMs=0', {
      'Last-Event-ID': '3',
    });
    expect(resumed).toEqual(all.slice(3, 5));
  });

  it('reads as typed updates with createClient().live()', async () => {
    const client = createClient({ baseUrl: 'http://localhost' });
    const updates = [];
    for await (const update of client.live({ limit: 2, intervalMs: 0, lastEventId: 10 }))
      updates.push(update);
    expect(updates.map((u) => u.sequence)).toEqual([11, 12]);
    expect(updates.every((u) => u.promotion.status === 'active')).toBe(true);
  });
});
