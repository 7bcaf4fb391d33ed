import type { LiveUpdate, PromoscaleClient } from '@promoscale/api';
import { assertInteger } from '@promoscale/generator/internal';

/** Options of {@link followLiveUpdates}. */
export interface FollowLiveUpdatesOptions {
  /** Stops following: aborts the stream and any wait before a reconnect. */
  signal: AbortSignal;
  /** Called for each `promotion.updated` event, in sequence order. */
  onUpdate: (update: LiveUpdate) => void;
  /** Called when the stream fails (it is then reopened). */
  onError?: (error: unknown) => void;
  /** Resume after this sequence number. @default 0 */
  lastEventId?: number;
  /** Ask the server to pace events this many milliseconds apart (0..60,000). @default the server's */
  intervalMs?: number;
  /** Wait before reopening a stream that ended or failed. @default 3000 */
  reconnectDelayMs?: number;
}

/**
 * Follows `GET /api/live` until `signal` aborts: each `promotion.updated` event goes to `onUpdate`; when the stream
 * ends or fails it is reopened after `reconnectDelayMs` with `Last-Event-ID` set to the last sequence seen, so no
 * event is missed or repeated. Resolves with that last sequence once aborted; rejects only for a bad option
 * (`PromoscaleError` `INVALID_OPTION`).
 *
 * @example
 * const controller = new AbortController();
 * void followLiveUpdates(client, { signal: controller.signal, onUpdate: (u) => console.log(u.promotion.id) });
 * // later: controller.abort();
 */
export async function followLiveUpdates(
  client: PromoscaleClient,
  options: FollowLiveUpdatesOptions,
): Promise<number> {
  const { signal, onUpdate, onError } = options;
  const reconnectDelayMs = options.reconnectDelayMs ?? 3000;
  assertInteger(reconnectDelayMs, 'live.reconnectDelayMs', 'INVALID_OPTION', 0, 600_000);
  if (options.intervalMs !== undefined) {
    assertInteger(options.intervalMs, 'live.intervalMs', 'INVALID_OPTION', 0, 60_000);
  }
  let lastEventId = options.lastEventId ?? 0;
  while (!signal.aborted) {
    try {
      const stream = client.live({
        signal,
        lastEventId,
        ...(options.intervalMs === undefined ? {} : { intervalMs: options.intervalMs }),
      });
      for await (const update of stream) {
        if (signal.aborted) break;
        if (update.sequence <= lastEventId) continue;
        lastEventId = update.sequence;
        onUpdate(update);
      }
    } catch (error) {
      if (signal.aborted) break;
      onError?.(error);
    }
    await pause(reconnectDelayMs, signal);
  }
  return lastEventId;
}

function pause(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const done = () => {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done);
  });
}
