// Shared by the generator's benches (bench/*.bench.mjs): the timing loop, the heap measurement, fresh child
// processes, the environment line and the number formats of the report. Each bench file runs on its own
// (`node --expose-gc bench/<name>.bench.mjs [--json]`) and exports `run()` and `lines()` for generator.bench.mjs,
// which runs them all. MB in the reports are 10^6 bytes.

import { spawnSync } from 'node:child_process';
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import v8 from 'node:v8';
import vm from 'node:vm';
import { median } from '@promoscale/generator/internal';

export const TIMING = { warmupMs: 300, minMs: 1_000, minCalls: 5 };
/** At 5,000 stores a call takes ~80 ms and its garbage collections vary: measured longer, for ~30 calls. */
export const LONG_TIMING = { warmupMs: 500, minMs: 2_500, minCalls: 5 };
/** The timing of a measurement at `stores` stores. */
export const timingFor = (stores) => (stores >= 5_000 ? LONG_TIMING : TIMING);
export const MB = 1e6;

/** V8's `gc()`: from --expose-gc, or exposed here so that `node bench/<name>.bench.mjs` works without the flag. */
export const gc = globalThis.gc ?? exposeGc();

function exposeGc() {
  v8.setFlagsFromString('--expose-gc');
  return vm.runInNewContext('gc');
}

/**
 * Calls `fn` (which returns how many items it produced) for `warmupMs`, then again until both `minMs` have
 * passed and `minCalls` calls were made. Returns items/s over the whole measured time and the median
 * single-call rate.
 */
export function measureThroughput(fn, { warmupMs, minMs, minCalls }) {
  const warmupEnd = performance.now() + warmupMs;
  do fn();
  while (performance.now() < warmupEnd);

  const callRates = [];
  let items = 0;
  let elapsed = 0;
  const started = performance.now();
  while (elapsed < minMs || callRates.length < minCalls) {
    const t0 = performance.now();
    const n = fn();
    const t1 = performance.now();
    items += n;
    callRates.push((n * 1000) / Math.max(t1 - t0, 1e-3));
    elapsed = t1 - started;
  }
  return {
    calls: callRates.length,
    items,
    ms: elapsed,
    perSecond: (items * 1000) / elapsed,
    medianPerSecond: median(callRates),
  };
}

/** Heap growth per element of the array `fn` returns, with the array kept alive across a full GC. */
export function heapPerRetained(fn) {
  gc();
  gc();
  const before = process.memoryUsage().heapUsed;
  const kept = fn();
  gc();
  gc();
  const after = process.memoryUsage().heapUsed;
  return { kept, bytesPerItem: (after - before) / kept.length };
}

/**
 * Runs the bench file at `moduleUrl` (its `import.meta.url`) with `args` in a fresh Node process and returns the
 * JSON it prints. Each measurement runs in a process of its own, because V8's garbage-collection heuristics
 * (allocation-site pretenuring) carry over from one batch size to the next: 500-store batches measured right after
 * smaller ones ran ~1.8x faster than in a process of their own, which is what an application calling processBatch
 * sees.
 */
export function inChild(moduleUrl, ...args) {
  const argv = [...process.execArgv, fileURLToPath(moduleUrl), ...args];
  const child = spawnSync(process.execPath, argv, { encoding: 'utf8' });
  if (child.status !== 0) {
    throw new Error(`child ${args.join(' ')} failed (${child.status ?? child.signal}):\n${child.stderr}`);
  }
  return JSON.parse(child.stdout);
}

/** Whether the module at `moduleUrl` is the script Node was started with (not imported by another bench). */
export const isMain = (moduleUrl) => process.argv[1] === fileURLToPath(moduleUrl);

/** Node's version and the machine's CPUs, for the report's title and summary. */
export function environment() {
  const cpus = os.cpus();
  return { node: process.version, cpus: cpus.length, cpuModel: cpus[0]?.model.trim() ?? 'unknown' };
}

export const int = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
export const dec1 = new Intl.NumberFormat('en-US', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
/** `bytes` in MB (10^6 bytes), one decimal. */
export const mb = (bytes) => dec1.format(bytes / MB);
/** One row of a report table: each cell right-aligned in 14 characters. */
export const row = (cells) => `  ${cells.map((cell) => String(cell).padStart(14)).join('')}`;

/**
 * The command-line entry of a bench file run on its own: `child(mode, arg)` answers the child modes (the first
 * argument starting with `--` other than --json, with an optional value) by returning what to print as JSON, and
 * anything else runs the bench (`run()`) and prints its section (`lines(results)`), or its results with --json.
 */
export async function main({ child, run, lines }) {
  const [mode, value] = process.argv.slice(2);
  if (mode?.startsWith('--child-')) {
    console.log(JSON.stringify(await child(mode.slice('--child-'.length), value)));
    return;
  }
  const results = await run();
  if (process.argv.includes('--json')) console.log(JSON.stringify(results, null, 2));
  else console.log(lines(results).join('\n'));
}
