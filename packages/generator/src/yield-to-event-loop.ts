type Scheduler = { postTask?: (callback: () => void, options?: { priority?: string }) => Promise<void> };

/**
 * Resolves on a later task of the event loop, after timers, messages and (in browsers) rendering had their turn:
 * `setImmediate` in Node, `scheduler.postTask` at 'user-visible' priority where it exists, else a MessageChannel
 * message (no 4 ms clamp of nested `setTimeout`), else `setTimeout(0)`.
 *
 * Not `scheduler.yield()`: its continuation outranks other tasks, so in Chromium timers and worker messages waited
 * until a whole chunked load had finished and the page painted ~10 times a second (measured in a browser test).
 */
export function yieldToEventLoop(): Promise<void> {
  const g = globalThis as typeof globalThis & { scheduler?: Scheduler };
  if (typeof g.setImmediate === 'function') return new Promise((resolve) => g.setImmediate(resolve));
  if (typeof g.scheduler?.postTask === 'function')
    return g.scheduler.postTask(() => {}, { priority: 'user-visible' });
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
