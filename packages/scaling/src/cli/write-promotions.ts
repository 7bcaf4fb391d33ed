import { once } from 'node:events';
import type { Writable } from 'node:stream';
import {
  type Promotion,
  promotionCsvHeader,
  promotionsToCsvBytes,
  promotionsToNdjsonBytes,
  promotionToNdjsonLine,
  type StoreChunk,
} from '@promoscale/generator';

/** What `promoscale generate --format` writes. */
export type OutputFormat = 'json' | 'ndjson' | 'csv';

/** The formats, as `--format` lists them. */
export const OUTPUT_FORMATS: readonly OutputFormat[] = ['json', 'ndjson', 'csv'];

/** What {@link writePromotions} wrote. */
export interface WriteSummary {
  promotions: number;
  stores: number;
  /** UTF-8 bytes written. */
  bytes: number;
}

/** Options of {@link writePromotions}. */
export interface WritePromotionsOptions {
  /**
   * Write NDJSON and CSV chunks into the memory of chunks already written (two buffers in turn) instead of new
   * arrays: only for a stream that is done with a chunk's bytes when its write callback runs (a file stream,
   * `process.stdout`), never one that hands the chunk on (a PassThrough, a collecting Writable). @default false
   */
  reuseBuffers?: boolean;
}

/**
 * Serializes chunks into `out` as they arrive, one `write` a chunk, and waits for `'drain'` whenever `write`
 * returns false: memory holds one chunk and its text, however many stores there are. `signal` stops a wait for
 * `'drain'` (the chunks' own signal stops the generation).
 * - `json`: a valid array, one promotion a line (`[`, rows separated by `,`, `]`);
 * - `ndjson`: one promotion a line;
 * - `csv`: the generator's header and RFC 4180 lines (`\n` line ends), which `parsePromotionsCsv` reads back.
 */
export async function writePromotions(
  chunks: AsyncIterable<StoreChunk>,
  out: Writable,
  format: OutputFormat,
  onChunk?: (chunk: StoreChunk) => void,
  signal?: AbortSignal,
  options: WritePromotionsOptions = {},
): Promise<WriteSummary> {
  let streamError: unknown = null;
  const onError = (error: unknown) => {
    streamError ??= error;
    releaseAll();
  };
  out.on('error', onError);
  const summary: WriteSummary = { promotions: 0, stores: 0, bytes: 0 };
  // With reuseBuffers: the chunks written whose memory the next chunks are written into, oldest first, each with
  // the promise of its write callback (after which the stream holds no reference to its bytes).
  const written: { bytes: Uint8Array; done: Promise<void>; release: () => void }[] = [];
  // A stream that fails or closes may never call back: its pending chunks are released then (the next write
  // throws the error).
  const releaseAll = () => {
    for (const chunk of written) chunk.release();
  };
  out.on('close', releaseAll);
  const write = async (text: string | Uint8Array) => {
    if (streamError) throw streamError;
    summary.bytes += typeof text === 'string' ? Buffer.byteLength(text) : text.length;
    let accepted: boolean;
    if (options.reuseBuffers === true && typeof text !== 'string') {
      let done: () => void = () => {};
      const callback = new Promise<void>((resolve) => {
        done = resolve;
      });
      // An error reaches `onError` too; the buffer is then never written into again (the write throws first).
      accepted = out.write(text, () => done());
      written.push({ bytes: text, done: callback, release: done });
    } else {
      accepted = out.write(text);
    }
    // The signal also ends a wait for a reader that stopped reading (a paused pipe).
    if (!accepted) await once(out, 'drain', signal ? { signal } : {});
  };
  /** The memory for the next chunk: the older of two chunks written, once the stream is done with it. */
  const spareBuffer = async (): Promise<Uint8Array | undefined> => {
    if (written.length < 2) return undefined;
    const oldest = written.shift() as (typeof written)[number];
    await oldest.done;
    if (streamError) throw streamError;
    return oldest.bytes;
  };

  try {
    if (format === 'csv') await write(`${promotionCsvHeader()}\n`);
    for await (const chunk of chunks) {
      const first = summary.promotions === 0;
      const into = format === 'json' ? undefined : await spareBuffer();
      await write(serializeChunk(chunk.promotions, format, first, into));
      summary.promotions += chunk.promotions.length;
      summary.stores += chunk.storeIds.length;
      onChunk?.(chunk);
    }
    if (format === 'json') await write(summary.promotions === 0 ? '[]\n' : '\n]\n');
    if (streamError) throw streamError;
  } finally {
    out.off('error', onError);
    out.off('close', releaseAll);
  }
  return summary;
}

/**
 * A chunk's text: the generator's fast writers give CSV and NDJSON as UTF-8 bytes directly, into the memory of
 * `into` when given.
 */
function serializeChunk(
  rows: Promotion[],
  format: OutputFormat,
  first: boolean,
  into: Uint8Array | undefined,
): string | Uint8Array {
  if (format === 'csv') return promotionsToCsvBytes(rows, { into });
  if (format === 'ndjson') return promotionsToNdjsonBytes(rows, { into });
  let text = '';
  for (let i = 0; i < rows.length; i++) {
    const separator = first && i === 0 ? '[\n' : ',\n';
    text += separator + promotionToNdjsonLine(rows[i] as Promotion);
  }
  return text;
}
