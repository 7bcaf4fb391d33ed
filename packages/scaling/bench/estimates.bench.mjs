// Benchmark of the estimates of @promoscale/scaling (the BUILT package, imported by its own name).
//
// Prints, for 5 … 5,000 stores of processBatch(1, n, 'MIXED'), the estimate beside what this runtime measures:
// JSON MB (exact), retained heap MB (after a full GC) and warm generation + JSON.parse time, with the error
// 100 × (estimate − actual) / actual. Then the worst JSON error over EVERY n from 1 to 5,000, per template.
// Informational only: it never asserts; large errors exit 0.
//
// Run:  cd packages/scaling && pnpm build && node --expose-gc bench/estimates.bench.mjs
//   --calibrate  print fresh constants in the shape of DEFAULT_CALIBRATION (paste into
//                src/analysis/default-calibration.ts)
//   --fresh      estimate with calibrate() run first on this machine, not DEFAULT_CALIBRATION
//   --json       one JSON object of the results instead of the table
// MB in this report are 1,048,576 bytes (the seed table's MB).

import os from 'node:os';
import v8 from 'node:v8';
import vm from 'node:vm';
import { PROMOTIONS_PER_STORE, processBatch, TEMPLATE_NAMES } from '@promoscale/generator';
import {
  calibrate,
  DEFAULT_CALIBRATION,
  estimateDatasetSize,
  generateScalingReport,
} from '@promoscale/scaling';

const SIZES = [5, 10, 25, 50, 100, 250, 500, 1_000, 2_500, 5_000];
const PEAK_SIZES = [50, 500, 5_000];
const EVERY_N_MAX = 5_000;
/** What --calibrate measures: more points, samples and runs than calibrate()'s quick defaults. */
const FULL_CALIBRATION = {
  stores: [1, 10, 100, 500, 1_000, 2_000, 5_000],
  jsonStores: 2_000,
  storeTextSample: 20_000,
  heapStores: 5_000,
  runs: 5,
};

const args = new Set(process.argv.slice(2));
const gc = globalThis.gc ?? exposeGc();

/** Lets `node bench/estimates.bench.mjs` work without --expose-gc. */
function exposeGc() {
  v8.setFlagsFromString('--expose-gc');
  return vm.runInNewContext('gc');
}

/**
 * The largest |error| of the JSON estimate over every n in 1..max: one batch of `max` stores, each row
 * stringified once, so the exact size of every prefix is a running sum.
 */
function jsonErrorOverEveryN(templates, max, calibration) {
  const rows = processBatch(1, max, templates).promotions;
  let rowBytes = 0;
  let worst = { n: 0, errorPct: 0 };
  for (let n = 1; n <= max; n++) {
    for (let i = (n - 1) * PROMOTIONS_PER_STORE; i < n * PROMOTIONS_PER_STORE; i++) {
      rowBytes += Buffer.byteLength(JSON.stringify(rows[i]));
    }
    const actual = 2 + (n * PROMOTIONS_PER_STORE - 1) + rowBytes;
    const estimated = estimateDatasetSize(n, { templates, calibration }).json_size_mb * 1_048_576;
    const errorPct = (100 * (estimated - actual)) / actual;
    if (Math.abs(errorPct) > Math.abs(worst.errorPct)) worst = { n, errorPct };
  }
  return { templates, ...worst };
}

/**
 * Heap growth over generate + JSON.stringify with no GC in between (garbage included): the peak that
 * memory_requirement_mb estimates. Median of three readings.
 */
function peakMemoryMb(stores, calibration) {
  const readings = [];
  for (let i = 0; i < 3; i++) {
    gc();
    gc();
    const before = process.memoryUsage().heapUsed;
    const rows = processBatch(1, stores, 'MIXED').promotions;
    const json = JSON.stringify(rows);
    readings.push((process.memoryUsage().heapUsed - before) / 1_048_576);
    if (json.length === 0) break; // keeps both alive through the reading
  }
  readings.sort((a, b) => a - b);
  const measured = readings[1];
  const estimated = estimateDatasetSize(stores, { calibration }).memory_requirement_mb;
  return { stores, estimated, measured, errorPct: (100 * (estimated - measured)) / measured };
}

const fixed = (digits) => (value) => (value === null || value === undefined ? 'n/a' : value.toFixed(digits));
const mb = fixed(3);
const ms = fixed(2);
const pct = (value) =>
  value === null || value === undefined ? 'n/a' : `${value >= 0 ? '+' : ''}${value.toFixed(1)}`;

function tableLines(rows) {
  const header = [
    'stores',
    'est JSON MB',
    'actual',
    'err %',
    'est heap MB',
    'actual',
    'err %',
    'est load ms',
    'actual',
    'err %',
  ];
  const widths = [7, 12, 10, 8, 12, 10, 8, 12, 10, 8];
  const line = (cells) => cells.map((cell, i) => String(cell).padStart(widths[i])).join(' ');
  const lines = [line(header)];
  for (const { estimate: e, measured: m, error_pct: err } of rows) {
    lines.push(
      line([
        e.store_count,
        mb(e.json_size_mb),
        mb(m?.json_size_mb),
        pct(err?.json_size_mb),
        mb(e.base_size_mb),
        mb(m?.heap_mb),
        pct(err?.heap_mb),
        ms(e.load_time_ms),
        ms(m?.load_time_ms),
        pct(err?.load_time_ms),
      ]),
    );
  }
  return lines;
}

async function main() {
  const cpus = os.cpus();
  const env = { node: process.version, cpus: cpus.length, cpuModel: cpus[0]?.model.trim() ?? 'unknown' };

  if (args.has('--calibrate')) {
    const calibration = await calibrate({ ...FULL_CALIBRATION, gc });
    if (args.has('--json')) console.log(JSON.stringify({ env, calibration }, null, 2));
    else {
      console.log(`// ${calibration.runtime}, ${env.cpus} CPUs, ${env.cpuModel}`);
      console.log(JSON.stringify(calibration, null, 2));
    }
    return;
  }

  const started = performance.now();
  const calibration = args.has('--fresh') ? await calibrate({ gc }) : DEFAULT_CALIBRATION;
  const report = await generateScalingReport(SIZES, { calibration, gc, runs: 5 });
  const everyN = ['MIXED', ...TEMPLATE_NAMES].map((t) => jsonErrorOverEveryN(t, EVERY_N_MAX, calibration));
  const peaks = PEAK_SIZES.map((stores) => peakMemoryMb(stores, calibration));
  const results = {
    env,
    calibration: calibration.runtime,
    rows: report.rows,
    everyN,
    peaks,
    totalMs: performance.now() - started,
  };
  if (args.has('--json')) {
    console.log(JSON.stringify(results, null, 2));
    return;
  }
  const source = args.has('--fresh')
    ? 'a fresh calibrate() on this machine'
    : `DEFAULT_CALIBRATION (${calibration.runtime})`;
  console.log(
    `@promoscale/scaling estimates vs actual (Node ${env.node}, ${env.cpus} CPUs, ${env.cpuModel})`,
  );
  console.log(
    `Estimates from ${source}; processBatch(1, n, 'MIXED'); load = generation + JSON.parse, warm medians\n`,
  );
  console.log(tableLines(report.rows).join('\n'));
  console.log(`\nJSON size: largest |error| over every n from 1 to ${EVERY_N_MAX.toLocaleString('en-US')}`);
  for (const { templates, n, errorPct } of everyN) {
    console.log(`  ${templates.padEnd(17)} ${pct(errorPct).padStart(6)} % at n = ${n}`);
  }
  console.log(
    '\nPeak memory of generate + JSON.stringify (heap growth before any GC) vs memory_requirement_mb',
  );
  for (const { stores, estimated, measured, errorPct } of peaks) {
    console.log(
      `  ${String(stores).padStart(5)} stores: est ${mb(estimated)} MB, measured ${mb(measured)} MB, err ${pct(errorPct)} %`,
    );
  }
  console.log(`\nbench took ${(results.totalMs / 1000).toFixed(1)} s`);
}

await main();
