import type { LiveOptions, LiveUpdate, PromoscaleClient } from '@promoscale/api';
import { describe, expect, it, vi } from 'vitest';
import { createInProcessApi } from '../../tests/support/in-process-api.js';
import { followLiveUpdates } from './follow-live-updates.js';

const SPEC = { seed: 7, stores: 20 } as const;

describe('followLiveUpdates', () => {
  it('delivers the events in sequence order and resumes after lastEventId', async () => {
    const server = createInProcessApi(SPEC);
    const controller = new AbortController();
    const seen: LiveUpdate[] = [];
    const done = followLiveUpdates(server.client, {
      signal: controller.signal,
      lastEventId: 5,
      intervalMs: 0,
      onUpdate(update) {
        seen.push(update);
        if (seen.length === 3) controller.abort();
      },
    });
    expect(await done).toBe(8);
    expect(seen.map((update) => update.sequence)).toEqual([6, 7, 8]);
    const expected = await server.source.liveUpdate(6);
    expect(seen[0]).toEqual(expected);
  });

  it('reopens an ended or failed stream with Last-Event-ID set to the last event seen', async () => {
    const calls: (number | string | undefined)[] = [];
    const update = (sequence: number) => ({ sequence, promotion: { id: `P${sequence}` } }) as LiveUpdate;
    const controller = new AbortController();
    const client = {
      async *live(options: LiveOptions = {}) {
        calls.push(options.lastEventId);
        if (calls.length === 1) {
          yield update(1);
          yield update(2); // then the stream ends
        } else if (calls.length === 2) {
          yield update(3);
          throw new TypeError('network down');
        } else {
          yield update(3); // a repeat is skipped
          yield update(4);
          controller.abort();
        }
      },
    } as unknown as PromoscaleClient;
    const onUpdate = vi.fn();
    const onError = vi.fn();
    const last = await followLiveUpdates(client, {
      signal: controller.signal,
      onUpdate,
      onError,
      reconnectDelayMs: 0,
    });
    expect(calls).toEqual([0, 2, 3]);
    expect(onUpdate.mock.calls.map(([u]) => u.sequence)).toEqual([1, 2, 3, 4]);
    expect(onError).toHaveBeenCalledExactlyOnceWith(expect.any(TypeError));
    expect(last).toBe(4);
  });

  it('stops waiting to reconnect as soon as it is aborted', async () => {
    const controller = new AbortController();
    const client = {
      async *live() {},
    } as unknown as PromoscaleClient;
    const done = followLiveUpdates(client, {
      signal: controller.signal,
      onUpdate: () => {},
      reconnectDelayMs: 600_000,
    });
    await new Promise((resolve) => setTimeout(resolve, 0));
    controller.abort();
    expect(await done).toBe(0);
  });

  it('aborts the open stream without reporting an error', async () => {
    const server = createInProcessApi(SPEC, 60_000);
    const controller = new AbortController();
    const onError = vi.fn();
    const done = followLiveUpdates(server.client, { signal: controller.signal, onUpdate: () => {}, onError });
    await vi.waitFor(() => expect(server.requests.some((url) => url.pathname === '/api/live')).toBe(true));
    controller.abort();
    expect(await done).toBe(0);
    expect(onError).not.toHaveBeenCalled();
  });

  it('polls with bounded streams of eventsPerStream events, reopened at the pace, not after the reconnect delay', async () => {
    const server = createInProcessApi(SPEC);
    const controller = new AbortController();
    const seen: number[] = [];
    const done = followLiveUpdates(server.client, {
      signal: controller.signal,
      eventsPerStream: 2,
      intervalMs: 0,
      // A poll that waited this long would never reach the fifth event.
      reconnectDelayMs: 600_000,
      onUpdate(update) {
        seen.push(update.sequence);
        if (seen.length === 5) controller.abort();
      },
    });
    expect(await done).toBe(5);
    expect(seen).toEqual([1, 2, 3, 4, 5]);
    const polls = server.requests.filter((url) => url.pathname === '/api/live');
    expect(polls).toHaveLength(3);
    expect(polls.map((url) => url.searchParams.get('limit'))).toEqual(['2', '2', '2']);
  });

  it('throws INVALID_OPTION for eventsPerStream outside 1..1,000,000', async () => {
    const server = createInProcessApi(SPEC);
    for (const eventsPerStream of [0, 1.5, 1_000_001]) {
      await expect(
        followLiveUpdates(server.client, {
          signal: new AbortController().signal,
          onUpdate: () => {},
          eventsPerStream,
        }),
      ).rejects.toMatchObject({ code: 'INVALID_OPTION', field: 'live.eventsPerStream' });
    }
  });

  it('throws INVALID_OPTION for a negative reconnect delay', async () => {
    const server = createInProcessApi(SPEC);
    await expect(
      followLiveUpdates(server.client, {
        signal: new AbortController().signal,
        onUpdate: () => {},
        reconnectDelayMs: -1,
      }),
    ).rejects.toMatchObject({ code: 'INVALID_OPTION', field: 'live.reconnectDelayMs' });
  });
});
