// Benchmark of the loading strategies, the worker transfer and the CLI (the BUILT package, imported by its name).
//
// Measures, in this run:
//   1. processBatch vs loadChunked vs streamPromotions (chunks of 10 stores, the default) for 500 and 5,000
//      stores, each collecting every row into one array as processBatch does, in shuffled interleaved rounds with a
//      full GC before each timed call: promotions/s at the median call and the overhead against processBatch
//      (target: under 15 %).
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
//       (`pnpm bench` runs this after bench/estimates.bench.mjs). Takes about a minute. MB = 10^6 bytes.

import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import v8 from 'node:v8';
import { processBatch } from '@promoscale/generator';
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

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

const gc = globalThis.gc ?? (() => {});

/**
 * Times the functions (each returns the items it made) in interleaved rounds, in a shuffled order each round and
 * with a full GC before each call, outside its time, so that one strategy's garbage and the JIT's warm-up are
 * not billed to another: warm-up rounds for warmupMs, then rounds until each function has minMs of calls and
 * minCalls calls. Returns items/s of each at its median call time (robust to a stray major GC).
 */
async function interleavedThroughput(fns) {
  const warmupEnd = performance.now() + TIMING.warmupMs;
  do for (const fn of fns) await fn();
  while (performance.now() < warmupEnd);
  const runs = fns.map(() => ({ items: 0, ms: 0, times: [] }));
  const order = fns.map((_, i) => i);
  while (runs.some((r) => r.ms < TIMING.minMs || r.times.length < TIMING.minCalls)) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(Math.random() * (i + 1)); // bench order only; never in generated data
      [order[i], order[j]] = [order[j], order[i]];
    }
    for (const i of order) {
      gc();
      const t0 = performance.now();
      runs[i].items = await fns[i]();
      const ms = performance.now() - t0;
      runs[i].ms += ms;
      runs[i].times.push(ms);
    }
  }
  return runs.map((r) => (r.items * 1000) / median(r.times));
}

// --- 1. Strategies ---

async function benchStrategies(stores) {
  const spec = { stores, templates: 'MIXED', seed: 42 };
  const chunkSize = STRATEGY_CHUNK;
  // Every strategy ends with all rows in one array, as a grid holding the dataset would; streamDiscard keeps
  // none (a consumer that writes rows out and drops them), for information.
  const [batch, chunked, streamed, streamDiscard] = await interleavedThroughput([
    () => processBatch(1, stores, 'MIXED', { seed: 42 }).promotions.length,
    async () => (await loadChunked(spec, { chunkSize })).promotions.length,
    async () => {
      const rows = [];
      for await (const chunk of streamPromotions(spec, { chunkSize })) {
        for (const row of chunk.promotions) rows.push(row);
      }
      return rows.length;
    },
    async () => {
      let count = 0;
      for await (const chunk of streamPromotions(spec, { chunkSize })) count += chunk.promotions.length;
      return count;
    },
  ]);
  const overhead = (rate) => (batch / rate - 1) * 100;
  return {
    stores,
    chunkSize,
    processBatch: batch,
    loadChunked: chunked,
    streamPromotions: streamed,
    streamPromotionsDiscarding: streamDiscard,
    loadChunkedOverheadPct: overhead(chunked),
    streamPromotionsOverheadPct: overhead(streamed),
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
    for (const stores of STRATEGY_SIZES) strategies.push(await benchStrategies(stores));
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

await main();
