import { afterEach, describe, expect, it, vi } from 'vitest';

afterEach(() => {
  vi.unstubAllGlobals();
  vi.resetModules();
});

describe('yieldToEventLoop without setImmediate and scheduler.postTask (WebKit)', () => {
  it('yields through one kept MessageChannel, resolving the callers in order', async () => {
    vi.stubGlobal('setImmediate', undefined);
    vi.stubGlobal('scheduler', undefined);
    const Channel = globalThis.MessageChannel;
    const created = vi.fn();
    vi.stubGlobal(
      'MessageChannel',
      class extends Channel {
        constructor() {
          super();
          created();
        }
      },
    );
    const { yieldToEventLoop } = await import('./yield-to-event-loop.js');
    const order: number[] = [];
    await Promise.all([1, 2, 3].map((n) => yieldToEventLoop().then(() => order.push(n))));
    await yieldToEventLoop();
    await yieldToEventLoop();
    expect(order).toEqual([1, 2, 3]);
    expect(created).toHaveBeenCalledTimes(1);
  });
});
