/**
 * The promoscale worker script for browsers (a module Web Worker), e.g. with Vite:
 * `import PromoscaleWorker from '@promoscale/scaling/worker?worker'` and
 * `streamPromotionsInWorker(spec, { worker: () => new PromoscaleWorker() })`.
 * @module
 */
import { servePromotions } from './serve-promotions.js';
import type { WorkerRequest } from './worker-protocol.js';

/** The part of `DedicatedWorkerGlobalScope` this script uses (the DOM lib types `self` as a Window). */
interface WorkerScope {
  postMessage(message: unknown, options: { transfer: ArrayBuffer[] }): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<WorkerRequest>) => void): void;
}

const scope = globalThis as unknown as WorkerScope;
servePromotions({
  post: (message, transfer) => scope.postMessage(message, { transfer }),
  onMessage: (handler) => scope.addEventListener('message', (event) => handler(event.data)),
});
