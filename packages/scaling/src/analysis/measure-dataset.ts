import {
  DEFAULT_SEED,
  PROMOTIONS_PER_STORE,
  type Promotion,
  processBatch,
  type StoreTemplate,
  type TemplateSelection,
} from '@promoscale/generator';
import {
  assertBoolean,
  assertFunction,
  createContext,
  median,
  readOptions,
  readSignal,
  yieldToEventLoop,
} from '@promoscale/generator/internal';
import { type MemoryEnvironment, readMemory, readMemoryEnvironment } from '../monitoring/read-memory.js';
import { utf8Length } from './size-model.js';
import { assertRuns, assertStoreCount } from './store-count.js';

/** Options of {@link measureDataset}. */
export interface MeasureOptions {
  /** @default 'MIXED' */
  templates?: TemplateSelection | StoreTemplate | undefined;
  /** @default 42 */
  seed?: number | string | undefined;
  /** Timed runs at least (quick calls are timed until 20 ms are timed), after ≥ 25 ms of warm-up; the median is kept. @default 3 */
  runs?: number | undefined;
  /**
   * A full garbage collection, needed to measure retained heap: `globalThis.gc` when the runtime exposes it
   * (`node --expose-gc`, Chromium with `--js-flags=--expose-gc`). Without one, heap is not measured.
   */
  gc?: (() => void) | undefined;
  /** Stops between runs with the signal's reason. */
  signal?: AbortSignal | undefined;
  /** Measure retained heap too (needs a `gc`). @default true */
  heap?: boolean | undefined;
  /** Where memory is read. @default globalThis */
  memoryEnvironment?: MemoryEnvironment | undefined;
}

/** What one store count really takes on this runtime. */
export interface MeasuredDataset {
  stores: number;
  promotions: number;
  /** UTF-8 bytes of `JSON.stringify(promotions)`, exact. */
  jsonBytes: number;
  /** Retained heap of the rows after a full GC, or `null` without a `gc` or a memory reading. */
  heapBytes: number | null;
  /** Median warm time of `processBatch(1, stores, …)`. */
  generateMs: number;
  /** Median warm time of `JSON.parse` of the JSON. */
  parseMs: number;
}

const clock = () => globalThis.performance.now();

/** The runtime hooks shared by the measuring functions, validated (null means absent). */
export interface MeasureHooks {
  gc?: (() => void) | undefined;
  signal?: AbortSignal | undefined;
  memoryEnvironment?: MemoryEnvironment | undefined;
}

/**
 * Validates `gc` (a function), `signal` (an AbortSignal) and `memoryEnvironment` (an object) of measuring options:
 * INVALID_OPTION naming `options.<name>`; `undefined` and `null` are left out of the result.
 */
export function resolveMeasureOptions(options: {
  gc?: unknown | undefined;
  signal?: unknown | undefined;
  memoryEnvironment?: unknown | undefined;
}): MeasureHooks {
  const hooks: MeasureHooks = {};
  if (options.gc != null) {
    assertFunction(options.gc, 'options.gc');
    hooks.gc = options.gc as () => void;
  }
  const signal = readSignal(options.signal, 'options.signal');
  if (signal) hooks.signal = signal;
  if (options.memoryEnvironment != null) {
    hooks.memoryEnvironment = readMemoryEnvironment(options.memoryEnvironment, 'options.memoryEnvironment');
  }
  return hooks;
}

/** The `gc` to use: the one given, else `globalThis.gc` when exposed, else `undefined`. */
export function resolveGc(gc?: () => void): (() => void) | undefined {
  if (gc) return gc;
  const exposed = (globalThis as { gc?: unknown }).gc;
  return typeof exposed === 'function' ? (exposed as () => void) : undefined;
}

/** Warm-up before timing: at least this long (and one call), so small sizes are timed JIT-optimized too. */
const WARM_UP_MS = 25;
/** Small sizes are timed more than `runs` times, until this much time is timed (at most 200 calls). */
const MIN_TIMED_MS = 20;

/**
 * Median time of `fn` over at least `runs` calls (more for quick calls, until 20 ms are timed), after warm-up
 * calls for at least 25 ms: the estimates model warm, optimized code. Yields to the event loop before each
 * timed call and checks `signal`.
 */
export async function timeMedian(fn: () => unknown, runs: number, signal?: AbortSignal): Promise<number> {
  await yieldToEventLoop();
  signal?.throwIfAborted();
  const warmUntil = clock() + WARM_UP_MS;
  do fn();
  while (clock() < warmUntil);
  const times: number[] = [];
  let timed = 0;
  while (times.length < runs || (timed < MIN_TIMED_MS && times.length < 200)) {
    await yieldToEventLoop();
    signal?.throwIfAborted();
    const started = clock();
    fn();
    const elapsed = clock() - started;
    times.push(elapsed);
    timed += elapsed;
  }
  return median(times);
}

/** Heap kept by what `make` returns, between two full collections; `null` when memory cannot be read. */
export function retainedHeapBytes(
  make: () => unknown[],
  gc: () => void,
  env?: MemoryEnvironment,
): number | null {
  gc();
  gc();
  const before = readMemory(env).usedBytes;
  const kept = make();
  gc();
  gc();
  const after = readMemory(env).usedBytes;
  // `kept` is read after the second reading so that it stays alive through it.
  if (before === null || after === null || kept.length < 0) return null;
  return after - before;
}

/** Exact JSON bytes of `rows` and the median time to parse that JSON (the string dies with this call). */
async function timeJson(rows: Promotion[], runs: number, signal?: AbortSignal) {
  const json = JSON.stringify(rows);
  return { jsonBytes: utf8Length(json), parseMs: await timeMedian(() => JSON.parse(json), runs, signal) };
}

/**
 * Generates `stores` stores and measures them: exact JSON bytes, retained heap (median of `runs` readings, with a
 * `gc`), and the median warm generation and parse times. Holds the rows and their JSON while it runs: keep
 * `stores` to what this runtime can hold.
 */
export async function measureDataset(
  stores: number,
  optionsArg?: MeasureOptions | null,
): Promise<MeasuredDataset> {
  assertStoreCount(stores, 'stores');
  const options = readOptions(optionsArg, 'options');
  const templates = options.templates ?? 'MIXED';
  const seed = options.seed ?? DEFAULT_SEED;
  const runs = options.runs ?? 3;
  const heap = options.heap ?? true;
  createContext(templates, { seed }, 'options.templates', 'options');
  assertRuns(runs, 'options.runs');
  assertBoolean(heap, 'options.heap');
  const { signal, gc: gcOption, memoryEnvironment } = resolveMeasureOptions(options);
  const generate = (): Promotion[] => processBatch(1, stores, templates, { seed }).promotions;
  signal?.throwIfAborted();
  const { jsonBytes, parseMs } = await timeJson(generate(), runs, signal);
  const generateMs = await timeMedian(generate, runs, signal);

  let heapBytes: number | null = null;
  const gc = resolveGc(gcOption);
  if (gc && heap && readMemory(memoryEnvironment).usedBytes !== null) {
    const readings: number[] = [];
    for (let i = 0; i < runs; i++) {
      await yieldToEventLoop();
      signal?.throwIfAborted();
      const bytes = retainedHeapBytes(generate, gc, memoryEnvironment);
      if (bytes !== null) readings.push(bytes);
    }
    if (readings.length > 0) heapBytes = median(readings);
  }
  return { stores, promotions: stores * PROMOTIONS_PER_STORE, jsonBytes, heapBytes, generateMs, parseMs };
}
