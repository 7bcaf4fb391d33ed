import type { NormalizedDatasetSpec, StoreChunk } from '@promoscale/generator';

/**
 * How a worker sends a chunk to the main thread:
 * - `'clone'` (the default): the chunk object itself, copied by the structured clone algorithm. Faster in
 *   `bench/loading.bench.mjs` on Node, for the main thread and end to end, and it keeps every value exactly;
 * - `'json-bytes'`: the chunk's JSON, UTF-8 encoded into an ArrayBuffer that is transferred (moved, not copied)
 *   and parsed on the main thread. JSON keeps every value a promotion holds except the sign of a zero
 *   (`-0` arrives as `0`). Worth measuring in your browser: engines differ in their clone and JSON speeds.
 */
export type WorkerEncoding = 'clone' | 'json-bytes';

/** The encodings, in the order the benchmark reports them. */
export const WORKER_ENCODINGS: readonly WorkerEncoding[] = ['clone', 'json-bytes'];

/** Main thread → worker: start generating, with `credits` chunks allowed in flight. */
export interface StartRequest {
  type: 'start';
  spec: NormalizedDatasetSpec;
  chunkSize: number;
  encoding: WorkerEncoding;
  credits: number;
}

/** Main thread → worker: the main thread consumed chunks; the worker may send `credits` more. */
export interface PullRequest {
  type: 'pull';
  credits: number;
}

/** What the main thread sends. */
export type WorkerRequest = StartRequest | PullRequest;

/** Worker → main thread: one chunk, in the requested encoding. */
export type ChunkMessage =
  | { type: 'chunk'; index: number; chunk: StoreChunk }
  | { type: 'chunk'; index: number; bytes: Uint8Array };

/** Worker → main thread: the error that stopped generation. */
export interface ErrorMessage {
  type: 'error';
  error: SerializedError;
}

/** Worker → main thread: every chunk was sent. */
export interface DoneMessage {
  type: 'done';
  chunks: number;
}

/** What a worker sends. */
export type WorkerResponse = ChunkMessage | ErrorMessage | DoneMessage;

/** An error as plain data (a PromoscaleError keeps its `code`, `field`, `value` and `allowed`). */
export interface SerializedError {
  name: string;
  message: string;
  code?: string | undefined;
  field?: string | undefined;
  value?: unknown | undefined;
  allowed?: string | undefined;
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** Encodes a chunk for `postMessage`: the message and what to transfer with it. */
export function encodeChunk(chunk: StoreChunk, encoding: WorkerEncoding): [ChunkMessage, ArrayBuffer[]] {
  if (encoding === 'clone') return [{ type: 'chunk', index: chunk.index, chunk }, []];
  const bytes = encoder.encode(JSON.stringify(chunk));
  return [{ type: 'chunk', index: chunk.index, bytes }, [bytes.buffer as ArrayBuffer]];
}

/** Decodes what {@link encodeChunk} made, on the receiving side. */
export function decodeChunk(message: ChunkMessage): StoreChunk {
  return 'chunk' in message ? message.chunk : (JSON.parse(decoder.decode(message.bytes)) as StoreChunk);
}

/** Turns any thrown value into data that survives `postMessage`. */
export function serializeError(error: unknown): SerializedError {
  if (!(error instanceof Error)) return { name: 'Error', message: String(error) };
  const serialized: SerializedError = { name: error.name, message: error.message };
  const details = error as Error & { code?: unknown; field?: unknown; value?: unknown; allowed?: unknown };
  if (typeof details.code === 'string') serialized.code = details.code;
  if (typeof details.field === 'string') serialized.field = details.field;
  if (typeof details.allowed === 'string') serialized.allowed = details.allowed;
  if ('value' in details) serialized.value = safeValue(details.value);
  return serialized;
}

function safeValue(value: unknown): unknown {
  try {
    structuredClone(value);
    return value;
  } catch {
    return String(value);
  }
}
