/**
 * The lines of a UTF-8 byte stream, decoded as they arrive, without their terminators (`\n`, `\r\n` or `\r`).
 * A last line without a terminator is yielded too. Stopping early cancels the stream.
 *
 * @example
 * for await (const line of readLines(response.body)) if (line) rows.push(JSON.parse(line));
 */
export async function* readLines(body: ReadableStream<Uint8Array>): AsyncGenerator<string> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  let finished = false;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      buffer += done ? decoder.decode() : decoder.decode(value, { stream: true });
      let start = 0;
      for (let i = 0; i < buffer.length; i++) {
        const c = buffer.charCodeAt(i);
        if (c !== 10 && c !== 13) continue;
        // A \r at the very end may be the first half of \r\n: wait for more input.
        if (c === 13 && i === buffer.length - 1 && !done) break;
        yield buffer.slice(start, i);
        if (c === 13 && buffer.charCodeAt(i + 1) === 10) i++;
        start = i + 1;
      }
      buffer = buffer.slice(start);
      if (done) {
        if (buffer !== '') yield buffer;
        finished = true;
        return;
      }
    }
  } finally {
    if (!finished) await reader.cancel().catch(() => {});
    reader.releaseLock();
  }
}
