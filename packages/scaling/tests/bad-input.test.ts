import { PromoscaleError, processBatch } from '@promoscale/generator';
import { describe, expect, it, vi } from 'vitest';
import { defineHostileSuite, FAKE_SIGNALS, type Slot } from '../../../test-support/hostile-inputs.js';
import {
  calibrate,
  classifyRisk,
  createScalingMonitor,
  DEFAULT_CALIBRATION,
  estimateDatasetSize,
  generateScalingReport,
  generateStoreRange,
  loadChunked,
  loadSingleBatch,
  logScalingEvent,
  measureDataset,
  measureMemory,
  readMemory,
  recommendApproach,
  ScalingAnalysis,
  ScalingPOC,
  servePromotions,
  streamPromotions,
  streamPromotionsInWorker,
} from '../src/index.js';

// Every exported function of the package, every argument and option, one value of each hostile class (see
// test-support/hostile-inputs.ts). Store counts stay at 1-3 and measuring runs once, so the suite is quick.

const OPTIONS = { code: 'INVALID_OPTION', allowed: 'an options object, undefined or null' } as const;
const SIGNAL = { code: 'INVALID_OPTION', allowed: 'an AbortSignal, undefined or null' } as const;
const FLAG = { code: 'INVALID_OPTION', allowed: 'true or false' } as const;
const FUNCTION = { code: 'INVALID_OPTION', allowed: 'a function' } as const;
const STORE_COUNT = { code: 'INVALID_STORE_COUNT', allowed: 'from 1 to 100000' } as const;
const POSITIVE = { code: 'INVALID_OPTION', allowed: 'a finite number > 0' } as const;
const SEED = { code: 'INVALID_SEED', allowed: 'a safe integer or a string of 1 to 256 characters' } as const;

const estimate5 = estimateDatasetSize(5);
const sameEstimate = (r: unknown) => expect(r).toEqual(estimate5);
const absent = { null: sameEstimate, undefined: sameEstimate };
const rows3 = processBatch(1, 3).promotions;
const sameRows = (r: unknown) => expect((r as { promotions: unknown }).promotions).toEqual(rows3);
const allRows = async (iterator: unknown) => {
  const rows: unknown[] = [];
  for await (const chunk of iterator as AsyncIterable<{ promotions: unknown[] }>)
    rows.push(...chunk.promotions);
  return rows;
};
const sameStreamed = async (r: unknown) => expect(r).toEqual(rows3);
const EVENT = { stores: 1, promotions: 30, duration: 2, memory: 1, success: true };
const quiet = { logger: () => {}, clock: () => 0 };
const FAST_MEASURE = { runs: 1, heap: false } as const;
const FAST_CALIBRATE = { stores: [1], jsonStores: 1, storeTextSample: 1, heapStores: 1, runs: 1 } as const;

// Measuring takes ~100 ms a call. Slots of the measuring functions pass an already-aborted signal beside the value
// under test: a bad value is refused first (PromoscaleError), a good one passes the door and the call then
// rejects with this reason, which `door` turns into 'accepted'. Their full results are tested beside each function.
const PASSED_THE_DOOR = new Error('passed the door');
const aborted = AbortSignal.abort(PASSED_THE_DOOR);
const door = (call: Promise<unknown>) =>
  call.then(
    () => 'finished',
    (error: unknown) => {
      if (error === PASSED_THE_DOOR) return 'accepted';
      throw error;
    },
  );

/** Expected errors for the values {@link FAKE_SIGNALS} holds, at `field`. */
const fakeSignals = (field: string) =>
  Object.fromEntries(
    Object.entries(FAKE_SIGNALS).map(([label, value]) => [label, { value, expect: { ...SIGNAL, field } }]),
  );

/** An option slot whose value must be a function (or absent). */
const functionSlot = (
  name: string,
  field: string,
  call: (v: unknown) => unknown,
  ok?: (r: unknown) => void,
): Slot => ({
  name,
  field,
  ...FUNCTION,
  call,
  valid: { null: ok, undefined: ok, function: undefined },
});

const calibrationWith = (patch: object) => ({ ...DEFAULT_CALIBRATION, ...patch });

const slots: Slot[] = [
  // Estimates.
  {
    name: 'estimateDatasetSize stores',
    field: 'stores',
    ...STORE_COUNT,
    call: (v) => estimateDatasetSize(v as number),
  },
  {
    name: 'estimateDatasetSize options',
    field: 'options',
    ...OPTIONS,
    call: (v) => estimateDatasetSize(5, v as never),
    valid: { ...absent, object: sameEstimate },
    extra: {
      'options with __proto__ and constructor keys': {
        value: JSON.parse('{"__proto__": {"seed": "polluted"}, "constructor": 1}'),
        expect: 'valid',
      },
    },
  },
  {
    name: 'estimateDatasetSize options.calibration',
    field: 'options.calibration',
    code: 'INVALID_OPTION',
    allowed: 'a calibration object',
    call: (v) => estimateDatasetSize(5, { calibration: v as never }),
    valid: absent,
    errors: {
      object: {
        code: 'INVALID_OPTION',
        field: 'options.calibration.jsonBytesPerPromotion',
        allowed: 'an object with a figure for each of SUBURBAN_FAMILY',
      },
    },
    extra: {
      'a NaN template figure': {
        value: calibrationWith({
          jsonBytesPerPromotion: { ...DEFAULT_CALIBRATION.jsonBytesPerPromotion, URBAN_PREMIUM: Number.NaN },
        }),
        expect: { ...POSITIVE, field: 'options.calibration.jsonBytesPerPromotion.URBAN_PREMIUM' },
      },
      'a negative store text figure': {
        value: calibrationWith({
          storeTextBytes: { ...DEFAULT_CALIBRATION.storeTextBytes, RURAL_VALUE: -1 },
        }),
        expect: {
          code: 'INVALID_OPTION',
          field: 'options.calibration.storeTextBytes.RURAL_VALUE',
          allowed: 'a finite number >= 0',
        },
      },
      'an empty throughput': {
        value: calibrationWith({ throughput: [] }),
        expect: {
          code: 'INVALID_OPTION',
          field: 'options.calibration.throughput',
          allowed: 'a non-empty array',
        },
      },
      'a throughput point with a zero rate': {
        value: calibrationWith({
          throughput: [{ ...DEFAULT_CALIBRATION.throughput[0], parseBytesPerMs: 0 }],
        }),
        expect: { ...POSITIVE, field: 'options.calibration.throughput[0].parseBytesPerMs' },
      },
      'a calibration with a __proto__ key': {
        value: JSON.parse(JSON.stringify({ ...DEFAULT_CALIBRATION, ['__proto__']: 1 })),
        expect: 'valid',
      },
    },
  },
  {
    name: 'estimateDatasetSize options.calibration.heapBytesPerPromotion',
    field: 'options.calibration.heapBytesPerPromotion',
    ...POSITIVE,
    call: (v) => estimateDatasetSize(5, { calibration: calibrationWith({ heapBytesPerPromotion: v }) }),
    valid: {
      fractional: (r) =>
        expect(r).toMatchObject({
          base_size_mb: Number(((150 * 1.5) / 1_048_576).toFixed(6)),
          risk_level: 'LOW',
        }),
      unsafe: (r) => expect(r).toMatchObject({ risk_level: 'CRITICAL' }),
    },
    errors: {
      huge: {
        code: 'INVALID_OPTION',
        field: 'options.calibration',
        allowed: 'figures whose estimate for 5 stores is finite',
      },
    },
  },
  {
    name: 'estimateDatasetSize options.calibration.memoryHeadroom',
    field: 'options.calibration.memoryHeadroom',
    code: 'INVALID_OPTION',
    allowed: 'a finite number >= 0',
    call: (v) => estimateDatasetSize(5, { calibration: calibrationWith({ memoryHeadroom: v }) }),
    valid: { zero: undefined, fractional: undefined, huge: undefined, unsafe: undefined },
  },
  {
    name: 'estimateDatasetSize options.templates',
    field: 'options.templates',
    code: 'UNKNOWN_TEMPLATE',
    allowed: 'one of SUBURBAN_FAMILY',
    call: (v) => estimateDatasetSize(5, { templates: v as never }),
    valid: absent,
    errors: {
      object: {
        code: 'INVALID_TEMPLATE_WEIGHTS',
        field: 'options.templates',
        allowed: 'at least one weight > 0',
      },
      array: {
        code: 'INVALID_TEMPLATE_WEIGHTS',
        field: 'options.templates',
        allowed: 'at least one weight > 0',
      },
    },
    extra: {
      'weights of 1e308': {
        value: { URBAN_PREMIUM: 1e308, RURAL_VALUE: 1e308 },
        expect: 'valid',
      },
    },
  },
  {
    name: 'estimateDatasetSize options.seed',
    field: 'options.seed',
    ...SEED,
    call: (v) => estimateDatasetSize(5, { seed: v as never }),
    valid: { ...absent, string: undefined, zero: undefined, negative: undefined },
  },
  {
    name: 'estimateDatasetSize options.thresholds',
    field: 'options.thresholds',
    ...OPTIONS,
    call: (v) => estimateDatasetSize(5, { thresholds: v as never }),
    valid: { ...absent, object: sameEstimate },
  },
  {
    name: 'estimateDatasetSize options.thresholds.chunkedMax',
    field: 'options.thresholds.chunkedMax',
    code: 'INVALID_STORE_COUNT',
    allowed: 'an integer from 10 to 100000',
    call: (v) => estimateDatasetSize(5, { thresholds: { chunkedMax: v as number } }),
    valid: absent,
  },
  {
    name: 'estimateDatasetSize options.budget',
    field: 'options.budget',
    code: 'INVALID_OPTION',
    allowed: 'an object { memoryMb?, timeMs? }, undefined or null',
    call: (v) => estimateDatasetSize(5, { budget: v as never }),
    valid: { ...absent, object: sameEstimate },
  },
  {
    name: 'estimateDatasetSize options.budget.memoryMb',
    field: 'options.budget.memoryMb',
    ...POSITIVE,
    call: (v) => estimateDatasetSize(5, { budget: { memoryMb: v as number } }),
    valid: { ...absent, huge: sameEstimate, unsafe: sameEstimate, fractional: sameEstimate },
  },
  {
    name: 'estimateDatasetSize options.riskLimits',
    field: 'options.riskLimits',
    code: 'INVALID_OPTION',
    allowed: 'an object { MEDIUM, HIGH, CRITICAL } of limits',
    call: (v) => estimateDatasetSize(5, { riskLimits: v as never }),
    valid: absent,
    errors: {
      object: { code: 'INVALID_OPTION', field: 'options.riskLimits.MEDIUM', allowed: 'an object { jsonMb?' },
    },
  },
  {
    name: 'estimateDatasetSize options.riskLimits.HIGH.loadMs',
    field: 'options.riskLimits.HIGH.loadMs',
    code: 'INVALID_OPTION',
    allowed: 'a finite number >= 0',
    call: (v) =>
      estimateDatasetSize(5, { riskLimits: { MEDIUM: {}, HIGH: { loadMs: v as number }, CRITICAL: {} } }),
    valid: {
      null: (r) => expect(r).toMatchObject({ risk_level: 'LOW' }),
      undefined: (r) => expect(r).toMatchObject({ risk_level: 'LOW' }),
      zero: (r) => expect(r).toMatchObject({ risk_level: 'HIGH' }),
      huge: (r) => expect(r).toMatchObject({ risk_level: 'LOW' }),
      unsafe: undefined,
      fractional: undefined,
    },
  },
  {
    name: 'recommendApproach stores',
    field: 'stores',
    ...STORE_COUNT,
    call: (v) => recommendApproach(v as number),
  },
  {
    name: 'recommendApproach budget',
    field: 'budget',
    code: 'INVALID_OPTION',
    allowed: 'an object { memoryMb?, timeMs? }, undefined or null',
    call: (v) => recommendApproach(30, v as never),
    valid: Object.fromEntries(
      ['null', 'undefined', 'object'].map((k) => [
        k,
        (r: unknown) => expect(r).toEqual(recommendApproach(30)),
      ]),
    ),
  },
  {
    name: 'recommendApproach budget.timeMs',
    field: 'budget.timeMs',
    ...POSITIVE,
    call: (v) => recommendApproach(30, { timeMs: v as number }),
    valid: {
      null: undefined,
      undefined: undefined,
      huge: undefined,
      unsafe: undefined,
      fractional: (r) => expect(r).toMatchObject({ approach: 'STREAMING_ITERATOR' }),
    },
  },
  {
    name: 'recommendApproach options',
    field: 'options',
    ...OPTIONS,
    call: (v) => recommendApproach(30, undefined, v as never),
    valid: { null: undefined, undefined: undefined, object: undefined },
  },
  {
    name: 'classifyRisk figures',
    field: 'figures',
    code: 'INVALID_OPTION',
    allowed: 'an object { json_size_mb, memory_requirement_mb, load_time_ms }',
    call: (v) => classifyRisk(v as never),
    errors: {
      object: { code: 'INVALID_OPTION', field: 'figures.json_size_mb', allowed: 'a finite number >= 0' },
    },
  },
  {
    name: 'classifyRisk figures.load_time_ms',
    field: 'figures.load_time_ms',
    code: 'INVALID_OPTION',
    allowed: 'a finite number >= 0',
    call: (v) => classifyRisk({ json_size_mb: 1, memory_requirement_mb: 1, load_time_ms: v as number }),
    valid: {
      zero: (r) => expect(r).toBe('LOW'),
      fractional: (r) => expect(r).toBe('LOW'),
      huge: (r) => expect(r).toBe('CRITICAL'),
      unsafe: (r) => expect(r).toBe('CRITICAL'),
    },
  },
  {
    name: 'classifyRisk limits',
    field: 'limits',
    code: 'INVALID_OPTION',
    allowed: 'an object { MEDIUM, HIGH, CRITICAL } of limits',
    call: (v) => classifyRisk({ json_size_mb: 6, memory_requirement_mb: 1, load_time_ms: 1 }, v as never),
    valid: { null: (r) => expect(r).toBe('MEDIUM'), undefined: (r) => expect(r).toBe('MEDIUM') },
    errors: { object: { code: 'INVALID_OPTION', field: 'limits.MEDIUM', allowed: 'an object { jsonMb?' } },
  },
  // The report, measuring and calibration (valid calls measure one store once).
  {
    name: 'generateScalingReport sizes',
    field: 'sizes',
    code: 'INVALID_STORE_COUNT',
    allowed: 'an array of store counts',
    call: (v) => generateScalingReport(v as never, { measure: false }),
    valid: {
      null: (r) => expect((r as { rows: unknown[] }).rows).toHaveLength(7),
      undefined: (r) => expect((r as { rows: unknown[] }).rows).toHaveLength(7),
      array: (r) => expect((r as { rows: unknown[] }).rows).toEqual([]),
    },
  },
  {
    name: 'generateScalingReport options',
    field: 'options',
    ...OPTIONS,
    call: (v) => generateScalingReport([], v as never),
    valid: { null: undefined, undefined: undefined, object: undefined },
  },
  {
    name: 'generateScalingReport options.measure',
    field: 'options.measure',
    ...FLAG,
    call: (v) => generateScalingReport([1], { measure: v as boolean, runs: 1 }),
    valid: {
      null: undefined,
      undefined: undefined,
      boolean: (r) => expect((r as { rows: [{ measured?: unknown }] }).rows[0].measured).toBeDefined(),
    },
  },
  {
    name: 'generateScalingReport options.runs',
    field: 'options.runs',
    code: 'INVALID_OPTION',
    allowed: 'an integer from 1 to 100',
    call: (v) => generateScalingReport([1], { measure: false, runs: v as number }),
    valid: { null: undefined, undefined: undefined },
  },
  {
    name: 'generateScalingReport options.measureMaxStores',
    field: 'options.measureMaxStores',
    ...STORE_COUNT,
    call: (v) => generateScalingReport([1], { measure: false, measureMaxStores: v as number }),
    valid: { null: undefined, undefined: undefined },
  },
  functionSlot('generateScalingReport options.gc', 'options.gc', (v) =>
    generateScalingReport([1], { measure: false, gc: v as never }),
  ),
  {
    name: 'generateScalingReport options.signal',
    field: 'options.signal',
    ...SIGNAL,
    call: (v) => generateScalingReport([1], { measure: false, signal: v as never }),
    valid: { null: undefined, undefined: undefined },
    extra: fakeSignals('options.signal'),
  },
  {
    name: 'generateScalingReport options.calibration',
    field: 'options.calibration.heapBytesPerPromotion',
    ...POSITIVE,
    call: (v) =>
      generateScalingReport([], {
        measure: false,
        calibration: calibrationWith({ heapBytesPerPromotion: v }),
      }),
    valid: { fractional: undefined, huge: undefined, unsafe: undefined },
  },
  {
    name: 'measureDataset stores',
    field: 'stores',
    ...STORE_COUNT,
    call: (v) => measureDataset(v as number, FAST_MEASURE),
  },
  {
    name: 'measureDataset options',
    field: 'options',
    ...OPTIONS,
    call: (v) => measureDataset(1, v as never),
    valid: {
      null: undefined,
      undefined: undefined,
      object: (r) => expect(r).toMatchObject({ stores: 1, promotions: 30 }),
    },
  },
  {
    name: 'measureDataset options.runs',
    field: 'options.runs',
    code: 'INVALID_OPTION',
    allowed: 'an integer from 1 to 100',
    call: (v) => door(measureDataset(1, { heap: false, runs: v as number, signal: aborted })),
    valid: { null: undefined, undefined: undefined },
  },
  {
    name: 'measureDataset options.heap',
    field: 'options.heap',
    ...FLAG,
    call: (v) => door(measureDataset(1, { runs: 1, heap: v as boolean, gc: () => {}, signal: aborted })),
    valid: { null: undefined, undefined: undefined, boolean: undefined },
  },
  functionSlot('measureDataset options.gc', 'options.gc', (v) =>
    measureDataset(1, { ...FAST_MEASURE, gc: v as never }),
  ),
  {
    name: 'measureDataset options.signal',
    field: 'options.signal',
    ...SIGNAL,
    call: (v) => measureDataset(1, { ...FAST_MEASURE, signal: v as never }),
    valid: { null: undefined, undefined: undefined },
    extra: fakeSignals('options.signal'),
  },
  {
    name: 'measureDataset options.memoryEnvironment',
    field: 'options.memoryEnvironment',
    code: 'INVALID_OPTION',
    allowed: 'an object shaped like globalThis',
    call: (v) => measureDataset(1, { ...FAST_MEASURE, memoryEnvironment: v as never }),
    valid: {
      null: undefined,
      undefined: undefined,
      object: (r) => expect(r).toMatchObject({ heapBytes: null }),
    },
  },
  {
    name: 'measureDataset options.seed',
    field: 'options.seed',
    ...SEED,
    call: (v) => door(measureDataset(1, { ...FAST_MEASURE, seed: v as never, signal: aborted })),
    valid: { null: undefined, undefined: undefined, string: undefined, zero: undefined, negative: undefined },
  },
  // calibrate() with null, undefined or {} options runs the full default calibration (about a second): skipped
  // here. Each option slot below shows `null` / `undefined` passing the door.
  {
    name: 'calibrate options',
    field: 'options',
    ...OPTIONS,
    call: (v) => calibrate(v as never),
    skip: ['null', 'undefined', 'object'],
  },
  {
    name: 'calibrate options.stores',
    field: 'options.stores',
    code: 'INVALID_STORE_COUNT',
    allowed: 'a non-empty array of store counts',
    call: (v) => door(calibrate({ ...FAST_CALIBRATE, stores: v as never, signal: aborted })),
    valid: { null: undefined, undefined: undefined },
    extra: {
      'an array holding 0': {
        value: [1, 0],
        expect: { code: 'INVALID_STORE_COUNT', field: 'options.stores[1]', allowed: 'from 1 to 100000' },
      },
    },
  },
  ...(['jsonStores', 'storeTextSample', 'heapStores'] as const).map(
    (key): Slot => ({
      name: `calibrate options.${key}`,
      field: `options.${key}`,
      ...STORE_COUNT,
      call: (v) => door(calibrate({ ...FAST_CALIBRATE, [key]: v, signal: aborted })),
      valid: { null: undefined, undefined: undefined },
    }),
  ),
  {
    name: 'calibrate options.runs',
    field: 'options.runs',
    code: 'INVALID_OPTION',
    allowed: 'an integer from 1 to 100',
    call: (v) => door(calibrate({ ...FAST_CALIBRATE, runs: v as number, signal: aborted })),
    valid: { null: undefined, undefined: undefined },
  },
  {
    name: 'calibrate options.seed',
    field: 'options.seed',
    ...SEED,
    call: (v) => door(calibrate({ ...FAST_CALIBRATE, seed: v as never, signal: aborted })),
    valid: { null: undefined, undefined: undefined, string: undefined, zero: undefined, negative: undefined },
  },
  functionSlot('calibrate options.gc', 'options.gc', (v) => calibrate({ ...FAST_CALIBRATE, gc: v as never })),
  {
    name: 'calibrate options.signal',
    field: 'options.signal',
    ...SIGNAL,
    call: (v) => calibrate({ ...FAST_CALIBRATE, signal: v as never }),
    valid: { null: undefined, undefined: undefined },
    extra: fakeSignals('options.signal'),
  },
  // Loading strategies.
  {
    name: 'loadSingleBatch spec',
    field: 'spec',
    code: 'INVALID_STORE_COUNT',
    allowed: 'a DatasetSpec object',
    call: (v) => loadSingleBatch(v as never),
    errors: { object: { ...STORE_COUNT, field: 'spec.stores' } },
  },
  {
    name: 'loadChunked spec.stores',
    field: 'spec.stores',
    ...STORE_COUNT,
    call: (v) => loadChunked({ stores: v as number }),
  },
  {
    name: 'loadChunked options',
    field: 'options',
    ...OPTIONS,
    call: (v) => loadChunked({ stores: 3 }, v as never),
    valid: { null: sameRows, undefined: sameRows, object: sameRows },
  },
  {
    name: 'loadChunked options.chunkSize',
    field: 'options.chunkSize',
    code: 'INVALID_CHUNK_SIZE',
    allowed: 'from 1 to 100000',
    call: (v) => loadChunked({ stores: 3 }, { chunkSize: v as number }),
    valid: { null: sameRows, undefined: sameRows },
  },
  {
    name: 'loadChunked options.retries',
    field: 'options.retries',
    code: 'INVALID_OPTION',
    allowed: 'an integer from 0 to 100',
    call: (v) => loadChunked({ stores: 3 }, { retries: v as number }),
    valid: { null: sameRows, undefined: sameRows, zero: sameRows },
  },
  {
    name: 'loadChunked options.retryDelayMs',
    field: 'options.retryDelayMs',
    code: 'INVALID_OPTION',
    allowed: 'a finite number from 0 to 2147483647',
    call: (v) => loadChunked({ stores: 3 }, { retryDelayMs: v as number }),
    valid: { null: sameRows, undefined: sameRows, zero: sameRows, fractional: sameRows },
    extra: {
      '2 ** 31': {
        value: 2 ** 31,
        expect: { code: 'INVALID_OPTION', field: 'options.retryDelayMs', allowed: 'from 0 to 2147483647' },
      },
      '2 ** 31 - 1': { value: 2 ** 31 - 1, expect: 'valid' },
    },
  },
  functionSlot(
    'loadChunked options.onProgress',
    'options.onProgress',
    (v) => loadChunked({ stores: 3 }, { onProgress: v as never }),
    sameRows,
  ),
  functionSlot(
    'loadChunked options.onRetry',
    'options.onRetry',
    (v) => loadChunked({ stores: 3 }, { onRetry: v as never }),
    sameRows,
  ),
  {
    ...functionSlot(
      'loadChunked options.loadChunk',
      'options.loadChunk',
      (v) => loadChunked({ stores: 3 }, { loadChunk: v as never, retries: 0 }),
      sameRows,
    ),
    valid: { null: sameRows, undefined: sameRows },
    // A function that returns no rows is a valid option whose chunk fails (ChunkLoadError, tested beside loadChunked).
    skip: ['function'],
    extra: { 'a loader': { value: generateStoreRange, expect: 'valid' } },
  },
  {
    name: 'loadChunked options.signal',
    field: 'options.signal',
    ...SIGNAL,
    call: (v) => loadChunked({ stores: 3 }, { signal: v as never }),
    valid: { null: sameRows, undefined: sameRows },
    extra: fakeSignals('options.signal'),
  },
  {
    name: 'generateStoreRange startStore',
    field: 'startStore',
    code: 'INVALID_STORE_NUMBER',
    allowed: 'from 1 to 100000',
    call: (v) =>
      generateStoreRange(v as number, 3, { seed: 42, stores: 3, templates: 'MIXED', asOf: '2026-06-01' }),
  },
  {
    name: 'generateStoreRange spec',
    field: 'spec',
    code: 'INVALID_OPTION',
    allowed: 'a normalized DatasetSpec',
    call: (v) => generateStoreRange(1, 3, v as never),
    valid: { object: (r) => expect(r).toEqual(rows3) },
  },
  {
    name: 'streamPromotions spec.stores',
    field: 'spec.stores',
    ...STORE_COUNT,
    call: (v) => streamPromotions({ stores: v as number }),
  },
  {
    name: 'streamPromotions options',
    field: 'options',
    ...OPTIONS,
    call: (v) => allRows(streamPromotions({ stores: 3 }, v as never)),
    valid: { null: sameStreamed, undefined: sameStreamed, object: sameStreamed },
  },
  {
    name: 'streamPromotions options.chunkSize',
    field: 'options.chunkSize',
    code: 'INVALID_CHUNK_SIZE',
    allowed: 'from 1 to 100000',
    call: (v) => allRows(streamPromotions({ stores: 3 }, { chunkSize: v as number })),
    valid: { null: sameStreamed, undefined: sameStreamed },
  },
  {
    name: 'streamPromotions options.signal',
    field: 'options.signal',
    ...SIGNAL,
    // Not iterated: a bad signal must throw on the call itself.
    call: (v) => streamPromotions({ stores: 3 }, { signal: v as never }),
    valid: { null: undefined, undefined: undefined },
    extra: fakeSignals('options.signal'),
  },
  // The worker stream is checked on the call; no worker starts here (nothing is iterated).
  {
    name: 'streamPromotionsInWorker options',
    field: 'options',
    ...OPTIONS,
    call: (v) => streamPromotionsInWorker({ stores: 3 }, v as never),
    valid: { null: undefined, undefined: undefined, object: undefined },
  },
  {
    name: 'streamPromotionsInWorker options.encoding',
    field: 'options.encoding',
    code: 'INVALID_OPTION',
    allowed: "one of 'clone', 'json-bytes'",
    call: (v) => streamPromotionsInWorker({ stores: 3 }, { encoding: v as never }),
    valid: { null: undefined, undefined: undefined },
  },
  {
    name: 'streamPromotionsInWorker options.prefetch',
    field: 'options.prefetch',
    code: 'INVALID_OPTION',
    allowed: 'an integer from 1 to 64',
    call: (v) => streamPromotionsInWorker({ stores: 3 }, { prefetch: v as number }),
    valid: { null: undefined, undefined: undefined },
  },
  {
    name: 'streamPromotionsInWorker options.chunkSize',
    field: 'options.chunkSize',
    code: 'INVALID_CHUNK_SIZE',
    allowed: 'from 1 to 100000',
    call: (v) => streamPromotionsInWorker({ stores: 3 }, { chunkSize: v as number }),
    valid: { null: undefined, undefined: undefined },
  },
  {
    name: 'streamPromotionsInWorker options.worker',
    field: 'options.worker',
    code: 'INVALID_OPTION',
    allowed: 'a URL, a path string or a function returning a Worker',
    call: (v) => streamPromotionsInWorker({ stores: 3 }, { worker: v as never }),
    valid: { null: undefined, undefined: undefined, string: undefined, function: undefined },
  },
  {
    name: 'streamPromotionsInWorker options.signal',
    field: 'options.signal',
    ...SIGNAL,
    call: (v) => streamPromotionsInWorker({ stores: 3 }, { signal: v as never }),
    valid: { null: undefined, undefined: undefined },
    extra: fakeSignals('options.signal'),
  },
  {
    name: 'servePromotions endpoint',
    field: 'endpoint',
    code: 'INVALID_OPTION',
    allowed: 'an object { post, onMessage }',
    call: (v) => servePromotions(v as never),
    errors: { object: { ...FUNCTION, field: 'endpoint.post' } },
    extra: { 'an endpoint': { value: { post() {}, onMessage() {} }, expect: 'valid' } },
  },
  // Monitoring.
  {
    name: 'logScalingEvent event',
    field: 'event',
    code: 'INVALID_OPTION',
    allowed: 'a non-empty string',
    call: (v) => logScalingEvent(v as string, EVENT, quiet),
    valid: { string: (r) => expect(r).toMatchObject({ event: 'x', timestamp: '1970-01-01T00:00:00.000Z' }) },
  },
  {
    name: 'logScalingEvent data',
    field: 'data',
    code: 'INVALID_OPTION',
    allowed: 'an object { stores, promotions, duration, memory?, success }',
    call: (v) => logScalingEvent('e', v as never, quiet),
    errors: { object: { code: 'INVALID_OPTION', field: 'data.stores', allowed: 'a finite number >= 0' } },
  },
  {
    name: 'logScalingEvent data.duration',
    field: 'data.duration',
    code: 'INVALID_OPTION',
    allowed: 'a finite number >= 0',
    call: (v) => logScalingEvent('e', { ...EVENT, duration: v as number }, quiet),
    valid: {
      zero: undefined,
      huge: undefined,
      unsafe: undefined,
      fractional: (r) => expect(r).toMatchObject({ duration: 1.5 }),
    },
  },
  {
    name: 'logScalingEvent data.memory',
    field: 'data.memory',
    code: 'INVALID_OPTION',
    allowed: 'a finite number >= 0',
    call: (v) => logScalingEvent('e', { ...EVENT, memory: v as number }, quiet),
    valid: {
      null: (r) => expect(r).toMatchObject({ memory: null }),
      undefined: (r) => expect(r).toMatchObject({ memory: null }),
      zero: undefined,
      huge: undefined,
      unsafe: undefined,
      fractional: undefined,
    },
  },
  {
    name: 'logScalingEvent data.success',
    field: 'data.success',
    ...FLAG,
    call: (v) => logScalingEvent('e', { ...EVENT, success: v as boolean }, quiet),
    valid: { boolean: undefined },
  },
  {
    name: 'logScalingEvent options',
    field: 'options',
    ...OPTIONS,
    call: (v) => {
      const log = vi.spyOn(console, 'log').mockImplementation(() => {});
      try {
        return logScalingEvent('e', EVENT, v as never);
      } finally {
        log.mockRestore();
      }
    },
    valid: { null: undefined, undefined: undefined, object: undefined },
  },
  {
    ...functionSlot('logScalingEvent options.clock', 'options.clock', (v) =>
      logScalingEvent('e', EVENT, { ...quiet, clock: v as never }),
    ),
    extra: {
      'a clock returning NaN': {
        value: () => Number.NaN,
        expect: {
          code: 'INVALID_OPTION',
          field: 'options.clock',
          allowed: 'a function returning a valid Date',
        },
      },
      'a clock returning a string': {
        value: () => '2026-06-01',
        expect: {
          code: 'INVALID_OPTION',
          field: 'options.clock',
          allowed: 'a function returning a valid Date',
        },
      },
    },
  },
  functionSlot('logScalingEvent options.logger', 'options.logger', (v) =>
    logScalingEvent('e', EVENT, { clock: () => 0, logger: (v ?? (() => {})) as never }),
  ),
  {
    name: 'createScalingMonitor options',
    field: 'options',
    ...OPTIONS,
    call: (v) => createScalingMonitor(v as never).record({ event: 'e', ...EVENT }),
    valid: { null: undefined, undefined: undefined, object: undefined },
  },
  {
    name: 'createScalingMonitor options.thresholds.errorRate',
    field: 'options.thresholds.errorRate',
    code: 'INVALID_OPTION',
    allowed: 'a number from 0 to less than 1',
    call: (v) => createScalingMonitor({ thresholds: { errorRate: v as number } }),
    valid: {
      null: undefined,
      undefined: undefined,
      zero: (r) => expect(r).toMatchObject({ thresholds: { errorRate: 0 } }),
    },
  },
  {
    name: 'createScalingMonitor options.thresholds.memoryMb',
    field: 'options.thresholds.memoryMb',
    ...POSITIVE,
    call: (v) => createScalingMonitor({ thresholds: { memoryMb: v as number } }),
    valid: {
      null: undefined,
      undefined: undefined,
      huge: undefined,
      unsafe: undefined,
      fractional: undefined,
    },
  },
  {
    name: 'createScalingMonitor options.errorWindow',
    field: 'options.errorWindow',
    code: 'INVALID_OPTION',
    allowed: 'an integer >= 1',
    call: (v) => createScalingMonitor({ errorWindow: v as number }),
    valid: { null: undefined, undefined: undefined },
  },
  {
    name: 'createScalingMonitor options.readMemory',
    field: 'options.readMemory',
    code: 'INVALID_OPTION',
    allowed: 'a function, false, undefined or null',
    call: (v) =>
      createScalingMonitor({ readMemory: v as never, clock: () => 0 }).record({
        event: 'e',
        ...EVENT,
        memory: undefined as never,
      }),
    valid: { null: undefined, undefined: undefined, function: undefined },
    extra: { false: { value: false, expect: 'valid' } },
  },
  ...(['onEvent', 'onAlert', 'clock'] as const).map((key) =>
    functionSlot(`createScalingMonitor options.${key}`, `options.${key}`, (v) =>
      createScalingMonitor({ [key]: v }),
    ),
  ),
  {
    name: 'ScalingMonitor record input',
    field: 'input',
    code: 'INVALID_OPTION',
    allowed: 'an object { event, stores, promotions, duration, memory?, success }',
    call: (v) => createScalingMonitor({ readMemory: false }).record(v as never),
    errors: { object: { code: 'INVALID_OPTION', field: 'input.event', allowed: 'a non-empty string' } },
  },
  ...(
    [
      ['readMemory', (v: unknown) => readMemory(v as never)],
      ['measureMemory', (v: unknown) => measureMemory(v as never)],
    ] as const
  ).map(
    ([name, call]): Slot => ({
      name: `${name} env`,
      field: 'env',
      code: 'INVALID_OPTION',
      allowed: 'an object shaped like globalThis',
      call,
      valid: {
        null: (r) => expect(r).toMatchObject({ source: 'process.memoryUsage' }),
        undefined: (r) => expect(r).toMatchObject({ source: 'process.memoryUsage' }),
        object: (r) => expect(r).toMatchObject({ source: 'unavailable', usedBytes: null }),
      },
    }),
  ),
  // The seed's namespaces hold the same functions.
  {
    name: 'ScalingAnalysis.estimateDatasetSize options',
    field: 'options',
    ...OPTIONS,
    call: (v) => ScalingAnalysis.estimateDatasetSize(5, v as never),
    valid: { ...absent, object: sameEstimate },
  },
  {
    name: 'ScalingPOC.processBatch options',
    field: 'options',
    ...OPTIONS,
    call: (v) => ScalingPOC.processBatch(1, 3, 'MIXED', v as never),
    valid: { null: sameRows, undefined: sameRows, object: sameRows },
  },
];

defineHostileSuite('hostile input to every scaling function', PromoscaleError, slots);

describe('an already-aborted signal', () => {
  const reason = new Error('cancelled before the start');
  const signal = AbortSignal.abort(reason);
  it.each([
    ['loadChunked', () => loadChunked({ stores: 3 }, { signal })],
    ['streamPromotions', () => streamPromotions({ stores: 3 }, { signal }).next()],
    ['streamPromotionsInWorker', () => streamPromotionsInWorker({ stores: 3 }, { signal }).next()],
    ['measureDataset', () => measureDataset(1, { ...FAST_MEASURE, signal })],
    ['calibrate', () => calibrate({ ...FAST_CALIBRATE, signal })],
    ['generateScalingReport', () => generateScalingReport([1], { measure: false, signal })],
  ])('makes %s reject with its reason', async (_name, call) => {
    await expect(call()).rejects.toBe(reason);
  });
});

describe('loadChunked backoff', () => {
  it('caps each backoff wait at the largest timer delay (2^31 - 1 ms) instead of overflowing to ~1 ms', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      const controller = new AbortController();
      const delays: number[] = [];
      const done = loadChunked(
        { stores: 3 },
        {
          loadChunk: () => {
            throw new Error('down');
          },
          retryDelayMs: 2 ** 30,
          signal: controller.signal,
          onRetry: ({ delayMs }) => {
            delays.push(delayMs);
            if (delays.length === 2) controller.abort('enough');
          },
        },
      ).catch((e: unknown) => e);
      while (delays.length === 0) await new Promise((resolve) => setImmediate(resolve));
      // 1 ms short of the first wait: the second attempt has not been made.
      await vi.advanceTimersByTimeAsync(2 ** 30 - 1);
      expect(delays).toEqual([2 ** 30]);
      await vi.advanceTimersByTimeAsync(1);
      expect(await done).toBe('enough');
      expect(delays).toEqual([2 ** 30, 2 ** 31 - 1]);
    } finally {
      vi.useRealTimers();
    }
  });
});
