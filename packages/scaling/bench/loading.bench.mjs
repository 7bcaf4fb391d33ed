// Benchmark of the loading strategies, the worker transfer and the CLI (the BUILT package, imported by its name).
//
// Measures, in this run:
//   1. processBatch vs loadChunked vs streamPromotions (chunks of 10 stores, the default) for 500 and 5,000
//      stores, each collecting every row into one array as processBatch does, each strategy and size in a fresh
//      process (3 runs, median), warm-up then >= 1 s of calls in a loop: promotions/s and the overhead against
//      processBatch (target: under 15 %).
//   2. Worker transfer, clone vs json-bytes: streamPromotionsInWorker over 3,334 stores (100,020 promotions) in
//      chunks of 10 and 100 stores. Reported per 10,000 promotions: the main thread's busy time (event-loop
//      utilization: receiving, deserializing or decoding + JSON.parse) and the wall time, against generating the
//      same stream in-process with streamPromotions; plus the bare codec cost (v8.serialize/deserialize, the
//      structured clone's format, vs JSON.stringify + TextEncoder and TextDecoder + JSON.parse) on one
//      10,020-promotion chunk.
//   3. The CLI: `promoscale generate --stores 100000` (3,000,000 promotions) as NDJSON and CSV into a temp file,
//      in a child process: promotions/s, file size and the child's peak RSS (its hidden --report-rss flag).
// Informational only: it never asserts, a slow result exits 0.
//
// Run:  cd packages/scaling && pnpm build && node --expose-gc bench/loading.bench.mjs [--json]
//       (`pnpm bench` runs this after bench/estimates.bench.mjs). Takes about two minutes. MB = 10^6 bytes.

import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import v8 from 'node:v8';
import { processBatch } from '@promoscale/generator';
import { median } from '@promoscale/generator/internal';
import {
  DEFAULT_WORKER_ENCODING,
  loadChunked,
  streamPromotions,
  streamPromotionsInWorker,
} from '@promoscale/scaling';

const JSON_OUTPUT = process.argv.includes('--json');
/** `--only=strategies,worker,cli` runs some sections. */
const ONLY = process.argv
  .find((arg) => arg.startsWith('--only='))
  ?.slice(7)
  .split(',') ?? ['strategies', 'worker', 'cli'];
const STRATEGY_SIZES = [500, 5_000];
const STRATEGY_CHUNK = 10;
const STRATEGY_RUNS = 3;
const TIMING = { warmupMs: 1_000, minMs: 1_000, minCalls: 5 };
const WORKER_STORES = 3_334;
const WORKER_CHUNKS = [10, 100];
const WORKER_RUNS = 3;
const CLI_STORES = 100_000;
const OVERHEAD_TARGET_PCT = 15;
const MB = 1e6;
const CLI = fileURLToPath(new URL('../dist/cli.js', import.meta.url));

const int = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const dec1 = new Intl.NumberFormat('en-US', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const dec2 = new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/**
 * Calls `fn` (which returns the items it made) for warmupMs, then until it has minMs of calls and minCalls calls,
 * as an application calling it in a loop would (no forced GC between calls). Returns items/s over the whole
 * timed span. Used in a fresh process per strategy, so no other strategy's garbage or JIT state is billed to it.
 */
async function throughput(fn) {
  const warmupEnd = performance.now() + TIMING.warmupMs;
  do await fn();
  while (performance.now() < warmupEnd);
  let items = 0;
  let calls = 0;
  const started = performance.now();
  let elapsed = 0;
  while (elapsed < TIMING.minMs || calls < TIMING.minCalls) {
    items += await fn();
    calls++;
    elapsed = performance.now() - started;
  }
  return (items * 1000) / elapsed;
}

// --- 1. Strategies ---

/** The strategies of section 1, by name: each returns how many promotions it ends up holding. */
function strategy(name, stores) {
  const spec = { stores, templates: 'MIXED', seed: 42 };
  const chunkSize = STRATEGY_CHUNK;
  // Every strategy but the last ends with all rows in one array, as a grid holding the dataset would;
  // streamPromotionsDiscarding keeps none (a consumer that writes rows out and drops them), for information.
  switch (name) {
    case 'processBatch':
      return () => processBatch(1, stores, 'MIXED', { seed: 42 }).promotions.length;
    case 'loadChunked':
      return async () => (await loadChunked(spec, { chunkSize })).promotions.length;
    case 'streamPromotions':
      return async () => {
        const rows = [];
        for await (const chunk of streamPromotions(spec, { chunkSize })) {
          for (const row of chunk.promotions) rows.push(row);
        }
        return rows.length;
      };
    // For the diagnosis only: the same chunks generated back to back, without and with a setImmediate between
    // them (what loadChunked does in Node), rows kept.
    case 'chunksNoYield':
    case 'chunksSetImmediate':
      return async () => {
        const rows = [];
        for (let start = 1; start <= stores; start += chunkSize) {
          const end = Math.min(stores, start + chunkSize - 1);
          for (const row of processBatch(start, end, 'MIXED', { seed: 42 }).promotions) rows.push(row);
          if (name === 'chunksSetImmediate') await new Promise((resolve) => setImmediate(resolve));
        }
        return rows.length;
      };
    case 'streamPromotionsDiscarding':
      return async () => {
        let count = 0;
        for await (const chunk of streamPromotions(spec, { chunkSize })) count += chunk.promotions.length;
        return count;
      };
    default:
      throw new Error(`unknown strategy ${name}`);
  }
}
const STRATEGIES = [
  'processBatch',
  'loadChunked',
  'streamPromotions',
  'streamPromotionsDiscarding',
  'chunksNoYield',
  'chunksSetImmediate',
];

/** Child mode: one strategy at one size, in this fresh process; prints its promotions/s. */
async function strategyChild(name, stores) {
  const rate = await throughput(strategy(name, stores));
  console.log(JSON.stringify({ name, stores, perSecond: rate }));
}

/**
 * Each strategy and size in fresh processes (V8's garbage-collection heuristics carry over between strategies in
 * one process: interleaved there, processBatch of 500 stores itself ranged 0.9-2.3 M/s from run to run), run
 * STRATEGY_RUNS times in rotating order; the median run counts.
 */
function benchStrategies(stores) {
  const rates = Object.fromEntries(STRATEGIES.map((name) => [name, []]));
  for (let run = 0; run < STRATEGY_RUNS; run++) {
    for (let k = 0; k < STRATEGIES.length; k++) {
      const name = STRATEGIES[(k + run) % STRATEGIES.length];
      const argv = [
        ...process.execArgv,
        fileURLToPath(import.meta.url),
        `--strategy=${name}`,
        `--stores=${stores}`,
      ];
      const child = spawnSync(process.execPath, argv, { encoding: 'utf8' });
      if (child.status !== 0) throw new Error(`strategy child ${name} ${stores} failed:\n${child.stderr}`);
      rates[name].push(JSON.parse(child.stdout).perSecond);
    }
  }
  const rate = (name) => median(rates[name]);
  const batch = rate('processBatch');
  const overhead = (value) => (batch / value - 1) * 100;
  return {
    stores,
    chunkSize: STRATEGY_CHUNK,
    runs: STRATEGY_RUNS,
    processBatch: batch,
    loadChunked: rate('loadChunked'),
    streamPromotions: rate('streamPromotions'),
    streamPromotionsDiscarding: rate('streamPromotionsDiscarding'),
    chunksNoYield: rate('chunksNoYield'),
    chunksSetImmediate: rate('chunksSetImmediate'),
    loadChunkedOverheadPct: overhead(rate('loadChunked')),
    streamPromotionsOverheadPct: overhead(rate('streamPromotions')),
    allRuns: rates,
  };
}

// --- 2. Worker transfer ---

async function workerRun(encoding, chunkSize) {
  const spec = { stores: WORKER_STORES, templates: 'MIXED', seed: 42 };
  const eluStart = performance.eventLoopUtilization();
  const started = performance.now();
  let promotions = 0;
  for await (const chunk of streamPromotionsInWorker(spec, { encoding, chunkSize }))
    promotions += chunk.promotions.length;
  const wallMs = performance.now() - started;
  const elu = performance.eventLoopUtilization(eluStart);
  return { promotions, wallMs, mainBusyMs: elu.active };
}

async function benchWorker() {
  const results = [];
  for (const chunkSize of WORKER_CHUNKS) {
    for (const encoding of ['clone', 'json-bytes']) {
      await workerRun(encoding, chunkSize); // warm-up: worker start, JIT on both sides
      const runs = [];
      for (let i = 0; i < WORKER_RUNS; i++) runs.push(await workerRun(encoding, chunkSize));
      const per10k = (ms) => (ms * 10_000) / runs[0].promotions;
      results.push({
        encoding,
        chunkSize,
        promotions: runs[0].promotions,
        mainBusyMsPer10k: per10k(median(runs.map((r) => r.mainBusyMs))),
        wallMsPer10k: per10k(median(runs.map((r) => r.wallMs))),
      });
    }
  }
  // The baseline: the same stream generated in-process (all of it is main-thread time).
  const inProcess = [];
  for (const chunkSize of WORKER_CHUNKS) {
    const run = async () => {
      const started = performance.now();
      let promotions = 0;
      for await (const chunk of streamPromotions(
        { stores: WORKER_STORES, templates: 'MIXED', seed: 42 },
        { chunkSize },
      ))
        promotions += chunk.promotions.length;
      return { promotions, ms: performance.now() - started };
    };
    await run();
    const runs = [];
    for (let i = 0; i < WORKER_RUNS; i++) runs.push(await run());
    inProcess.push({ chunkSize, msPer10k: (median(runs.map((r) => r.ms)) * 10_000) / runs[0].promotions });
  }
  // The bare codecs on one chunk of 10,020 promotions (334 stores), warm, median of 15.
  const rows = processBatch(1, 334, 'MIXED').promotions;
  const encoder = new TextEncoder();
  const decoder = new TextDecoder();
  const time = (fn) => {
    for (let i = 0; i < 3; i++) fn();
    const times = [];
    for (let i = 0; i < 15; i++) {
      const t0 = performance.now();
      fn();
      times.push(performance.now() - t0);
    }
    return (median(times) * 10_000) / rows.length;
  };
  const serialized = v8.serialize(rows);
  const bytes = encoder.encode(JSON.stringify(rows));
  const codecs = {
    clone: {
      encodeMsPer10k: time(() => v8.serialize(rows)),
      decodeMsPer10k: time(() => v8.deserialize(serialized)),
      bytesPerPromotion: serialized.byteLength / rows.length,
    },
    'json-bytes': {
      encodeMsPer10k: time(() => encoder.encode(JSON.stringify(rows))),
      decodeMsPer10k: time(() => JSON.parse(decoder.decode(bytes))),
      bytesPerPromotion: bytes.byteLength / rows.length,
    },
  };
  const byMainBusy = (encoding) =>
    results.filter((r) => r.encoding === encoding).reduce((sum, r) => sum + r.mainBusyMsPer10k, 0);
  const faster = byMainBusy('clone') <= byMainBusy('json-bytes') ? 'clone' : 'json-bytes';
  return {
    stores: WORKER_STORES,
    runs: results,
    inProcess,
    codecs,
    faster,
    currentDefault: DEFAULT_WORKER_ENCODING,
  };
}

// --- 3. CLI write speed ---

function benchCli(format, dir) {
  const out = join(dir, `promotions.${format}`);
  const args = [
    CLI,
    'generate',
    '--stores',
    String(CLI_STORES),
    '--format',
    format,
    '--out',
    out,
    '--quiet',
    '--report-rss',
  ];
  const started = performance.now();
  const child = spawnSync(process.execPath, args, { encoding: 'utf8' });
  const wallMs = performance.now() - started;
  if (child.status !== 0)
    throw new Error(`promoscale generate failed (${child.status ?? child.signal}):\n${child.stderr}`);
  const { maxRssBytes } = JSON.parse(child.stderr.trim().split('\n').at(-1));
  const bytes = statSync(out).size;
  rmSync(out, { force: true });
  const promotions = CLI_STORES * 30;
  return {
    format,
    stores: CLI_STORES,
    promotions,
    wallMs,
    perSecond: (promotions * 1000) / wallMs,
    bytes,
    peakRssBytes: maxRssBytes,
  };
}

// --- Report ---

const pct = (value) => `${value >= 0 ? '+' : ''}${dec1.format(value)} %`;

function strategyLines(strategies) {
  const lines = [
    `1. Strategies, MIXED, chunks of ${STRATEGY_CHUNK} stores (promotions/s; overhead vs processBatch, target < ${OVERHEAD_TARGET_PCT} %)`,
    `   each strategy and size in a fresh process, median of ${STRATEGY_RUNS} runs (every run's figure in --json)`,
  ];
  for (const s of strategies) {
    lines.push(
      `  ${int.format(s.stores).padStart(6)} stores  processBatch ${int.format(s.processBatch).padStart(10)}` +
        `  loadChunked ${int.format(s.loadChunked).padStart(10)} (${pct(s.loadChunkedOverheadPct)})` +
        `  streamPromotions ${int.format(s.streamPromotions).padStart(10)} (${pct(s.streamPromotionsOverheadPct)})`,
    );
  }
  const dropped = strategies.map(
    (s) => `${int.format(s.streamPromotionsDiscarding)}/s at ${int.format(s.stores)}`,
  );
  lines.push(
    `  (all keep every row in one array; streamPromotions dropping rows as they come: ${dropped.join(', ')})`,
  );
  const diagnosis = strategies.map(
    (s) =>
      `${int.format(s.stores)} stores ${int.format(s.chunksNoYield)}/s without, ${int.format(s.chunksSetImmediate)}/s with`,
  );
  lines.push(
    `  (the same chunks back to back, rows kept, without / with a setImmediate between them: ${diagnosis.join('; ')})`,
  );
  return lines;
}

function workerLines(worker) {
  const lines = [
    `2. Worker transfer, streamPromotionsInWorker over ${int.format(worker.stores)} stores, per 10,000 promotions (median of ${WORKER_RUNS})`,
  ];
  for (const r of worker.runs) {
    lines.push(
      `  ${r.encoding.padEnd(10)} chunks of ${String(r.chunkSize).padStart(3)} stores  main thread busy ${dec2.format(r.mainBusyMsPer10k).padStart(6)} ms` +
        `  wall ${dec2.format(r.wallMsPer10k).padStart(6)} ms`,
    );
  }
  for (const r of worker.inProcess) {
    lines.push(
      `  in-process streamPromotions, chunks of ${String(r.chunkSize).padStart(3)} stores: ${dec2.format(r.msPer10k)} ms, all on the main thread`,
    );
  }
  for (const [encoding, c] of Object.entries(worker.codecs)) {
    lines.push(
      `  codec ${encoding.padEnd(10)} encode ${dec2.format(c.encodeMsPer10k).padStart(6)} ms  decode ${dec2.format(c.decodeMsPer10k).padStart(6)} ms` +
        `  ${dec1.format(c.bytesPerPromotion)} bytes/promotion`,
    );
  }
  lines.push(
    `  less main-thread time here: ${worker.faster}; DEFAULT_WORKER_ENCODING is ${worker.currentDefault}` +
      (worker.faster === worker.currentDefault ? '' : '  <- differs in this run'),
  );
  return lines;
}

function cliLines(cli) {
  const lines = [
    `3. CLI: promoscale generate --stores ${int.format(CLI_STORES)} into a temp file (child process)`,
  ];
  for (const c of cli) {
    lines.push(
      `  ${c.format.padEnd(6)} ${int.format(c.perSecond).padStart(9)} promotions/s  ${dec1.format(c.wallMs / 1000)} s` +
        `  ${dec1.format(c.bytes / MB)} MB written  peak RSS ${dec1.format(c.peakRssBytes / MB)} MB`,
    );
  }
  return lines;
}

function printReport({ env, strategies, worker, cli, totalMs }) {
  const sections = [
    [`@promoscale/scaling loading benchmark (Node ${env.node}, ${env.cpus} CPUs, ${env.cpuModel})`],
  ];
  if (strategies.length > 0) sections.push(strategyLines(strategies));
  if (worker) sections.push(workerLines(worker));
  if (cli.length > 0) sections.push(cliLines(cli));
  sections.push([`bench took ${dec1.format(totalMs / 1000)} s`]);
  console.log(sections.map((lines) => lines.join('\n')).join('\n\n'));
}

async function main() {
  const started = performance.now();
  const cpus = os.cpus();
  const env = { node: process.version, cpus: cpus.length, cpuModel: cpus[0]?.model.trim() ?? 'unknown' };
  const strategies = [];
  if (ONLY.includes('strategies'))
    for (const stores of STRATEGY_SIZES) strategies.push(benchStrategies(stores));
  const worker = ONLY.includes('worker') ? await benchWorker() : null;
  let cli = [];
  if (ONLY.includes('cli')) {
    const dir = mkdtempSync(join(os.tmpdir(), 'promoscale-bench-'));
    try {
      cli = ['ndjson', 'csv'].map((format) => benchCli(format, dir));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  const results = { env, strategies, worker, cli, totalMs: performance.now() - started };
  if (JSON_OUTPUT) console.log(JSON.stringify(results, null, 2));
  else printReport(results);
}

const strategyArg = process.argv.find((arg) => arg.startsWith('--strategy='));
if (strategyArg) {
  const stores = Number(process.argv.find((arg) => arg.startsWith('--stores='))?.slice(9));
  await strategyChild(strategyArg.slice(11), stores);
} else await main();
