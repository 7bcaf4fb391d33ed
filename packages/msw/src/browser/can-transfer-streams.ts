/**
 * Whether this browser can hand a `ReadableStream` to MSW's Service Worker (`postMessage` with the stream in the
 * transfer list). Chromium and Firefox can; WebKit (Safari's engine, WebKitGTK 2.50) cannot, so there the worker
 * reads a mocked body to its end before answering: exports and `GET /api/live?limit=…` arrive in one piece, and
 * `GET /api/live` without `limit` never answers. Where this is `false`, follow live updates with bounded streams
 * (`limit`) and reconnect: `ServerPromotionsGrid`'s `live.eventsPerStream` does.
 *
 * @example
 * import { canTransferStreams } from '@promoscale/msw/browser';
 *
 * const live = canTransferStreams() ? { intervalMs: 1000 } : { intervalMs: 1000, eventsPerStream: 1 };
 */
export function canTransferStreams(): boolean {
  try {
    const stream = new ReadableStream();
    new MessageChannel().port1.postMessage(stream, [stream as unknown as Transferable]);
    return true;
  } catch {
    return false;
  }
}
