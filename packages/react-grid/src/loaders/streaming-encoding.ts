import type { WorkerEncoding } from '@promoscale/scaling';

/**
 * How the streaming loader's worker sends chunks unless told otherwise: the encoding with the lower main-thread
 * receive cost in Chromium, measured by `bench/worker-encoding.bench.mjs` (docs/decisions/0007).
 */
export const STREAMING_ENCODING: WorkerEncoding = 'json-bytes';
