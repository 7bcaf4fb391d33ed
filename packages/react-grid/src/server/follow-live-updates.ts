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
  /**
   * End each stream after this many events (`limit`, 1..1,000,000) and open the next one after `intervalMs` (the pace;
   * `reconnectDelayMs` when no pace is given), resuming from the last sequence: a polling fallback for transports
   * that deliver a response only once it ends, such as MSW's Service Worker in WebKit (see
   * `canTransferStreams` of `@promoscale/msw/browser`). @default one endless stream
   */
  eventsPerStream?: number;
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
  const { eventsPerStream } = options;
  if (eventsPerStream !== undefined) {
    assertInteger(eventsPerStream, 'live.eventsPerStream', 'INVALID_OPTION', 1, MAX_EVENTS_PER_STREAM);
  }
  let lastEventId = options.lastEventId ?? 0;
  while (!signal.aborted) {
    let received = 0;
    try {
      const stream = client.live({
        signal,
        lastEventId,
        ...(options.intervalMs === undefined ? {} : { intervalMs: options.intervalMs }),
        ...(eventsPerStream === undefined ? {} : { limit: eventsPerStream }),
      });
      for await (const update of stream) {
        if (signal.aborted) break;
        received++;
        if (update.sequence <= lastEventId) continue;
        lastEventId = update.sequence;
        onUpdate(update);
      }
    } catch (error) {
      if (signal.aborted) break;
      onError?.(error);
    }
    // A bounded stream that delivered all its events is the poll's normal end: the next one follows at the pace.
    const polled = eventsPerStream !== undefined && received >= eventsPerStream;
    await pause(polled ? (options.intervalMs ?? reconnectDelayMs) : reconnectDelayMs, signal);
  }
  return lastEventId;
}

/** The largest `eventsPerStream`: the contract's largest `limit` of `GET /api/live`. */
const MAX_EVENTS_PER_STREAM = 1_000_000;

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
