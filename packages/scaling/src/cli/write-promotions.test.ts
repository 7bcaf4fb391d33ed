import { Writable } from 'node:stream';
import { setImmediate } from 'node:timers/promises';
import { storeDataIterator } from '@promoscale/generator';
import { describe, expect, it } from 'vitest';
import { type OutputFormat, writePromotions } from './write-promotions.js';

async function* chunksOf(stores: number, chunkStores: number) {
  yield* storeDataIterator(stores, chunkStores, 'MIXED', { seed: 7 });
}

/**
 * A stream that reads each chunk's bytes only when it calls back, a turn of the event loop later (as a file
 * stream's write does on the thread pool), and keeps the chunks it was handed.
 */
function slowSink() {
  const read: Buffer[] = [];
  const handed: Uint8Array[] = [];
  const stream = new Writable({
    write(chunk: Uint8Array, _encoding, callback) {
      handed.push(chunk);
      void setImmediate().then(() => {
        read.push(Buffer.from(chunk));
        callback();
      });
    },
  });
  /** Everything read, once the stream has called back for every chunk. */
  const text = async () => {
    await new Promise<void>((resolve) => stream.end(resolve));
    return Buffer.concat(read).toString('utf8');
  };
  return { stream, text, handed };
}

describe('writePromotions with reuseBuffers', () => {
  for (const format of ['ndjson', 'csv'] as OutputFormat[]) {
    it(`writes the same ${format} bytes as without it, reusing the memory of chunks already written`, async () => {
      const plain = slowSink();
      await writePromotions(chunksOf(12, 2), plain.stream, format);
      const reused = slowSink();
      const summary = await writePromotions(chunksOf(12, 2), reused.stream, format, undefined, undefined, {
        reuseBuffers: true,
      });
      expect(await reused.text()).toBe(await plain.text());
      expect(summary.promotions).toBe(360);
      // Six chunks (after CSV's header): the third is written into the first one's memory, never before the
      // stream called back for it (the bytes read at each callback are what was written).
      const bodies = reused.handed.filter((chunk) => chunk.byteLength > 5000);
      expect(bodies).toHaveLength(6);
      expect(bodies[2]?.buffer).toBe(bodies[0]?.buffer);
      expect(bodies[3]?.buffer).toBe(bodies[1]?.buffer);
      expect(new Set(plain.handed.map((chunk) => chunk.buffer)).size).toBe(plain.handed.length);
    });
  }

  it('rejects with the stream error when the stream fails instead of calling back, never waits for ever', async () => {
    const stream = new Writable({
      write(_chunk, _encoding, callback) {
        void setImmediate().then(() => callback(new Error('disk full')));
      },
    });
    stream.on('error', () => {});
    await expect(
      writePromotions(chunksOf(10, 1), stream, 'ndjson', undefined, undefined, { reuseBuffers: true }),
    ).rejects.toThrow('disk full');
  });

  it('leaves JSON to new strings (its separators are not the fast writers)', async () => {
    const sink = slowSink();
    await writePromotions(chunksOf(3, 1), sink.stream, 'json', undefined, undefined, { reuseBuffers: true });
    expect(JSON.parse(await sink.text())).toHaveLength(90);
  });
});
