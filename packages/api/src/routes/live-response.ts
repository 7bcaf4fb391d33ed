import { LIVE_EVENT_NAME } from '../schemas/live-update-schema.js';
import type { DataSource } from '../sources/data-source.js';

/** Options of {@link liveResponse}. */
export interface LiveResponseOptions {
  /** The last sequence number the client has; the first event sent is `after + 1`. */
  after: number;
  /** Events to send before closing the stream; `undefined`: never close. */
  limit: number | undefined;
  /** Pause between two events, in milliseconds (the first event goes at once). */
  intervalMs: number;
  /** The reconnection delay sent in the `retry:` line. */
  retryMs: number;
  /** The request's signal: aborting it closes the stream cleanly. */
  signal?: AbortSignal | undefined;
}

/**
 * A Server-Sent Events response of live updates: `retry: <ms>` first, then for each sequence number n
 * `id: n`, `event: promotion.updated`, `data: {"sequence":n,"promotion":{…}}`. A sequence with no update
 * (no active promotion) sends a comment line instead. Events are produced only as the body is read; aborting
 * the request or cancelling the body stops the timer and ends the stream.
 */
export function liveResponse(source: DataSource, options: LiveResponseOptions): Response {
  const encoder = new TextEncoder();
  let sequence = options.after;
  let sent = 0;
  let closed = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let wake: (() => void) | undefined;
  let streamController: ReadableStreamDefaultController<Uint8Array> | undefined;

  const close = () => {
    if (closed) return;
    closed = true;
    options.signal?.removeEventListener('abort', close);
    if (timer !== undefined) clearTimeout(timer);
    wake?.();
    try {
      streamController?.close();
    } catch {
      // already closed
    }
  };
  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      wake = resolve;
      timer = setTimeout(resolve, ms);
    });

  const body = new ReadableStream<Uint8Array>(
    {
      start(controller) {
        streamController = controller;
        controller.enqueue(encoder.encode(`retry: ${options.retryMs}\n\n`));
        if (options.signal?.aborted) close();
        else options.signal?.addEventListener('abort', close, { once: true });
      },
      async pull(controller) {
        if (closed) return;
        if (options.limit !== undefined && sent >= options.limit) {
          close();
          return;
        }
        if (sent > 0 && options.intervalMs > 0) await sleep(options.intervalMs);
        if (closed) return;
        sequence += 1;
        sent += 1;
        try {
          const update = await source.liveUpdate(sequence);
          if (closed) return;
          controller.enqueue(
            encoder.encode(
              update
                ? `id: ${sequence}\nevent: ${LIVE_EVENT_NAME}\ndata: ${JSON.stringify(update)}\n\n`
                : `: sequence ${sequence}: no active promotion to update\n\n`,
            ),
          );
        } catch (error) {
          if (closed) return;
          closed = true;
          controller.error(error);
        }
      },
      cancel() {
        close();
      },
    },
    { highWaterMark: 0 },
  );
  return new Response(body, {
    status: 200,
    headers: {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache',
    },
  });
}
