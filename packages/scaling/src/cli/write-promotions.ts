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
): Promise<WriteSummary> {
  let streamError: unknown = null;
  const onError = (error: unknown) => {
    streamError ??= error;
  };
  out.on('error', onError);
  const summary: WriteSummary = { promotions: 0, stores: 0, bytes: 0 };
  const write = async (text: string | Uint8Array) => {
    if (streamError) throw streamError;
    summary.bytes += typeof text === 'string' ? Buffer.byteLength(text) : text.length;
    // The signal also ends a wait for a reader that stopped reading (a paused pipe).
    if (!out.write(text)) await once(out, 'drain', signal ? { signal } : {});
  };

  try {
    if (format === 'csv') await write(`${promotionCsvHeader()}\n`);
    for await (const chunk of chunks) {
      const first = summary.promotions === 0;
      await write(serializeChunk(chunk.promotions, format, first));
      summary.promotions += chunk.promotions.length;
      summary.stores += chunk.storeIds.length;
      onChunk?.(chunk);
    }
    if (format === 'json') await write(summary.promotions === 0 ? '[]\n' : '\n]\n');
    if (streamError) throw streamError;
  } finally {
    out.off('error', onError);
  }
  return summary;
}

/** A chunk's text: the generator's fast writers give CSV and NDJSON as UTF-8 bytes directly. */
function serializeChunk(rows: Promotion[], format: OutputFormat, first: boolean): string | Uint8Array {
  if (format === 'csv') return promotionsToCsvBytes(rows);
  if (format === 'ndjson') return promotionsToNdjsonBytes(rows);
  let text = '';
  for (let i = 0; i < rows.length; i++) {
    const separator = first && i === 0 ? '[\n' : ',\n';
    text += separator + promotionToNdjsonLine(rows[i] as Promotion);
  }
  return text;
}
