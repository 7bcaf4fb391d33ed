import { promotionCsvHeader, promotionsToCsvBytes, promotionsToNdjsonBytes } from '@promoscale/generator';
import type { ExportFormat } from '../query/export-query-schema.js';
import type { Promotion } from '../schemas/promotion-schema.js';

/** Content types of the export formats. */
export const EXPORT_CONTENT_TYPES: Readonly<Record<ExportFormat, string>> = {
  ndjson: 'application/x-ndjson; charset=utf-8',
  csv: 'text/csv; charset=utf-8',
};

/** Options of {@link exportResponse}. */
export interface ExportResponseOptions {
  /** Rows per chunk of the body. @default 500 */
  chunkRows?: number | undefined;
  /** Aborts the export (the request's signal): the rows' iterator is closed and the body ends. */
  signal?: AbortSignal | undefined;
}

/**
 * A streamed export: NDJSON (one promotion per line) or CSV (the header, then one line per promotion), each
 * line ending in `\n`. Rows are pulled from `rows` only as the body is read, `chunkRows` at a time; cancelling
 * the body or aborting `signal` closes the iterator.
 */
export function exportResponse(
  rows: AsyncIterable<Promotion>,
  format: ExportFormat,
  options: ExportResponseOptions = {},
): Response {
  const chunkRows = Math.max(1, options.chunkRows ?? 500);
  // The generator's fast writers: the bytes of the lines joined and encoded, without the text in between.
  const toBytes = format === 'csv' ? promotionsToCsvBytes : promotionsToNdjsonBytes;
  const encoder = new TextEncoder();
  const iterator = rows[Symbol.asyncIterator]();
  let header: Uint8Array | null = format === 'csv' ? encoder.encode(`${promotionCsvHeader()}\n`) : null;
  let done = false;
  let streamController: ReadableStreamDefaultController<Uint8Array> | undefined;

  const stop = () => {
    if (done) return;
    done = true;
    options.signal?.removeEventListener('abort', onAbort);
    void Promise.resolve(iterator.return?.()).catch(() => {});
  };
  const onAbort = () => {
    stop();
    try {
      streamController?.close();
    } catch {
      // already closed or errored
    }
  };

  const body = new ReadableStream<Uint8Array>(
    {
      start(controller) {
        streamController = controller;
        if (options.signal?.aborted) onAbort();
        else options.signal?.addEventListener('abort', onAbort, { once: true });
      },
      async pull(controller) {
        const batch: Promotion[] = [];
        // The CSV header goes out with the first rows, in one chunk.
        const emit = (bytes: Uint8Array) => {
          if (header === null) return controller.enqueue(bytes);
          const first = new Uint8Array(header.length + bytes.length);
          first.set(header);
          first.set(bytes, header.length);
          header = null;
          controller.enqueue(first);
        };
        try {
          for (let n = 0; n < chunkRows; n++) {
            const next = await iterator.next();
            if (done) return;
            if (next.done) {
              done = true;
              options.signal?.removeEventListener('abort', onAbort);
              if (batch.length > 0 || header !== null) emit(toBytes(batch));
              controller.close();
              return;
            }
            batch.push(next.value);
          }
          emit(toBytes(batch));
        } catch (error) {
          if (done) return;
          stop();
          controller.error(error);
        }
      },
      cancel() {
        stop();
      },
    },
    { highWaterMark: 0 },
  );
  return new Response(body, {
    status: 200,
    headers: {
      'content-type': EXPORT_CONTENT_TYPES[format],
      'content-disposition': `attachment; filename="promotions.${format}"`,
      'cache-control': 'no-store',
    },
  });
}
