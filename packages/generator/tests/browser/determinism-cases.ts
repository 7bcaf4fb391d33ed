import {
  type BatchResult,
  processBatch,
  promotionCsvHeader,
  promotionToCsvLine,
  promotionToNdjsonLine,
  slicePromotions,
  validatePromotions,
} from '../../src/index.js';

/**
 * The outputs whose bytes must not depend on the runtime. Imported twice: by `determinism.global-setup.ts`, which
 * hashes them in Node and hands the hashes to the browser run, and by `determinism.test.ts`, which recomputes them
 * in Chromium. Each returns the exact text a user would store or send.
 */
export interface DeterminismCase {
  name: string;
  output: () => string;
}

/** A batch without its timings (`durationMs`, `promotions_per_second`), which differ from run to run. */
function stableBatch(result: BatchResult) {
  const { durationMs: _duration, promotions_per_second: _rate, ...metadata } = result.metadata;
  return { ...result, metadata };
}

export const WEIGHTS = { URBAN_PREMIUM: 3, RURAL_VALUE: 1, COASTAL_SEASONAL: 2 };

/** The rows alone of the first case: what the browser also rebuilds from storeDataAsyncIterator chunks. */
export const MIXED_300_ROWS = "processBatch(1, 300, 'MIXED', { seed: 42 }).promotions";

export const DETERMINISM_CASES: readonly DeterminismCase[] = [
  {
    name: "processBatch(1, 300, 'MIXED', { seed: 42 })",
    output: () => JSON.stringify(stableBatch(processBatch(1, 300, 'MIXED', { seed: 42 }))),
  },
  {
    name: MIXED_300_ROWS,
    output: () => JSON.stringify(processBatch(1, 300, 'MIXED', { seed: 42 }).promotions),
  },
  {
    name: 'processBatch(1, 120, a weights object, { seed: 42 })',
    output: () => JSON.stringify(stableBatch(processBatch(1, 120, WEIGHTS, { seed: 42 }))),
  },
  {
    name: "processBatch(1, 120, 'MIXED', { seed: 'browser' })",
    output: () => JSON.stringify(stableBatch(processBatch(1, 120, 'MIXED', { seed: 'browser' }))),
  },
  {
    name: "processBatch(1, 120, 'SUBURBAN_FAMILY', { seed: 42, asOf: '2027-01-15' })",
    output: () =>
      JSON.stringify(stableBatch(processBatch(1, 120, 'SUBURBAN_FAMILY', { seed: 42, asOf: '2027-01-15' }))),
  },
  {
    name: "processBatch(1, 200, 'MIXED', { seed: 7, includeMetrics, includeValidation })",
    output: () =>
      JSON.stringify(
        stableBatch(
          processBatch(1, 200, 'MIXED', {
            seed: 7,
            includeMetrics: true,
            includeValidation: validatePromotions,
          }),
        ),
      ),
  },
  {
    name: "processBatch(99_991, 100_000, 'CAMPUS_EXPRESS', { seed: 2_147_483_647 })",
    output: () =>
      JSON.stringify(stableBatch(processBatch(99_991, 100_000, 'CAMPUS_EXPRESS', { seed: 2_147_483_647 }))),
  },
  {
    name: 'slicePromotions({ seed: 42, stores: 50_000 }, store 40,000, 30 rows)',
    output: () => JSON.stringify(slicePromotions({ seed: 42, stores: 50_000 }, 39_999 * 30, 30)),
  },
  {
    name: "CSV of processBatch(1, 100, 'MIXED', { seed: 42 })",
    output: () =>
      [
        promotionCsvHeader(),
        ...processBatch(1, 100, 'MIXED', { seed: 42 }).promotions.map(promotionToCsvLine),
      ].join('\n'),
  },
  {
    name: "NDJSON of processBatch(1, 100, 'COASTAL_SEASONAL', { seed: 'ndjson' })",
    output: () =>
      processBatch(1, 100, 'COASTAL_SEASONAL', { seed: 'ndjson' })
        .promotions.map(promotionToNdjsonLine)
        .join(''),
  },
];

/** What Node computed for a case: the SHA-256 (hex) of its output's UTF-8 bytes, and their number. */
export interface OutputDigest {
  sha256: string;
  bytes: number;
}

declare module 'vitest' {
  export interface ProvidedContext {
    /** Case name → the digest Node computed (see determinism.global-setup.ts). */
    nodeDigests: Record<string, OutputDigest>;
    /** `process.version` of the Node that computed them. */
    nodeVersion: string;
  }
}
