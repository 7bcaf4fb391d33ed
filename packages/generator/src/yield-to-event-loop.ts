type Scheduler = { yield?: () => Promise<void> };

/**
 * Resolves on a later turn of the event loop: `scheduler.yield()` where it exists, `setImmediate` in Node, a
 * MessageChannel message in browsers and workers (no 4 ms clamp of nested `setTimeout`), else `setTimeout(0)`.
 */
export function yieldToEventLoop(): Promise<void> {
  const g = globalThis as typeof globalThis & { scheduler?: Scheduler };
  if (typeof g.scheduler?.yield === 'function') return g.scheduler.yield();
  if (typeof g.setImmediate === 'function') return new Promise((resolve) => g.setImmediate(resolve));
  if (typeof g.MessageChannel === 'function') {
    return new Promise((resolve) => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => {
        channel.port1.close();
        resolve();
      };
      channel.port2.postMessage(null);
    });
  }
  return new Promise((resolve) => setTimeout(resolve, 0));
}
