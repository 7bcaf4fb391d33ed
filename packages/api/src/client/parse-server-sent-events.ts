import { readLines } from './read-lines.js';

/** One Server-Sent Event as dispatched by the EventSource algorithm. */
export interface ServerSentEvent {
  /** `event:`, `message` when absent. */
  event: string;
  /** The `data:` lines joined with `\n`. */
  data: string;
  /** The last event id seen so far in the stream (`id:`), if any. */
  id: string | undefined;
  /** The last `retry:` value seen so far in the stream (milliseconds), if any. */
  retry: number | undefined;
}

/**
 * Parses a `text/event-stream` body as the WHATWG EventSource algorithm does: comment lines (`:`) are skipped, a
 * blank line dispatches the event when it has data, `retry:` takes digits only, `id:` and `retry:` persist across
 * events.
 *
 * @example
 * for await (const event of parseServerSentEvents(response.body)) console.log(event.id, event.event, event.data);
 */
export async function* parseServerSentEvents(
  body: ReadableStream<Uint8Array>,
): AsyncGenerator<ServerSentEvent> {
  let event = '';
  let data: string[] = [];
  let id: string | undefined;
  let retry: number | undefined;
  for await (const line of readLines(body)) {
    if (line === '') {
      if (data.length > 0) yield { event: event || 'message', data: data.join('\n'), id, retry };
      event = '';
      data = [];
      continue;
    }
    if (line.startsWith(':')) continue;
    const colon = line.indexOf(':');
    const field = colon < 0 ? line : line.slice(0, colon);
    let value = colon < 0 ? '' : line.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    if (field === 'event') event = value;
    else if (field === 'data') data.push(value);
    else if (field === 'id' && !value.includes('\0')) id = value;
    else if (field === 'retry' && /^\d+$/.test(value)) retry = Number(value);
  }
}
