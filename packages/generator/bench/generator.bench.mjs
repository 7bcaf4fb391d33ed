// Benchmark of @promoscale/generator (the BUILT package, imported by its own name): runs every bench of this
// folder, prints their sections and a summary against the targets. Each bench also runs on its own:
//   1. throughput.bench.mjs: object mode, processBatch(1, n, 'MIXED') for n = 5 … 5,000 stores: promotions/s, the
//      same with new stores each call and its garbage-collection pauses, heap and JSON bytes per promotion.
//   2. streaming.bench.mjs: storeDataIterator over 3,000,000 promotions in a fresh process: promotions/s, peak RSS.
//   3. faker.bench.mjs: a naive @faker-js/faker generator of the same record, and promoscale / faker.
//   4. floor.bench.mjs: the retention floor (rows copied, not computed) and what the computation adds to it.
//   5. writers.bench.mjs: the CSV and NDJSON writers as users run them.
//   6. chromium.bench.mjs: object mode in headless Chromium (skipped, with the reason, when Chromium cannot be
//      launched, or with --no-chromium).
//   7. A summary against the targets. Informational only: it never asserts, a slow result exits 0.
// The measurements are in docs/generator-performance.md.
//
// Run:  cd packages/generator && pnpm build && pnpm bench
//       (or: node --expose-gc bench/generator.bench.mjs); add --json for one JSON object of the results.

import { performance } from 'node:perf_hooks';
import * as chromium from './chromium.bench.mjs';
import * as faker from './faker.bench.mjs';
import * as floor from './floor.bench.mjs';
import { dec1, environment, int, MB } from './harness.mjs';
import * as streaming from './streaming.bench.mjs';
import * as throughput from './throughput.bench.mjs';
import * as writers from './writers.bench.mjs';

const TARGETS = {
  promotionsPerSecond: 2_000_000,
  fakerRatio: 30,
  heapBytesPerPromotion: 650,
  streamPeakRssMb: 150,
};

function check(name, value, op, target) {
  return { name, value, op, target, meets: op === '>=' ? value >= target : value <= target };
}

function summarize(sizes, fakerResults, stream) {
  const at = (stores) => sizes.find((s) => s.stores === stores);
  // Against new stores each call: the faker baseline draws new values each call too.
  const fakerRatios = faker.fakerRatios(fakerResults, sizes);
  const peakRssMb = stream.peakRssBytes / MB;
  // The lower of the two figures of a size: the same stores again, or new stores each call.
  const rate = (stores) =>
    check(
      `promotions/s, object mode, ${int.format(stores)} stores`,
      Math.min(at(stores).perSecond, at(stores).newStores.perSecond),
      '>=',
      TARGETS.promotionsPerSecond,
    );
  return {
    fakerRatios,
    targets: [
      rate(50),
      rate(500),
      rate(5_000),
      ...fakerRatios.map(({ stores, ratio }) =>
        check(`promoscale / faker at ${int.format(stores)} stores`, ratio, '>=', TARGETS.fakerRatio),
      ),
      check(
        'heap bytes / retained promotion, 5,000 stores',
        at(5_000).heapBytesPerPromotion,
        '<=',
        TARGETS.heapBytesPerPromotion,
      ),
      check('peak RSS (MB) streaming 3M promotions', peakRssMb, '<=', TARGETS.streamPeakRssMb),
    ],
  };
}

function summaryLines(summary, env, totalMs) {
  const lines = ['Summary against targets (informational only)'];
  for (const t of summary.targets) {
    const figure = (t.value >= 1_000 ? int.format(t.value) : dec1.format(t.value)).padStart(12);
    const target = `${t.op} ${int.format(t.target)}`.padEnd(13);
    lines.push(`  ${t.name.padEnd(46)}${figure}  target ${target}${t.meets ? 'meets' : 'misses'}`);
  }
  lines.push(`  Node ${env.node}, os.cpus().length ${env.cpus}, CPU ${env.cpuModel}`);
  lines.push(`  bench took ${dec1.format(totalMs / 1000)} s`);
  return lines;
}

function printReport(results) {
  const { env, sizes, summary, totalMs } = results;
  const title = `@promoscale/generator benchmark (Node ${env.node}, ${env.cpus} CPUs, ${env.cpuModel})`;
  const sections = [
    [title],
    throughput.lines(sizes),
    streaming.lines(results.stream),
    faker.lines(results.faker, sizes),
    floor.lines({ floor: results.floor, sharedFloor: results.sharedFloor }, sizes),
    writers.lines(results.writers),
    chromium.lines(results.chromium),
    summaryLines(summary, env, totalMs),
  ];
  console.log(sections.map((lines) => lines.join('\n')).join('\n\n'));
}

const started = performance.now();
const sizes = throughput.measure();
const fakerResults = faker.measure();
const floorResults = floor.measure();
const writerResults = writers.measure();
const stream = streaming.measure();
const chromiumResults = await chromium.measure();
const results = {
  env: environment(),
  targets: TARGETS,
  sizes,
  faker: fakerResults,
  ...floorResults,
  writers: writerResults,
  stream,
  chromium: chromiumResults,
  summary: summarize(sizes, fakerResults, stream),
  totalMs: performance.now() - started,
};
if (process.argv.includes('--json')) console.log(JSON.stringify(results, null, 2));
else printReport(results);
