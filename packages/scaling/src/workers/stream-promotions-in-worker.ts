import {
  type DatasetSpec,
  MAX_STORES,
  normalizeSpec,
  PromoscaleError,
  type PromoscaleErrorCode,
  type StoreChunk,
} from '@promoscale/generator';
import { assertInteger, assertOneOf, readOptions, readSignal } from '@promoscale/generator/internal';
import { connectWorker, createWorker, type WorkerConnection, type WorkerSource } from './connect-worker.js';
import {
  type ChunkMessage,
  decodeChunk,
  type SerializedError,
  WORKER_ENCODINGS,
  type WorkerEncoding,
  type WorkerResponse,
} from './worker-protocol.js';

/**
 * The encoding {@link streamPromotionsInWorker} uses unless told otherwise: the faster one in
 * `bench/loading.bench.mjs` (docs/decisions/0002-worker-chunk-encoding.md).
 */
export const DEFAULT_WORKER_ENCODING: WorkerEncoding = 'clone';

/** Options of {@link streamPromotionsInWorker}. */
export interface StreamInWorkerOptions {
  /** Stores a chunk (one message from the worker). Never changes the rows. @default 10 */
  chunkSize?: number | undefined;
  /** Stops the stream and terminates the worker: the pending and next `next()` reject with `signal.reason`. */
  signal?: AbortSignal | undefined;
  /** How chunks cross to the main thread (see {@link WorkerEncoding}). @default 'clone' */
  encoding?: WorkerEncoding | undefined;
  /** The worker to run (see {@link WorkerSource}). @default the package's own worker script for this runtime */
  worker?: WorkerSource | undefined;
  /** Chunks the worker may generate ahead of the consumer: its back-pressure window. @default 2 */
  prefetch?: number | undefined;
}

/**
 * The STREAMING_ITERATOR strategy off the main thread: a worker (Node `worker_threads` or a browser module
 * `Worker`, detected) generates the chunks and sends them over; the main thread only decodes them. It is an
 * async iterator like {@link streamPromotions}, with the same chunks and rows. The worker starts on the first
 * `next()`, runs at most `prefetch` chunks ahead of the consumer, and is terminated when the stream ends, fails,
 * is aborted or is left early (`break` / `return()`). Throws `PromoscaleError` at once for an invalid spec, chunk
 * size (`INVALID_CHUNK_SIZE`) or option (`INVALID_OPTION`: `encoding`, `prefetch` 1-64, `worker`, a `signal` that
 * is not an AbortSignal); worker failures reject `next()` with an Error naming the cause.
 *
 * @example
 * const rows = [];
 * for await (const chunk of streamPromotionsInWorker({ stores: 50, templates: 'MIXED' }, { chunkSize: 10 })) {
 *   rows.push(...chunk.promotions); // the UI thread never generated a row
 * }
 */
export function streamPromotionsInWorker(
  spec: DatasetSpec,
  optionsArg?: StreamInWorkerOptions | null,
): AsyncIterableIterator<StoreChunk> {
  const normalized = normalizeSpec(spec);
  const options = readOptions(optionsArg, 'options');
  const chunkSize = options.chunkSize ?? 10;
  const encoding = options.encoding ?? DEFAULT_WORKER_ENCODING;
  const prefetch = options.prefetch ?? 2;
  const signal = readSignal(options.signal, 'options.signal');
  const workerSource = options.worker ?? undefined;
  assertInteger(chunkSize, 'options.chunkSize', 'INVALID_CHUNK_SIZE', 1, MAX_STORES);
  assertOneOf(encoding, 'options.encoding', WORKER_ENCODINGS);
  assertInteger(prefetch, 'options.prefetch', 'INVALID_OPTION', 1, 64);
  if (
    workerSource !== undefined &&
    typeof workerSource !== 'string' &&
    typeof workerSource !== 'function' &&
    !(workerSource instanceof URL)
  ) {
    throw new PromoscaleError(
      'INVALID_OPTION',
      'options.worker',
      workerSource,
      'a URL, a path string or a function returning a Worker',
    );
  }

  const totalChunks = Math.ceil(normalized.stores / chunkSize);
  const received: ChunkMessage[] = [];
  const waiters: {
    resolve: (result: IteratorResult<StoreChunk>) => void;
    reject: (error: unknown) => void;
  }[] = [];
  let connection: WorkerConnection | null = null;
  let delivered = 0;
  let expectedIndex = 0;
  let failure: { error: unknown } | null = null;
  let closed = false;

  const close = () => {
    closed = true;
    connection?.terminate();
    signal?.removeEventListener('abort', onAbort);
  };
  const fail = (error: unknown) => {
    if (failure || closed) return;
    failure = { error };
    close();
    received.length = 0;
    for (const waiter of waiters.splice(0)) waiter.reject(error);
  };
  const onAbort = () => fail(signal?.reason);

  const deliver = (message: ChunkMessage): IteratorResult<StoreChunk> => {
    delivered++;
    if (delivered < totalChunks) connection?.post({ type: 'pull', credits: 1 });
    return { done: false, value: decodeChunk(message) };
  };

  const onMessage = (message: WorkerResponse) => {
    if (closed) return;
    if (message.type === 'error') {
      fail(deserializeError(message.error));
    } else if (message.type === 'done') {
      // Everything was sent: the worker is no longer needed, whatever is still queued here.
      connection?.terminate();
      if (expectedIndex !== totalChunks)
        fail(new Error(`promoscale worker sent ${expectedIndex} of ${totalChunks} chunks`));
    } else if (message.index !== expectedIndex++) {
      fail(new Error(`promoscale worker sent chunk ${message.index}; expected ${expectedIndex - 1}`));
    } else {
      const waiter = waiters.shift();
      if (waiter) waiter.resolve(deliver(message));
      else received.push(message);
      connection?.hold(waiters.length > 0);
    }
  };

  const start = () => {
    connection = connectWorker(createWorker(workerSource), { message: onMessage, error: fail });
    connection.post({ type: 'start', spec: normalized, chunkSize, encoding, credits: prefetch });
  };

  const iterator: AsyncIterableIterator<StoreChunk> = {
    next() {
      if (failure) return Promise.reject(failure.error);
      if (signal?.aborted) {
        fail(signal.reason);
        return Promise.reject(signal.reason);
      }
      const queued = received.shift();
      if (queued) return settle(() => deliver(queued));
      if (closed || delivered === totalChunks) {
        close();
        return Promise.resolve({ done: true, value: undefined });
      }
      if (!connection) {
        signal?.addEventListener('abort', onAbort, { once: true });
        try {
          start();
        } catch (error) {
          fail(error);
          return Promise.reject(error);
        }
      }
      return new Promise((resolve, reject) => {
        waiters.push({ resolve, reject });
        connection?.hold(true);
      });
    },
    return(value?: unknown) {
      close();
      for (const waiter of waiters.splice(0)) waiter.resolve({ done: true, value: undefined });
      received.length = 0;
      return Promise.resolve({ done: true, value: value as undefined });
    },
    [Symbol.asyncIterator]() {
      return iterator;
    },
  };
  return iterator;
}

function settle<T>(produce: () => T): Promise<T> {
  try {
    return Promise.resolve(produce());
  } catch (error) {
    return Promise.reject(error);
  }
}

/** Rebuilds a worker's error on the main thread: a PromoscaleError stays one, with the same code and message. */
function deserializeError(error: SerializedError): Error {
  if (error.name === 'PromoscaleError' && error.code && error.field && error.allowed) {
    return new PromoscaleError(error.code as PromoscaleErrorCode, error.field, error.value, error.allowed);
  }
  const rebuilt = new Error(`promoscale worker: ${error.message}`);
  rebuilt.name = error.name;
  return rebuilt;
}
