// @ts-nocheck -- The functions below are the seed POC's JavaScript ("Implementation Guide" 1-4, the Phase 2 and
// Phase 3 examples, its unit tests and its logScalingEvent), copied as they are: only the import line of snippet 1
// changed (the seed's './mock-data/006-scaling-poc.js' became '../src/poc/scaling-poc.js'). Biome re-indented
// them and added trailing commas and parentheses around one arrow parameter; a `biome-ignore` comment keeps the
// seed's `let`.
// They are untyped JavaScript, so this file is not type-checked; the assertions below check what they return.
import * as generator from '@promoscale/generator';
import { afterEach, describe, expect, it, test, vi } from 'vitest';
import { DEFAULT_CALIBRATION } from '../src/analysis/default-calibration.js';
import { estimateDatasetSize } from '../src/analysis/estimate-dataset-size.js';
import { logScalingEvent as packageLogScalingEvent } from '../src/monitoring/log-scaling-event.js';
import { readMemory } from '../src/monitoring/read-memory.js';
// Load scaling functions
import { ScalingPOC } from '../src/poc/scaling-poc.js';

// --- 1. Basic Scaling Setup -------------------------------------------------------------------------------------

// Generate data for specific store count
const generateStores = (count, template = 'SUBURBAN_FAMILY') => {
  return ScalingPOC.processBatch(1, count, template, {
    chunkSize: Math.min(10, count),
    includeMetrics: true,
    includeValidation: true,
  });
};

// --- 2. Progressive Loading -------------------------------------------------------------------------------------

// Implement progressive loading for large datasets
const progressiveLoad = async (storeCount, onProgress) => {
  const chunkSize = 10;
  const totalChunks = Math.ceil(storeCount / chunkSize);
  // biome-ignore lint/style/useConst: the seed's code, kept as written
  let allData = [];

  for (let i = 0; i < totalChunks; i++) {
    const start = i * chunkSize + 1;
    const end = Math.min((i + 1) * chunkSize, storeCount);

    const chunk = ScalingPOC.processBatch(start, end, 'SUBURBAN_FAMILY');
    allData.push(...chunk.promotions);

    onProgress({
      chunk: i + 1,
      totalChunks,
      loaded: allData.length,
      total: storeCount * 30,
    });

    // Yield control to UI
    await new Promise((resolve) => setTimeout(resolve, 0));
  }

  return allData;
};

// --- 3. Memory Monitoring ---------------------------------------------------------------------------------------

// Monitor memory usage during generation
const monitorMemory = () => {
  if (performance.memory) {
    const used = Math.round(performance.memory.usedJSHeapSize / 1024 / 1024);
    const total = Math.round(performance.memory.totalJSHeapSize / 1024 / 1024);
    console.log(`Memory: ${used}MB / ${total}MB`);
  }
};

// --- 4. Error Handling ------------------------------------------------------------------------------------------

// Robust error handling for scaling operations
const safeGeneration = async (storeCount, options = {}) => {
  try {
    // Validate input
    if (storeCount < 1 || storeCount > 500) {
      throw new Error('Store count must be between 1 and 500');
    }

    // Check memory before generation
    const estimate = ScalingPOC.ScalingAnalysis.estimateDatasetSize(storeCount);
    if (estimate.memory_requirement_mb > 1000) {
      throw new Error('Dataset too large for browser memory');
    }

    // Generate with monitoring
    return ScalingPOC.processBatch(1, storeCount, 'SUBURBAN_FAMILY', {
      ...options,
      memoryMonitoring: true,
    });
  } catch (error) {
    console.error('Generation failed:', error.message);
    throw error;
  }
};

// --- The seed's "Logging Strategy" ---------------------------------------------------------------------------------

// Structured logging for scaling operations
const logScalingEvent = (event, data) => {
  console.log(
    JSON.stringify({
      timestamp: new Date().toISOString(),
      event,
      stores: data.stores,
      promotions: data.promotions,
      duration: data.duration,
      memory: data.memory,
      success: data.success,
    }),
  );
};

// --- The seed's "Testing Strategy: Unit Testing", run as written ------------------------------------------------

const { generateStoreData, groupTemplates, processBatch } = ScalingPOC;

// Test individual functions
describe('Scaling Functions', () => {
  test('generateStoreData produces 30 promotions', () => {
    const data = generateStoreData('STORE_001', groupTemplates.SUBURBAN_FAMILY);
    expect(data).toHaveLength(30);
  });

  test('processBatch handles multiple stores', () => {
    const result = processBatch(1, 5, 'SUBURBAN_FAMILY');
    expect(result.promotions).toHaveLength(150);
    expect(result.storeIds).toHaveLength(5);
  });
});

// --- What the snippets return -----------------------------------------------------------------------------------

afterEach(() => {
  vi.restoreAllMocks();
});

describe('ScalingPOC', () => {
  it("is the generator's own functions, not wrappers, plus ScalingAnalysis", () => {
    expect(ScalingPOC.storeDataIterator).toBe(generator.storeDataIterator);
    expect(ScalingPOC.generateStoreData).toBe(generator.generateStoreData);
    expect(ScalingPOC.groupTemplates).toBe(generator.STORE_TEMPLATES);
    expect(Object.keys(ScalingPOC.ScalingAnalysis)).toEqual([
      'estimateDatasetSize',
      'recommendApproach',
      'generateScalingReport',
      'calibrate',
    ]);
  });

  it("processBatch is the generator's, with the seed's includeValidation: true running validatePromotions", () => {
    const options = { seed: 'poc', asOf: '2025-12-24', includeMetrics: true };
    const expected = generator.processBatch(3, 9, 'MIXED', {
      ...options,
      includeValidation: generator.validatePromotions,
    });
    const result = ScalingPOC.processBatch(3, 9, 'MIXED', { ...options, includeValidation: true });
    expect(result.promotions).toEqual(expected.promotions);
    expect(result.storeIds).toEqual(expected.storeIds);
    expect(result.metrics).toEqual(expected.metrics);
    expect(result.validation).toEqual(expected.validation);
    expect(result.validation).toMatchObject({ valid: true, checked: 210 });
  });

  it('processBatch passes a validator function on, and leaves validation out for false, null or no options', () => {
    const marker = { valid: false, checked: 0, errors: [], truncated: false, errorCount: 1 };
    expect(ScalingPOC.processBatch(1, 2, 'MIXED', { includeValidation: () => marker }).validation).toBe(
      marker,
    );
    expect(ScalingPOC.processBatch(1, 2, 'MIXED', { includeValidation: false }).validation).toBeUndefined();
    expect(ScalingPOC.processBatch(1, 2, 'MIXED', null).validation).toBeUndefined();
    expect(ScalingPOC.processBatch(1, 2).promotions).toEqual(generator.processBatch(1, 2).promotions);
  });

  it("processBatch rejects what the generator's rejects, with the generator's error", () => {
    expect(() => ScalingPOC.processBatch(1, 2, 'MIXED', { includeValidation: 'yes' })).toThrowError(
      expect.objectContaining({ code: 'INVALID_OPTION', field: 'options.includeValidation' }),
    );
    expect(() => ScalingPOC.processBatch(1, 2, 'MIXED', 5)).toThrowError(
      expect.objectContaining({ code: 'INVALID_OPTION', field: 'options' }),
    );
  });
});

describe('seed snippet 1: generateStores', () => {
  it.each([1, 7, 25])('returns %i stores of validated SUBURBAN_FAMILY promotions with metrics', (count) => {
    const result = generateStores(count);
    expect(result.promotions).toHaveLength(count * 30);
    expect(result.storeIds).toHaveLength(count);
    expect(result.metadata.chunkSize).toBe(Math.min(10, count));
    expect(result.metadata.chunks).toBe(Math.ceil(count / Math.min(10, count)));
    expect(result.validation.valid).toBe(true);
    expect(result.metrics.byTemplate).toEqual({ SUBURBAN_FAMILY: count * 30 });
    expect(result.promotions).toEqual(generator.processBatch(1, count, 'SUBURBAN_FAMILY').promotions);
  });

  it('passes another template through', () => {
    expect(generateStores(3, 'URBAN_PREMIUM').metrics.byTemplate).toEqual({ URBAN_PREMIUM: 90 });
  });
});

describe('seed snippet 2: progressiveLoad', () => {
  it('loads 25 stores in 3 chunks, reporting progress after each, with the rows of one batch', async () => {
    const onProgress = vi.fn();
    const rows = await progressiveLoad(25, onProgress);
    expect(onProgress.mock.calls.map(([progress]) => progress)).toEqual([
      { chunk: 1, totalChunks: 3, loaded: 300, total: 750 },
      { chunk: 2, totalChunks: 3, loaded: 600, total: 750 },
      { chunk: 3, totalChunks: 3, loaded: 750, total: 750 },
    ]);
    expect(rows).toEqual(generator.processBatch(1, 25, 'SUBURBAN_FAMILY').promotions);
  });

  it('yields to the event loop between chunks', async () => {
    let ticks = 0;
    const load = progressiveLoad(30, () => {
      ticks++;
    });
    const seenBefore = await Promise.race([load.then(() => 'done'), Promise.resolve('pending')]);
    expect(seenBefore).toBe('pending');
    expect(ticks).toBe(1);
    await load;
    expect(ticks).toBe(3);
  });
});

describe('seed snippet 3: monitorMemory', () => {
  it('prints nothing where performance.memory does not exist (Node, Firefox, Safari)', () => {
    const log = vi.spyOn(console, 'log').mockImplementation(() => {});
    expect(performance.memory).toBeUndefined();
    monitorMemory();
    expect(log).not.toHaveBeenCalled();
  });

  it("prints Chromium's heap in MB, the figures readMemory reports there", () => {
    const memory = {
      usedJSHeapSize: 41_943_040,
      totalJSHeapSize: 67_108_864,
      jsHeapSizeLimit: 4_294_705_152,
    };
    Object.defineProperty(performance, 'memory', { value: memory, configurable: true });
    const log = vi.spyOn(console, 'log').mockImplementation(() => {});
    try {
      monitorMemory();
      expect(log).toHaveBeenCalledWith('Memory: 40MB / 64MB');
      expect(readMemory({ performance })).toMatchObject({
        source: 'performance.memory',
        usedBytes: memory.usedJSHeapSize,
        totalBytes: memory.totalJSHeapSize,
      });
    } finally {
      delete performance.memory;
    }
  });
});

describe('seed snippet 4: safeGeneration', () => {
  it.each([0, 501])('rejects %i stores with the seed message and logs it', async (stores) => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    await expect(safeGeneration(stores)).rejects.toThrow('Store count must be between 1 and 500');
    expect(error).toHaveBeenCalledWith('Generation failed:', 'Store count must be between 1 and 500');
  });

  it('generates with memory monitoring and the options given', async () => {
    const result = await safeGeneration(25, { includeMetrics: true, chunkSize: 5 });
    expect(result.promotions).toHaveLength(750);
    expect(result.metadata.chunks).toBe(5);
    expect(result.metadata.memory.source).toBe('process.memoryUsage');
    expect(result.metadata.memory.samples).toBe(6);
    expect(result.metrics.byTemplate).toEqual({ SUBURBAN_FAMILY: 750 });
  });

  it('never hits the 1000 MB check with our figures (500 stores need far less)', async () => {
    expect(estimateDatasetSize(500).memory_requirement_mb).toBeLessThan(50);
    await expect(safeGeneration(500)).resolves.toMatchObject({ metadata: { stores: 500 } });
  });

  it('rejects when the estimate exceeds 1000 MB (a device calibrated at 80 KB a row)', async () => {
    const heavy = { ...DEFAULT_CALIBRATION, heapBytesPerPromotion: 80_000 };
    vi.spyOn(ScalingPOC.ScalingAnalysis, 'estimateDatasetSize').mockImplementation((stores) =>
      estimateDatasetSize(stores, { calibration: heavy }),
    );
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    await expect(safeGeneration(500)).rejects.toThrow('Dataset too large for browser memory');
    expect(error).toHaveBeenCalledWith('Generation failed:', 'Dataset too large for browser memory');
    await expect(safeGeneration(100)).resolves.toMatchObject({ metadata: { stores: 100 } });
  });
});

describe('seed Phase 2 example: chunked processBatch', () => {
  it('generates 25 stores in 3 chunks of up to 10 with metrics, validation and memory samples', () => {
    const { processBatch } = ScalingPOC;
    // Example chunked processing
    const result = processBatch(1, 25, 'SUBURBAN_FAMILY', {
      chunkSize: 10,
      includeMetrics: true,
      includeValidation: true,
      memoryMonitoring: true,
    });

    expect(result.promotions).toHaveLength(750);
    expect(result.metadata).toMatchObject({
      stores: 25,
      chunkSize: 10,
      chunks: 3,
      template: 'SUBURBAN_FAMILY',
    });
    expect(result.validation.valid).toBe(true);
    expect(result.metrics.byTemplate).toEqual({ SUBURBAN_FAMILY: 750 });
    expect(result.metadata.memory.samples).toBe(4);
  });
});

describe('seed Phase 3 example: streaming iterator', () => {
  it('hands 50 URBAN_PREMIUM stores to the UI in 5 chunks of 10, the rows of one batch', async () => {
    const { storeDataIterator } = ScalingPOC;
    const seen = [];
    const processChunkWithUI = vi.fn(async (chunk) => {
      seen.push(chunk);
      await new Promise((resolve) => setTimeout(resolve, 0));
    });

    // Example streaming iterator
    const iterator = storeDataIterator(50, 10, 'URBAN_PREMIUM');
    for (const chunk of iterator) {
      // Process chunk asynchronously
      await processChunkWithUI(chunk);
    }

    expect(processChunkWithUI).toHaveBeenCalledTimes(5);
    expect(seen.map((chunk) => chunk.progress.storesDone)).toEqual([10, 20, 30, 40, 50]);
    expect(seen.every((chunk) => chunk.promotions.length === 300)).toBe(true);
    expect(seen.flatMap((chunk) => chunk.promotions)).toEqual(
      generator.processBatch(1, 50, 'URBAN_PREMIUM').promotions,
    );
  });
});

describe("seed Logging Strategy: the package's logScalingEvent", () => {
  it('prints the same line as the seed function', () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-06-01T09:30:00.000Z'));
    const log = vi.spyOn(console, 'log').mockImplementation(() => {});
    try {
      const data = { stores: 25, promotions: 750, duration: 4.2, memory: 38, success: true };
      logScalingEvent('generation.complete', data);
      packageLogScalingEvent('generation.complete', data);
      expect(log).toHaveBeenCalledTimes(2);
      expect(log.mock.calls[1]).toEqual(log.mock.calls[0]);
    } finally {
      vi.useRealTimers();
    }
  });
});
