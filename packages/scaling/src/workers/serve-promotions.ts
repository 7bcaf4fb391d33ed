import { type StoreChunk, storeDataIterator } from '@promoscale/generator';
import { assertFunction, assertObject } from '@promoscale/generator/internal';
import { encodeChunk, serializeError, type WorkerRequest } from './worker-protocol.js';

/**
 * The worker's side of its channel to the main thread. The messages are the package's own worker protocol, which
 * stays inside the package: a custom worker script passes them through as they come (`e.data`, `postMessage`)
 * without reading them.
 */
export interface WorkerEndpoint {
  post(message: unknown, transfer: ArrayBuffer[]): void;
  onMessage(handler: (message: unknown) => void): void;
}

/**
 * Runs inside a worker: answers a `start` request by generating chunks with the generator's `storeDataIterator`
 * and sending each one as soon as the main thread has credit for it. Credits are the back-pressure: the worker
 * never runs more than `credits` chunks ahead of what the main thread consumed. The entry scripts
 * (`@promoscale/scaling/worker`, `@promoscale/scaling/node-worker`) call it; a custom worker script can too.
 *
 * @example
 * // my-worker.ts (a browser module worker)
 * import { servePromotions } from '@promoscale/scaling';
 * servePromotions({ post: (m, t) => self.postMessage(m, { transfer: t }), onMessage: (h) => {
 *   self.onmessage = (e) => h(e.data);
 * } });
 */
export function servePromotions(endpoint: WorkerEndpoint): void {
  assertObject(endpoint, 'endpoint', 'an object { post, onMessage }');
  assertFunction(endpoint.post, 'endpoint.post');
  assertFunction(endpoint.onMessage, 'endpoint.onMessage');
  let chunks: Iterator<StoreChunk> | null = null;
  let encoding: 'clone' | 'json-bytes' = 'clone';
  let credits = 0;
  let sent = 0;
  let finished = false;

  const pump = () => {
    try {
      while (chunks && !finished && credits > 0) {
        const next = chunks.next();
        if (next.done) {
          finished = true;
          endpoint.post({ type: 'done', chunks: sent }, []);
          return;
        }
        const [message, transfer] = encodeChunk(next.value, encoding);
        endpoint.post(message, transfer);
        credits--;
        sent++;
      }
    } catch (error) {
      finished = true;
      endpoint.post({ type: 'error', error: serializeError(error) }, []);
    }
  };

  endpoint.onMessage((message) => {
    // Sent by this package's main-thread side (streamPromotionsInWorker), which speaks the same protocol.
    const request = message as WorkerRequest;
    if (request.type === 'start') {
      if (chunks) return;
      const { spec, chunkSize } = request;
      encoding = request.encoding;
      credits = request.credits;
      try {
        chunks = storeDataIterator(spec.stores, chunkSize, spec.templates, {
          seed: spec.seed,
          asOf: spec.asOf,
        });
      } catch (error) {
        finished = true;
        endpoint.post({ type: 'error', error: serializeError(error) }, []);
        return;
      }
    } else if (request.type === 'pull') {
      credits += request.credits;
    }
    pump();
  });
}
