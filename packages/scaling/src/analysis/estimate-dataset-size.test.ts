import v8 from 'node:v8';
import vm from 'node:vm';
import {
  PROMOTIONS_PER_STORE,
  PromoscaleError,
  processBatch,
  STORE_TEMPLATES,
  TEMPLATE_NAMES,
  type TemplateSelection,
} from '@promoscale/generator';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CALIBRATION, type ScalingCalibration } from './default-calibration.js';
import { estimateDatasetSize } from './estimate-dataset-size.js';
import { retainedHeapBytes } from './measure-dataset.js';

const MB = 1_048_576;
// Sizes checked against JSON.stringify of the whole array. Larger sizes (1,000 and 5,000) are covered exactly by the
// every-store-count test below, whose prefix sums are the bytes of JSON.stringify(processBatch(1, n).promotions).
const SPREAD = [1, 2, 7, 10, 11, 25, 26, 50, 51, 100, 500];
// Explicit budgets for the tests that generate and stringify 150,000 rows (about 1 s each on a quiet 2-core machine):
// generous, because turbo runs other suites beside this one.
const HEAVY = { timeout: 120_000 };
const SELECTIONS: TemplateSelection[] = ['MIXED', ...TEMPLATE_NAMES];

const jsonBytes = (rows: unknown) => Buffer.byteLength(JSON.stringify(rows));
const errorPct = (estimate: number, actual: number) => (100 * (estimate - actual)) / actual;

/** Exact JSON bytes of every prefix 1..max stores, from one batch: each row stringified once. */
function exactJsonBytesByStoreCount(templates: TemplateSelection, max: number, seed: number | string = 42) {
  const rows = processBatch(1, max, templates, { seed }).promotions;
  const sizes = new Float64Array(max + 1);
  let rowBytes = 0;
  for (let n = 1; n <= max; n++) {
    for (let i = (n - 1) * PROMOTIONS_PER_STORE; i < n * PROMOTIONS_PER_STORE; i++)
      rowBytes += jsonBytes(rows[i]);
    sizes[n] = 2 + (n * PROMOTIONS_PER_STORE - 1) + rowBytes;
  }
  return sizes;
}

function exposedGc(): () => void {
  v8.setFlagsFromString('--expose-gc');
  return vm.runInNewContext('gc') as () => void;
}

describe('estimateDatasetSize', () => {
  describe.each(SELECTIONS)('JSON size of %s', (templates) => {
    it.each(SPREAD)('is within 3 percent of JSON.stringify(processBatch(1, %i).promotions)', (n) => {
      const actual = jsonBytes(processBatch(1, n, templates).promotions);
      const estimate = estimateDatasetSize(n, { templates });
      expect(Math.abs(errorPct(estimate.json_size_mb * MB, actual))).toBeLessThan(3);
    });

    it('is within ±3% for every store count from 1 to 5,000', HEAVY, () => {
      const exact = exactJsonBytesByStoreCount(templates, 5000);
      let worst = 0;
      for (let n = 1; n <= 5000; n++) {
        const error = errorPct(estimateDatasetSize(n, { templates }).json_size_mb * MB, exact[n] as number);
        worst = Math.max(worst, Math.abs(error));
      }
      expect(worst).toBeLessThan(3);
    });
  });

  it.each([7, 'berlin', { URBAN_PREMIUM: 3, CAMPUS_EXPRESS: 1 }] as const)(
    'keeps JSON within 3 percent for other seeds and selections (every n up to 300): %j',
    HEAVY,
    (variant) => {
      const templates: TemplateSelection = typeof variant === 'object' ? variant : 'MIXED';
      const seed = typeof variant === 'object' ? 42 : variant;
      const exact = exactJsonBytesByStoreCount(templates, 300, seed);
      for (let n = 1; n <= 300; n++) {
        const estimate = estimateDatasetSize(n, { templates, seed }).json_size_mb * MB;
        expect(Math.abs(errorPct(estimate, exact[n] as number))).toBeLessThan(3);
      }
    },
  );

  it('accepts a template object from STORE_TEMPLATES like its name', () => {
    expect(estimateDatasetSize(40, { templates: STORE_TEMPLATES.RURAL_VALUE })).toEqual(
      estimateDatasetSize(40, { templates: 'RURAL_VALUE' }),
    );
  });

  it.each([100, 1000])(
    'puts base_size_mb within 10 percent of the retained heap of %i stores',
    HEAVY,
    (n) => {
      const gc = exposedGc();
      // Unmeasured calls first: the generator fills its shared-number tables on first use (≈ 0.3-0.9 MB, once a
      // process) and V8 compiles optimized code for the hot functions in the first calls (heap too). Neither is the
      // rows' retained heap that base_size_mb estimates.
      for (let i = 0; i < 20; i++) processBatch(1, n, 'MIXED');
      // Whatever else lands in (or leaves) the heap during a reading is a few hundred kB either way: code and
      // feedback V8 finishes on background threads, later on a busy machine. Against 100 stores' 1.3 MB of rows
      // that spread five readings over 1.0-1.6 MB at load average 20, so each reading keeps `copies` batches
      // alive at once (30,000 promotions or more) and divides.
      const copies = Math.ceil(1000 / n);
      const readings = [0, 1, 2, 3, 4].map(
        () =>
          (retainedHeapBytes(
            () => Array.from({ length: copies }, () => processBatch(1, n, 'MIXED').promotions),
            gc,
          ) ?? Number.NaN) / copies,
      );
      const measured = (readings.sort((a, b) => a - b)[2] as number) / MB;
      expect(Math.abs(errorPct(estimateDatasetSize(n).base_size_mb, measured))).toBeLessThan(10);
    },
  );

  it('returns the seed table columns, 30 promotions a store, MB of 1,048,576 bytes', () => {
    const estimate = estimateDatasetSize(50);
    expect(Object.keys(estimate)).toEqual([
      'store_count',
      'promotions',
      'base_size_mb',
      'json_size_mb',
      'memory_requirement_mb',
      'load_time_ms',
      'risk_level',
      'approach',
    ]);
    expect(estimate.store_count).toBe(50);
    expect(estimate.promotions).toBe(1500);
    expect(estimate.base_size_mb).toBeCloseTo((1500 * DEFAULT_CALIBRATION.heapBytesPerPromotion) / MB, 5);
  });

  it('computes memory as rows + JSON + min(memoryHeadroom × (rows + JSON), memoryHeadroomMaxMb)', () => {
    const { memoryHeadroom, memoryHeadroomMaxMb } = DEFAULT_CALIBRATION;
    for (const n of [1, 50, 5000]) {
      const e = estimateDatasetSize(n);
      const held = e.base_size_mb + e.json_size_mb;
      expect(e.memory_requirement_mb).toBeCloseTo(
        held + Math.min(held * memoryHeadroom, memoryHeadroomMaxMb),
        4,
      );
    }
    expect(estimateDatasetSize(50).memory_requirement_mb).toBeCloseTo(
      (estimateDatasetSize(50).base_size_mb + estimateDatasetSize(50).json_size_mb) * 1.25,
      4,
    );
  });

  it('never decreases as stores are added', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 99_999 }), fc.integer({ min: 1, max: 5_000 }), (n, more) => {
        const a = estimateDatasetSize(n);
        const b = estimateDatasetSize(Math.min(100_000, n + more));
        return (
          b.json_size_mb >= a.json_size_mb &&
          b.base_size_mb >= a.base_size_mb &&
          b.memory_requirement_mb >= a.memory_requirement_mb &&
          b.load_time_ms >= a.load_time_ms
        );
      }),
    );
  });

  // How long an estimate takes is a benchmark figure (`pnpm bench`), not a test: this checks the result instead.
  it('estimates 100,000 stores from the calibration, in proportion to 1,000 stores', () => {
    const estimate = estimateDatasetSize(100_000);
    const small = estimateDatasetSize(1000);
    expect(estimate.promotions).toBe(3_000_000);
    expect(estimate.json_size_mb).toBeGreaterThan(2000);
    expect(Math.abs(errorPct(estimate.json_size_mb, 100 * small.json_size_mb))).toBeLessThan(3);
    expect(estimate.base_size_mb).toBeCloseTo(100 * small.base_size_mb, 2);
  });

  it('scales load time with the calibrated throughput', () => {
    const fast: ScalingCalibration = {
      ...DEFAULT_CALIBRATION,
      throughput: DEFAULT_CALIBRATION.throughput.map((p) => ({
        ...p,
        generatePromotionsPerMs: p.generatePromotionsPerMs * 2,
        parseBytesPerMs: p.parseBytesPerMs * 2,
      })),
    };
    for (const n of [1, 30, 750, 20_000]) {
      const slow = estimateDatasetSize(n).load_time_ms;
      expect(estimateDatasetSize(n, { calibration: fast }).load_time_ms).toBeCloseTo(slow / 2, 2);
    }
  });

  it('rates risk against the browser limits: 100 stores LOW, 250 MEDIUM, 500 HIGH, 20,000 CRITICAL', () => {
    expect([5, 10, 25, 50, 100].map((n) => estimateDatasetSize(n).risk_level)).toEqual(Array(5).fill('LOW'));
    expect(estimateDatasetSize(250).risk_level).toBe('MEDIUM');
    expect(estimateDatasetSize(500).risk_level).toBe('HIGH');
    expect(estimateDatasetSize(20_000).risk_level).toBe('CRITICAL');
  });

  it.each([0, -1, 100_001, 1.5, Number.NaN, '5', undefined])(
    'throws INVALID_STORE_COUNT for %s',
    (stores) => {
      const call = () => estimateDatasetSize(stores as number);
      expect(call).toThrow(PromoscaleError);
      expect(call).toThrow(/stores must be an integer from 1 to 100000/);
      try {
        call();
      } catch (error) {
        expect((error as PromoscaleError).code).toBe('INVALID_STORE_COUNT');
      }
    },
  );

  it('rejects an unknown template and a bad seed with the generator codes', () => {
    expect(() => estimateDatasetSize(5, { templates: 'DOWNTOWN' as TemplateSelection })).toThrow(
      expect.objectContaining({ code: 'UNKNOWN_TEMPLATE' }),
    );
    expect(() => estimateDatasetSize(5, { seed: 1.5 })).toThrow(
      expect.objectContaining({ code: 'INVALID_SEED' }),
    );
  });
});
