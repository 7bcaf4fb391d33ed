import { PromoscaleError } from '@promoscale/generator';
import { describe, expect, it, vi } from 'vitest';
import { createNetwork, isNetworkController, type NetworkProfile } from './create-network.js';
import { FAULT_HEADER } from './fault-response.js';

const get = (path: string) => new Request(`http://localhost${path}`);
const noWait = () => vi.fn(async (_ms: number) => {});

describe('createNetwork', () => {
  it('calls the delay function with each sampled latency', async () => {
    const delay = noWait();
    const network = createNetwork({ latency: [100, 200], seed: 1, delay });
    const twin = createNetwork({ latency: [100, 200], seed: 1 });
    const planned = [1, 2, 3].map(() => twin.decide(get('/api/dataset')).delayMs);
    for (let i = 0; i < 3; i++) await network.apply(get('/api/dataset'));
    expect(delay.mock.calls.map(([ms]) => ms)).toEqual(planned);
    expect(planned.every((ms) => ms >= 100 && ms <= 200)).toBe(true);
  });

  it('waits a fixed latency on every request', async () => {
    const delay = noWait();
    const network = createNetwork({ latency: 250, delay });
    await network.apply(get('/api/stores'));
    await network.apply(get('/api/promotions'));
    expect(delay.mock.calls).toEqual([[250], [250]]);
  });

  it("never calls the delay function with latency 'none' (the default)", async () => {
    const delay = noWait();
    await createNetwork({ delay }).apply(get('/api/dataset'));
    await createNetwork({ latency: 0, delay }).apply(get('/api/dataset'));
    expect(delay).not.toHaveBeenCalled();
  });

  it('waits with fake timers through MSW delay by default', async () => {
    vi.useFakeTimers();
    try {
      const network = createNetwork({ latency: 1_000 });
      let settled = false;
      const pending = network.apply(get('/api/dataset')).then(() => {
        settled = true;
      });
      await vi.advanceTimersByTimeAsync(999);
      expect(settled).toBe(false);
      await vi.advanceTimersByTimeAsync(1);
      await pending;
      expect(settled).toBe(true);
    } finally {
      vi.useRealTimers();
    }
  });

  it('answers a planned fault with the API error shape, then passes', async () => {
    const network = createNetwork({ faults: [{ route: 'GET /api/promotions', status: 503, times: 2 }] });
    const first = await network.apply(get('/api/promotions?limit=5'));
    expect(first?.status).toBe(503);
    expect(first?.headers.get('Retry-After')).toBe('1');
    expect(first?.headers.get(FAULT_HEADER)).toBe('plan');
    expect(await first?.json()).toEqual({
      error: { code: 'UNAVAILABLE', message: expect.stringContaining('GET /api/promotions') },
    });
    expect((await network.apply(get('/api/promotions')))?.status).toBe(503);
    expect(await network.apply(get('/api/promotions'))).toBeUndefined();
  });

  it('sends a fault rule body and headers as given', async () => {
    const network = createNetwork({
      faults: [{ route: '*', status: 429, body: { message: 'slow down' }, headers: { 'Retry-After': '30' } }],
    });
    const response = await network.apply(get('/api/summary'));
    expect(response?.status).toBe(429);
    expect(response?.headers.get('Retry-After')).toBe('30');
    expect(await response?.json()).toEqual({ message: 'slow down' });
  });

  it("fails the fetch itself for status 'network-error'", async () => {
    const network = createNetwork({ faults: [{ route: '*', status: 'network-error' }] });
    expect((await network.apply(get('/api/dataset')))?.type).toBe('error');
  });

  it('answers 503 with Retry-After at the configured errorRate, the same requests for the same seed', async () => {
    const decide = (seed: number) => {
      const network = createNetwork({ errorRate: 0.25, seed });
      return Array.from({ length: 2_000 }, () => network.decide(get('/api/stores')).fault?.status ?? 0);
    };
    const failures = decide(9).filter((s) => s === 503).length;
    expect(failures / 2_000).toBeGreaterThan(0.21);
    expect(failures / 2_000).toBeLessThan(0.29);
    expect(decide(9)).toEqual(decide(9));
    expect(decide(9)).not.toEqual(decide(10));

    const response = await createNetwork({ errorRate: 1, retryAfter: 3 }).apply(get('/api/stores'));
    expect(response?.status).toBe(503);
    expect(response?.headers.get('Retry-After')).toBe('3');
    expect(response?.headers.get(FAULT_HEADER)).toBe('error-rate');
    expect(await response?.json()).toMatchObject({ error: { code: 'UNAVAILABLE' } });
  });

  it('never fails with errorRate 0 and always with errorRate 1', () => {
    const never = createNetwork({ errorRate: 0 });
    const always = createNetwork({ errorRate: 1 });
    for (let i = 0; i < 200; i++) {
      expect(never.decide(get('/api/dataset')).fault).toBeUndefined();
      expect(always.decide(get('/api/dataset')).fault?.status).toBe(503);
    }
  });

  it('keeps the errorRate draws whatever the latency setting', () => {
    const outcomes = (profile: NetworkProfile) => {
      const network = createNetwork({ errorRate: 0.5, seed: 'x', ...profile });
      return Array.from({ length: 50 }, () => network.decide(get('/api/dataset')).fault?.status);
    };
    expect(outcomes({ latency: 'realistic' })).toEqual(outcomes({ latency: 'none' }));
  });

  it('replays the same decisions after reset()', () => {
    const network = createNetwork({
      latency: 'realistic',
      errorRate: 0.3,
      faults: [{ route: '*', status: 500 }],
    });
    const run = () => Array.from({ length: 20 }, () => network.decide(get('/api/dataset')));
    const first = run();
    network.reset();
    expect(run()).toEqual(first);
    expect(first[0]?.fault).toEqual({ source: 'plan', status: 500, rule: 0 });
  });

  it('replaces the profile and keeps the seed with update()', async () => {
    const delay = noWait();
    const network = createNetwork({ seed: 5, delay });
    network.update({ latency: 40, faults: [{ route: '*', status: 504 }] });
    expect(network.seed).toBe(5);
    expect((await network.apply(get('/api/dataset')))?.status).toBe(504);
    expect(() => network.update({ errorRate: -0.1 })).toThrow(PromoscaleError);
  });

  it('is recognised by isNetworkController, a plain profile is not', () => {
    expect(isNetworkController(createNetwork())).toBe(true);
    expect(isNetworkController({ latency: 10 })).toBe(false);
  });

  it.each<[NetworkProfile, string, string]>([
    [{ errorRate: 1.5 }, 'network.errorRate', 'network.errorRate must be a number from 0 to 1; received 1.5'],
    [{ errorRate: -0.1 }, 'network.errorRate', 'received -0.1'],
    [{ errorRate: Number.NaN }, 'network.errorRate', 'received NaN'],
    [{ latency: -10 }, 'network.latency', 'from 0 to 2147483647; received -10'],
    [{ faults: [{ route: '*', status: 302 }] }, 'network.faults[0].status', 'from 400 to 599'],
    [{ retryAfter: -1 }, 'network.retryAfter', 'received -1'],
    [{ seed: 1.5 }, 'network.seed', 'received 1.5'],
    [{ delay: 'soon' as never }, 'network.delay', 'received "soon"'],
  ])('throws a PromoscaleError for %j', (profile, option, message) => {
    expect(() => createNetwork(profile)).toThrow(
      expect.objectContaining({ name: 'PromoscaleError', code: 'INVALID_OPTION', field: option }),
    );
    expect(() => createNetwork(profile)).toThrow(message);
  });
});
