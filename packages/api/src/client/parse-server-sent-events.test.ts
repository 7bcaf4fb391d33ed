import { describe, expect, it } from 'vitest';
import { parseServerSentEvents } from './parse-server-sent-events.js';
import { readLines } from './read-lines.js';

/** A body delivered in the given pieces (split anywhere, even inside a character). */
function body(...pieces: (string | Uint8Array)[]): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream({
    start(controller) {
      for (const piece of pieces)
        controller.enqueue(typeof piece === 'string' ? encoder.encode(piece) : piece);
      controller.close();
    },
  });
}

async function collect<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of iterable) out.push(item);
  return out;
}

describe('readLines', () => {
  it('splits on \\n, \\r\\n and \\r across chunk boundaries and keeps a last unterminated line', async () => {
    expect(await collect(readLines(body('a\r', '\nb\n', 'c\rd', '', 'e\n\nf')))).toEqual([
      'a',
      'b',
      'c',
      'de',
      '',
      'f',
    ]);
  });

  it('decodes a character split between two chunks', async () => {
    const bytes = new TextEncoder().encode('café\n');
    expect(await collect(readLines(body(bytes.slice(0, 4), bytes.slice(4))))).toEqual(['café']);
  });
});

describe('parseServerSentEvents', () => {
  it('dispatches events on blank lines, skipping comments, joining data lines, keeping id and retry', async () => {
    const events = await collect(
      parseServerSentEvents(
        body(
          'retry: 3000\n\n: a comment\nid: 1\nevent: promotion.updated\ndata: {"a":',
          '1}\n\n',
          'data: x\ndata:y\n\n',
        ),
      ),
    );
    expect(events).toEqual([
      { event: 'promotion.updated', data: '{"a":1}', id: '1', retry: 3000 },
      { event: 'message', data: 'x\ny', id: '1', retry: 3000 },
    ]);
  });

  it('does not dispatch a block without data', async () => {
    expect(await collect(parseServerSentEvents(body('id: 5\nevent: ping\n\n')))).toEqual([]);
  });
});
