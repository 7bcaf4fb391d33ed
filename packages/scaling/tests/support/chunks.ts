// Shared by the Node tests (src/**/*.test.ts) and the Chromium tests (tests/browser/) of the streaming loaders:
// the specs both check, collecting a stream's chunks and rows, the rows to expect and the checks both make.
// What differs by environment (how a worker starts, what yielding looks like) stays in each test file.
import {
  type DatasetSpec,
  type Promotion,
  processBatch,
  type StoreChunk,
  type TemplateSelection,
} from '@promoscale/generator';
import { expect } from 'vitest';
import type { ChunkedLoadProgress } from '../../src/loading/load-chunked.js';
import type { WorkerEncoding } from '../../src/workers/worker-protocol.js';

/** The template selections the worker suites run each check with. */
export const TEMPLATES: TemplateSelection[] = ['MIXED', 'COASTAL_SEASONAL'];
/** Every encoding a worker can send its chunks in. */
export const ENCODINGS: WorkerEncoding[] = ['clone', 'json-bytes'];

/** The loadChunked suites' spec: 47 stores, so chunks of 10 stores leave a short last chunk (1,410 rows). */
export const CHUNKED_SPEC: Required<DatasetSpec> = {
  stores: 47,
  templates: 'MIXED',
  seed: 'chunked',
  asOf: '2026-03-02',
};

/** Every chunk of a stream, in order. */
export async function collect(chunks: AsyncIterable<StoreChunk>): Promise<StoreChunk[]> {
  const all: StoreChunk[] = [];
  for await (const chunk of chunks) all.push(chunk);
  return all;
}

/** The rows of the chunks, in order. */
export const rowsOf = (chunks: StoreChunk[]): Promotion[] => chunks.flatMap((chunk) => chunk.promotions);

/** The rows of a whole spec as one `processBatch(1, stores)` call makes them. */
export const batchRows = ({ stores, templates, seed, asOf }: Required<DatasetSpec>): Promotion[] =>
  processBatch(1, stores, templates, { seed, asOf }).promotions;

/**
 * Asserts that rows a worker sent with `encoding` equal `expected`: to the value with structured clone, which
 * keeps every value (the sign of a zero included); once through JSON with `json-bytes`, since JSON turns -0 into 0
 * (the generator can round a tiny negative ROI to -0).
 */
export function expectRowsWithEncoding(
  rows: Promotion[],
  expected: Promotion[],
  encoding: WorkerEncoding,
): void {
  if (encoding === 'clone') {
    expect(rows).toEqual(expected);
  } else {
    expect(rows).toEqual(JSON.parse(JSON.stringify(expected)));
  }
}

/**
 * Asserts what every progress report of a whole load shows: the totals, an ETA that is never negative and 0 at
 * the end, and an elapsed time that never goes back.
 */
export function expectProgressTotals(
  reports: ChunkedLoadProgress[],
  totals: { totalChunks: number; total: number },
): void {
  for (const report of reports) {
    expect(report).toMatchObject(totals);
    expect(report.etaMs).toBeGreaterThanOrEqual(0);
  }
  expect(reports.at(-1)?.etaMs).toBe(0);
  const elapsed = reports.map((p) => p.elapsedMs);
  expect([...elapsed].sort((a, b) => a - b)).toEqual(elapsed);
}
