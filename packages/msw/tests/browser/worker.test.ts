import { LIVE_EVENT_NAME, parseServerSentEvents } from '@promoscale/api';
import { LiveUpdateSchema } from '@promoscale/api/schemas';
import { processBatch } from '@promoscale/generator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupPromoscaleWorker } from '../../src/browser.js';
import { createNetwork } from '../../src/index.js';

// Runs in Chromium: the Service Worker (public/mockServiceWorker.js) answers same-origin, relative requests.
const spec = { seed: 42, stores: 20 };
const network = createNetwork();
const worker = setupPromoscaleWorker({ dataset: spec, network });

beforeAll(async () => {
  await worker.start({ quiet: true, onUnhandledRequest: 'bypass' });
});
afterAll(() => worker.stop());

/** Collects the live events of one EventSource connection until the server ends the stream. */
function eventSourceEvents(url: string): Promise<MessageEvent[]> {
  return new Promise((resolve) => {
    const source = new EventSource(url);
    const events: MessageEvent[] = [];
    source.addEventListener(LIVE_EVENT_NAME, (event) => events.push(event as MessageEvent));
    // The stream ending (limit reached) shows up as an error before the automatic reconnection.
    source.addEventListener('error', () => {
      source.close();
      resolve(events);
    });
  });
}

/** Reads a live stream with fetch, so the Last-Event-ID header can be set explicitly. */
async function fetchedEvents(url: string, headers: Record<string, string> = {}) {
  const response = await fetch(url, { headers });
  expect(response.headers.get('content-type')).toMatch(/^text\/event-stream/);
  const events: { id: string; data: string }[] = [];
  for await (const event of parseServerSentEvents(response.body as ReadableStream<Uint8Array>)) {
    if (event.event === LIVE_EVENT_NAME) events.push({ id: event.id ?? '', data: event.data });
  }
  return events;
}

describe('setupPromoscaleWorker in Chromium', () => {
  it('serves a filtered, sorted page to a relative fetch', async () => {
    const response = await fetch('/api/promotions?category=beverages&sort=-revenue&limit=5');
    expect(response.status).toBe(200);
    const page = await response.json();
    const expected = processBatch(1, spec.stores, 'MIXED', { seed: spec.seed })
      .promotions.filter((p) => p.category === 'beverages')
      .sort((a, b) => b.revenue - a.revenue || (a.id < b.id ? -1 : 1));
    expect(page.total).toBe(expected.length);
    expect(page.items).toEqual(expected.slice(0, 5));
  });

  it('answers bad input with 400 and the JSON error body', async () => {
    const response = await fetch('/api/promotions?limit=0&sort=nope');
    expect(response.status).toBe(400);
    const body = await response.json();
    expect(body.error.code).toBe('INVALID_QUERY');
    expect(body.error.issues.map((issue: { path: string }) => issue.path).sort()).toEqual(['limit', 'sort']);
  });

  it('streams the NDJSON export as a ReadableStream in several chunks', async () => {
    const response = await fetch('/api/promotions/export?format=ndjson');
    expect(response.headers.get('content-type')).toMatch(/^application\/x-ndjson/);
    const reader = (response.body as ReadableStream<Uint8Array>).getReader();
    const decoder = new TextDecoder();
    let text = '';
    let chunks = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks += 1;
      text += decoder.decode(value, { stream: true });
    }
    expect(chunks).toBeGreaterThan(1);
    expect(text.split('\n').filter(Boolean).length).toBe(spec.stores * 30);
  });

  it('cancels a stream with reader.cancel()', async () => {
    const response = await fetch('/api/live?intervalMs=10');
    const reader = (response.body as ReadableStream<Uint8Array>).getReader();
    expect((await reader.read()).done).toBe(false);
    await expect(reader.cancel()).resolves.toBeUndefined();
  });

  it('streams Server-Sent Events to an EventSource', async () => {
    const events = await eventSourceEvents('/api/live?limit=3&intervalMs=0');
    expect(events.map((event) => event.lastEventId)).toEqual(['1', '2', '3']);
    for (const event of events) expect(LiveUpdateSchema.safeParse(JSON.parse(event.data)).success).toBe(true);
  });

  it('resumes after Last-Event-ID sent by fetch, or lastEventId on a new EventSource', async () => {
    const all = await fetchedEvents('/api/live?limit=6&intervalMs=0');
    expect(all.map((event) => event.id)).toEqual(['1', '2', '3', '4', '5', '6']);
    expect(await fetchedEvents('/api/live?limit=3&intervalMs=0', { 'Last-Event-ID': '3' })).toEqual(
      all.slice(3),
    );
    const resumed = await eventSourceEvents('/api/live?limit=3&intervalMs=0&lastEventId=3');
    expect(resumed.map((event) => ({ id: event.lastEventId, data: event.data }))).toEqual(all.slice(3));
  });

  it('applies the network profile in the worker too', async () => {
    network.update({ faults: [{ route: 'GET /api/dataset', status: 503, times: 1 }] });
    try {
      const failed = await fetch('/api/dataset');
      expect([failed.status, failed.headers.get('Retry-After')]).toEqual([503, '1']);
      expect((await fetch('/api/dataset')).status).toBe(200);
    } finally {
      network.update({});
    }
  });
});
