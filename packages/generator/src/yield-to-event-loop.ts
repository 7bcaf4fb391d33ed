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
      const port = yieldPort();
      waiting.push(resolve);
      port.postMessage(null);
    });
  }
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/** Callers waiting for their message, first in first out: each message resolves one. */
const waiting: (() => void)[] = [];
let sendPort: MessagePort | undefined;

/**
 * The sending port of one MessageChannel kept for every yield. A new channel per yield cost ~30 ms in WebKitGTK
 * (its ports are set up through another process), and up to seconds on a loaded machine, against ~0.2 ms for a
 * message on a kept channel. Only engines without `setImmediate` and `scheduler.postTask` get here (WebKit).
 */
function yieldPort(): MessagePort {
  if (sendPort) return sendPort;
  const channel = new MessageChannel();
  channel.port1.onmessage = () => waiting.shift()?.();
  // Runtimes whose ports hold the process open (Node's, if it ever gets here) must not wait on this one.
  (channel.port1 as MessagePort & { unref?: () => void }).unref?.();
  sendPort = channel.port2;
  return sendPort;
}
