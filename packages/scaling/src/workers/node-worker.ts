/**
 * The promoscale worker script for Node's `worker_threads`: `new Worker(new URL('./node-worker.js', …))`.
 * {@link streamPromotionsInWorker} starts it for you in Node; it does nothing useful outside a worker.
 * @module
 */
import { parentPort } from 'node:worker_threads';
import { servePromotions } from './serve-promotions.js';
import type { WorkerRequest } from './worker-protocol.js';

const port = parentPort;
if (!port) throw new Error('@promoscale/scaling/node-worker must run inside a worker_threads Worker');
servePromotions({
  post: (message, transfer) => port.postMessage(message, transfer),
  onMessage: (handler) => port.on('message', (message: WorkerRequest) => handler(message)),
});
