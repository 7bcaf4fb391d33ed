import { ApiClientError, createClient } from '@promoscale/api';
import { ApiErrorSchema } from '@promoscale/api/schemas';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  type CreateHandlersOptions,
  createHandlers,
  createNetwork,
  FAULT_HEADER,
  type NetworkProfile,
} from '../src/index.js';

const dataset = { seed: 11, stores: 8 };
const origin = 'http://localhost';
const server = setupServer();
const use = (network: CreateHandlersOptions['network']) =>
  server.resetHandlers(...createHandlers({ dataset, origin, network }));
const status = async (path: string) => {
  const response = await fetch(`${origin}${path}`);
  await response.arrayBuffer();
  return response.status;
};

/** What an app's retry helper does: retry 503s, waiting Retry-After (here: recorded, not waited). */
async function withRetry<T>(call: () => Promise<T>, attempts: number, waits: number[]): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await call();
    } catch (error) {
      if (!(error instanceof ApiClientError) || error.status !== 503 || attempt === attempts) throw error;
      waits.push(attempt);
    }
  }
}

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

describe('network fault plan', () => {
  it('fails the first `times` matching requests with the contract error body, then passes', async () => {
    use({ faults: [{ route: 'GET /api/promotions', status: 503, times: 2 }] });
    const first = await fetch(`${origin}/api/promotions?limit=3`);
    expect(first.status).toBe(503);
    expect(first.headers.get('Retry-After')).toBe('1');
    expect(first.headers.get(FAULT_HEADER)).toBe('plan');
    expect(ApiErrorSchema.safeParse(await first.json()).success).toBe(true);
    expect(await status('/api/stores')).toBe(200);
    expect(await status('/api/promotions/export?format=csv&storeId=STORE_001')).toBe(200);
    expect(await status('/api/promotions?limit=3')).toBe(503);
    expect(await status('/api/promotions?limit=3')).toBe(200);
    expect(await status('/api/promotions?limit=3')).toBe(200);
  });

  it('lets a client retry path recover after the planned failures', async () => {
    use({ faults: [{ route: 'GET /api/stores/:storeId', status: 503, times: 2 }] });
    const client = createClient({ baseUrl: origin });
    const waits: number[] = [];
    const store = await withRetry(() => client.store('STORE_004'), 3, waits);
    expect(store.storeId).toBe('STORE_004');
    expect(waits).toEqual([1, 2]);
  });

  it('gives up when the plan outlasts the retries, with the status and code a client sees', async () => {
    use({ faults: [{ route: '/api/summary', status: 503, times: 5 }] });
    const client = createClient({ baseUrl: origin });
    const failure = await withRetry(() => client.summary(), 3, []).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ApiClientError);
    expect(failure).toMatchObject({ status: 503, code: 'UNAVAILABLE' });
  });

  it("makes fetch reject for status 'network-error'", async () => {
    use({ faults: [{ route: 'GET /api/dataset', status: 'network-error' }] });
    await expect(fetch(`${origin}/api/dataset`)).rejects.toThrow(TypeError);
    expect(await status('/api/dataset')).toBe(200);
  });

  it('replays the plan after network.reset()', async () => {
    const network = createNetwork({ faults: [{ route: '*', status: 500, times: 1 }] });
    use(network);
    expect([await status('/api/dataset'), await status('/api/dataset')]).toEqual([500, 200]);
    network.reset();
    expect([await status('/api/dataset'), await status('/api/dataset')]).toEqual([500, 200]);
  });

  it('switches profile mid-test with network.update()', async () => {
    const network = createNetwork();
    use(network);
    expect(await status('/api/dataset')).toBe(200);
    network.update({ errorRate: 1 });
    expect(await status('/api/dataset')).toBe(503);
  });
});

describe('network latency', () => {
  it('calls the delay function with the planned latency for every request, failures included', async () => {
    const delay = vi.fn(async (_ms: number) => {});
    const profile: NetworkProfile = {
      latency: 'realistic',
      seed: 3,
      faults: [{ route: '/api/stores', status: 502 }],
    };
    use({ ...profile, delay });
    const planner = createNetwork(profile);
    const paths = ['/api/stores', '/api/dataset', '/api/stores/STORE_002', '/api/promotions?limit=2'];
    const planned = paths.map((path) => planner.decide(new Request(`${origin}${path}`)).delayMs);
    const statuses = [];
    for (const path of paths) statuses.push(await status(path));
    expect(statuses).toEqual([502, 200, 200, 200]);
    expect(delay.mock.calls.map(([ms]) => ms)).toEqual(planned);
    expect(planned.every((ms) => ms >= 20 && ms <= 3_000)).toBe(true);
  });

  it('waits a fixed latency through MSW delay (fake timers)', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout'] });
    try {
      use({ latency: 400 });
      let answered = false;
      const pending = fetch(`${origin}/api/dataset`).then((r) => {
        answered = true;
        return r.status;
      });
      await vi.advanceTimersByTimeAsync(399);
      expect(answered).toBe(false);
      await vi.advanceTimersByTimeAsync(1);
      expect(await pending).toBe(200);
    } finally {
      vi.useRealTimers();
    }
  });

  it('defaults the seed to the dataset seed, so two handler sets wait the same', async () => {
    const run = async () => {
      const delay = vi.fn(async (_ms: number) => {});
      use({ latency: [10, 90], delay });
      for (let i = 0; i < 5; i++) await status('/api/dataset');
      return delay.mock.calls.map(([ms]) => ms);
    };
    expect(await run()).toEqual(await run());
  });
});

describe('network errorRate', () => {
  const statuses = async (seed: number) => {
    use({ errorRate: 0.5, seed });
    const out = [];
    for (let i = 0; i < 24; i++) out.push(await status('/api/stores/STORE_001'));
    return out;
  };

  it('fails the same requests for the same seed, with 503 and Retry-After', async () => {
    const first = await statuses(5);
    expect(await statuses(5)).toEqual(first);
    expect(await statuses(6)).not.toEqual(first);
    expect(new Set(first)).toEqual(new Set([200, 503]));
    use({ errorRate: 1, retryAfter: 2 });
    const response = await fetch(`${origin}/api/summary`);
    expect([response.status, response.headers.get('Retry-After')]).toEqual([503, '2']);
    expect(await response.json()).toEqual({ error: { code: 'UNAVAILABLE', message: expect.any(String) } });
  });
});
