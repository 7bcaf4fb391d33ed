// Benchmark of the writers (the BUILT package, imported by its own name): rows a second that each writer turns into
// UTF-8 bytes, as the CLI (`promoscale generate`) and the export route use them: chunks of 3,000 rows (100 stores),
// 60,000 generated rows in all.
//   - old NDJSON / old CSV: promotionToNdjsonLine / promotionToCsvLine per row, the lines of a chunk joined with
//     `\n` into one text, encoded with Buffer.from;
//   - fast NDJSON / fast CSV: promotionsToNdjsonBytes / promotionsToCsvBytes per chunk (they return the bytes);
//   - fast …, into: the same, each call passed the previous result as `options.into` (its memory is reused: a
//     caller that waits for each chunk's write before the next, as the CLI does).
// Those rows are generated once, beforehand (~36 MB), and written over and over, so the first read of every row
// misses the CPU caches. The second table ("rows just generated") writes rows as the real paths do: chunks of
// 100 stores generated as `promoscale generate` generates them (storeDataAsyncIterator, chunk size 100, the
// default spec; new stores each time, so the store fragments are made as they are there), each chunk written right
// after it is made; only the writer's call is timed (wall and CPU time). Without `into` (as the export route
// writes) and with the previous-but-one result as `into` (two buffers in turn, as the CLI writes). The pipeline
// lines time the CLI's whole loop (generate + write into two buffers in turn; no output I/O).
// The third table ("generated straight to bytes") times generatePromotionBytes, which `promoscale generate`
// writes NDJSON and CSV with: the engine writes each row's bytes as it makes the row, no object in between. Its
// time includes generation, so each round also times the engine over as many new stores with no output
// (generateWithoutOutput); "writing alone" is the difference, per round: rows / (with bytes - without output).
// Each round runs every writer once over all chunks, in turn, so that all four see the same conditions; the table
// gives the median round, in wall time and in CPU time of this process (steadier on a shared machine), beside the
// 1 M rows/s target, and each fast writer's speedup over the old one. It also checks that old and fast give the
// same bytes. Informational only: it never asserts.
//
// Run:  cd packages/generator && npx tsup && node bench/serialize.bench.mjs [--rounds 15] [--json]

import {
  generatePromotionBytes,
  normalizeSpec,
  processBatch,
  promotionsToCsvBytes,
  promotionsToNdjsonBytes,
  promotionToCsvLine,
  promotionToNdjsonLine,
  storeDataAsyncIterator,
} from '@promoscale/generator';
import { generateWithoutOutput, median } from '@promoscale/generator/internal';

const TARGET_ROWS_PER_SECOND = 1_000_000;
const CHUNK_STORES = 100;
const CHUNKS = 20;
/** Stores a "rows just generated" run writes (as many rows as the table above), and the last first store. */
const HOT_STORES = CHUNK_STORES * CHUNKS;
const HOT_LAST_START = 100_000 - HOT_STORES + 1;
const WARMUP_ROUNDS = 3;
const roundsArg = process.argv.indexOf('--rounds');
const ROUNDS = roundsArg > 0 ? Number(process.argv[roundsArg + 1]) : 15;
const asJson = process.argv.includes('--json');

/** The old way: a chunk's lines joined into one text, then encoded. */
const joinedLines = (line) => (rows) => {
  let text = '';
  for (const row of rows) text += `${line(row)}\n`;
  return Buffer.from(text);
};

/** A fast writer passed its previous result back as `options.into` (a caller that waits for each write). */
const intoPrevious = (write) => {
  let previous = null;
  return (rows) => {
    previous = write(rows, { into: previous });
    return previous;
  };
};

// [name, writer, index of the old writer of its format]
const WRITERS = [
  ['old NDJSON (promotionToNdjsonLine)', joinedLines(promotionToNdjsonLine), -1],
  ['fast NDJSON (promotionsToNdjsonBytes)', promotionsToNdjsonBytes, 0],
  ['old CSV (promotionToCsvLine)', joinedLines(promotionToCsvLine), -1],
  ['fast CSV (promotionsToCsvBytes)', promotionsToCsvBytes, 2],
  ['fast NDJSON, into (options.into)', intoPrevious(promotionsToNdjsonBytes), 0],
  ['fast CSV, into (options.into)', intoPrevious(promotionsToCsvBytes), 2],
];

function sameBytes(a, b) {
  return Buffer.from(a.buffer, a.byteOffset, a.length).equals(Buffer.from(b.buffer, b.byteOffset, b.length));
}

const chunks = [];
for (let c = 0; c < CHUNKS; c++) {
  const start = 1 + c * CHUNK_STORES;
  chunks.push(processBatch(start, start + CHUNK_STORES - 1, 'MIXED').promotions);
}
const rows = chunks.reduce((sum, chunk) => sum + chunk.length, 0);

const sameAs = (old, fast) =>
  chunks.every((chunk) => sameBytes(WRITERS[old][1](chunk), WRITERS[fast][1](chunk)));
const same = {
  ndjson: sameAs(0, 1) && sameAs(0, 4),
  csv: sameAs(2, 3) && sameAs(2, 5),
};

/** A fast writer handed the previous-but-one result as `options.into`: the CLI's two buffers in turn. */
const twoBuffers = (write) => {
  const buffers = [null, null];
  let turn = 0;
  return (rows) => {
    const bytes = write(rows, { into: buffers[turn] });
    buffers[turn] = bytes;
    turn ^= 1;
    return bytes;
  };
};

// [name, make a writer (a fresh one each run), whether this run also gives the pipeline line]
const HOT_WRITERS = [
  ['fast NDJSON, rows just generated', () => promotionsToNdjsonBytes, false],
  ['fast NDJSON, just generated, into x2', () => twoBuffers(promotionsToNdjsonBytes), true],
  ['fast CSV, rows just generated', () => promotionsToCsvBytes, false],
  ['fast CSV, just generated, into x2', () => twoBuffers(promotionsToCsvBytes), true],
];
const HOT_PIPELINES = ['NDJSON: generate + write (the CLI loop)', 'CSV: generate + write (the CLI loop)'];
const spec = normalizeSpec({ stores: HOT_STORES });
let nextHotStart = 1;

/**
 * Generates HOT_STORES new stores in chunks of CHUNK_STORES as `promoscale generate` does and writes each chunk
 * right after it is made; returns the writer's own wall and CPU time (ms) and the whole loop's.
 */
async function hotRun(write) {
  const startStore = nextHotStart;
  nextHotStart = nextHotStart + HOT_STORES > HOT_LAST_START ? 1 : nextHotStart + HOT_STORES;
  const chunks = storeDataAsyncIterator(HOT_STORES, CHUNK_STORES, spec.templates, {
    seed: spec.seed,
    asOf: spec.asOf,
    startStore,
  });
  let writerMs = 0;
  let writerCpuMs = 0;
  let rowsWritten = 0;
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  for await (const chunk of chunks) {
    const c0 = process.cpuUsage();
    const w0 = performance.now();
    write(chunk.promotions);
    writerMs += performance.now() - w0;
    const c = process.cpuUsage(c0);
    writerCpuMs += (c.user + c.system) / 1000;
    rowsWritten += chunk.promotions.length;
  }
  const totalMs = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  return { rows: rowsWritten, writerMs, writerCpuMs, totalMs, totalCpuMs: (cpu.user + cpu.system) / 1000 };
}

// [name, format, whether each call writes into the previous-but-one result (the CLI's two buffers)]
const DIRECT = [
  ['NDJSON generated straight to bytes', 'ndjson', false],
  ['NDJSON straight to bytes, into x2', 'ndjson', true],
  ['CSV generated straight to bytes', 'csv', false],
  ['CSV straight to bytes, into x2', 'csv', true],
];
let nextDirectStart = 1;
/** The next HOT_STORES new stores: their first store number. */
function nextDirectStores() {
  const startStore = nextDirectStart;
  nextDirectStart = nextDirectStart + HOT_STORES > HOT_LAST_START ? 1 : nextDirectStart + HOT_STORES;
  return startStore;
}
/** Wall and CPU ms of `run(start, end)` over HOT_STORES new stores in chunks of CHUNK_STORES. */
function timeChunks(run) {
  const first = nextDirectStores();
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  for (let start = first; start < first + HOT_STORES; start += CHUNK_STORES)
    run(start, start + CHUNK_STORES - 1);
  const cpu = process.cpuUsage(cpu0);
  return { ms: performance.now() - t0, cpuMs: (cpu.user + cpu.system) / 1000 };
}
const directSame = {
  ndjson: sameBytes(
    generatePromotionBytes(1, CHUNK_STORES, spec.templates, {
      seed: spec.seed,
      asOf: spec.asOf,
      format: 'ndjson',
    }),
    promotionsToNdjsonBytes(
      processBatch(1, CHUNK_STORES, spec.templates, { seed: spec.seed, asOf: spec.asOf }).promotions,
    ),
  ),
  csv: sameBytes(
    generatePromotionBytes(1, CHUNK_STORES, spec.templates, {
      seed: spec.seed,
      asOf: spec.asOf,
      format: 'csv',
    }),
    promotionsToCsvBytes(
      processBatch(1, CHUNK_STORES, spec.templates, { seed: spec.seed, asOf: spec.asOf }).promotions,
    ),
  ),
};
const directWhole = DIRECT.map(() => []);
const directWholeCpu = DIRECT.map(() => []);
const directAlone = DIRECT.map(() => []);
const directAloneCpu = DIRECT.map(() => []);
const generationOnly = [];
const generationOnlyCpu = [];

const hotWall = HOT_WRITERS.map(() => []);
const hotCpu = HOT_WRITERS.map(() => []);
const pipeWall = HOT_PIPELINES.map(() => []);
const pipeCpu = HOT_PIPELINES.map(() => []);

const wallRates = WRITERS.map(() => []);
const cpuRates = WRITERS.map(() => []);
const bytesPerRow = WRITERS.map(() => 0);
for (let round = 0; round < WARMUP_ROUNDS + ROUNDS; round++) {
  WRITERS.forEach(([, write], w) => {
    let bytes = 0;
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    for (const chunk of chunks) bytes += write(chunk).length;
    const ms = performance.now() - t0;
    const cpu = process.cpuUsage(cpu0);
    if (round < WARMUP_ROUNDS) return;
    wallRates[w].push((rows * 1000) / ms);
    cpuRates[w].push((rows * 1e6) / Math.max(cpu.user + cpu.system, 1));
    bytesPerRow[w] = bytes / rows;
  });
  for (let d = 0; d < DIRECT.length; d++) {
    const [, format, into] = DIRECT[d];
    const options = { seed: spec.seed, asOf: spec.asOf };
    const bare = timeChunks((start, end) => generateWithoutOutput(start, end, spec.templates, options));
    const buffers = [null, null];
    let turn = 0;
    const direct = timeChunks((start, end) => {
      const bytes = generatePromotionBytes(start, end, spec.templates, {
        ...options,
        format,
        into: into ? buffers[turn] : null,
      });
      buffers[turn] = bytes;
      turn ^= 1;
    });
    if (round < WARMUP_ROUNDS) continue;
    directWhole[d].push((HOT_STORES * 30 * 1000) / direct.ms);
    directWholeCpu[d].push((HOT_STORES * 30 * 1000) / Math.max(direct.cpuMs, 1e-3));
    directAlone[d].push((HOT_STORES * 30 * 1000) / Math.max(direct.ms - bare.ms, 1e-3));
    directAloneCpu[d].push((HOT_STORES * 30 * 1000) / Math.max(direct.cpuMs - bare.cpuMs, 1e-3));
    generationOnly.push((HOT_STORES * 30 * 1000) / bare.ms);
    generationOnlyCpu.push((HOT_STORES * 30 * 1000) / Math.max(bare.cpuMs, 1e-3));
  }
  for (let h = 0; h < HOT_WRITERS.length; h++) {
    const [, make, pipeline] = HOT_WRITERS[h];
    const run = await hotRun(make());
    if (round < WARMUP_ROUNDS) continue;
    hotWall[h].push((run.rows * 1000) / run.writerMs);
    hotCpu[h].push((run.rows * 1000) / Math.max(run.writerCpuMs, 1e-3));
    if (pipeline) {
      pipeWall[h >> 1].push((run.rows * 1000) / run.totalMs);
      pipeCpu[h >> 1].push((run.rows * 1000) / Math.max(run.totalCpuMs, 1e-3));
    }
  }
}

const hot = HOT_WRITERS.map(([name], h) => ({
  name,
  rowsPerSecond: median(hotWall[h]),
  rowsPerCpuSecond: median(hotCpu[h]),
}));
const pipelines = HOT_PIPELINES.map((name, p) => ({
  name,
  rowsPerSecond: median(pipeWall[p]),
  rowsPerCpuSecond: median(pipeCpu[p]),
}));

const direct = DIRECT.map(([name], d) => ({
  name,
  wholeRowsPerSecond: median(directWhole[d]),
  wholeRowsPerCpuSecond: median(directWholeCpu[d]),
  writingRowsPerSecond: median(directAlone[d]),
  writingRowsPerCpuSecond: median(directAloneCpu[d]),
}));
const generation = { rowsPerSecond: median(generationOnly), rowsPerCpuSecond: median(generationOnlyCpu) };

const results = WRITERS.map(([name], w) => ({
  name,
  rowsPerSecond: median(wallRates[w]),
  rowsPerCpuSecond: median(cpuRates[w]),
  bytesPerRow: bytesPerRow[w],
}));

if (asJson) {
  const speedup = {
    ndjson: results[1].rowsPerSecond / results[0].rowsPerSecond,
    csv: results[3].rowsPerSecond / results[2].rowsPerSecond,
    ndjsonInto: results[4].rowsPerSecond / results[0].rowsPerSecond,
    csvInto: results[5].rowsPerSecond / results[2].rowsPerSecond,
  };
  console.log(
    JSON.stringify({
      rows,
      rounds: ROUNDS,
      target: TARGET_ROWS_PER_SECOND,
      same,
      speedup,
      results,
      justGenerated: hot,
      pipelines,
      straightToBytes: { same: directSame, generation, writers: direct },
    }),
  );
} else {
  const m = (value) => `${(value / 1e6).toFixed(2)} M`;
  console.log(`Writers: ${rows.toLocaleString('en-US')} generated rows in chunks of 3,000, encoded to UTF-8`);
  console.log(
    `(median of ${ROUNDS} rounds; target: ${m(TARGET_ROWS_PER_SECOND)} rows/s for each fast writer)\n`,
  );
  console.log(
    `${'writer'.padEnd(40)}${'rows/s'.padStart(10)}${'rows/CPU-s'.padStart(12)}${'B/row'.padStart(8)}  vs target                vs old`,
  );
  results.forEach((r, w) => {
    const old = WRITERS[w][2];
    const fast = old >= 0;
    const vsTarget = fast
      ? `${m(r.rowsPerSecond)} / ${m(TARGET_ROWS_PER_SECOND)} ${r.rowsPerSecond >= TARGET_ROWS_PER_SECOND ? 'met' : 'missed'}`
      : '';
    const vsOld = fast ? `${(r.rowsPerSecond / results[old].rowsPerSecond).toFixed(2)}x` : '';
    console.log(
      `${r.name.padEnd(40)}${m(r.rowsPerSecond).padStart(10)}${m(r.rowsPerCpuSecond).padStart(12)}${r.bytesPerRow.toFixed(0).padStart(8)}  ${vsTarget.padEnd(25)}${vsOld}`,
    );
  });
  const ratio = (fast, old) => (results[fast].rowsPerSecond / results[old].rowsPerSecond).toFixed(2);
  console.log(`\nfast / old (line writers): NDJSON ${ratio(1, 0)}x, CSV ${ratio(3, 2)}x`);
  console.log(`with options.into (the previous result reused): NDJSON ${ratio(4, 0)}x, CSV ${ratio(5, 2)}x`);
  console.log(
    `same bytes as the old writers: NDJSON ${same.ndjson ? 'yes' : 'NO'}, CSV ${same.csv ? 'yes' : 'NO'}`,
  );
  const verdict = (rate) =>
    `${m(rate)} / ${m(TARGET_ROWS_PER_SECOND)} ${rate >= TARGET_ROWS_PER_SECOND ? 'met' : 'missed'}`;
  console.log(
    `\nRows just generated: ${rows.toLocaleString('en-US')} rows of new stores a run, generated in chunks of ${CHUNK_STORES} stores as`,
  );
  console.log(
    '`promoscale generate` generates them, each chunk written right after it is made; the writer alone is timed',
  );
  console.log(`(median of ${ROUNDS} runs; "into x2": two buffers in turn, as the CLI writes)\n`);
  console.log(
    `${'writer (rows in the caches)'.padEnd(40)}${'rows/s'.padStart(10)}${'rows/CPU-s'.padStart(12)}  vs target`,
  );
  for (const r of hot) {
    console.log(
      `${r.name.padEnd(40)}${m(r.rowsPerSecond).padStart(10)}${m(r.rowsPerCpuSecond).padStart(12)}  ${verdict(r.rowsPerSecond)}`,
    );
  }
  console.log(
    `\n${'whole pipeline, as the CLI runs it'.padEnd(40)}${'rows/s'.padStart(10)}${'rows/CPU-s'.padStart(12)}  (no output I/O)`,
  );
  for (const r of pipelines) {
    console.log(
      `${r.name.padEnd(40)}${m(r.rowsPerSecond).padStart(10)}${m(r.rowsPerCpuSecond).padStart(12)}`,
    );
  }
  console.log(
    `\nGenerated straight to bytes (generatePromotionBytes, what \`promoscale generate\` writes NDJSON and CSV with):`,
  );
  console.log(
    `the engine writes each row's bytes as it makes it; ${rows.toLocaleString('en-US')} rows of new stores a run in chunks of ${CHUNK_STORES} stores.`,
  );
  console.log(
    '"writing alone" = the run minus the engine over as many new stores without output, round by round',
  );
  console.log(`(median of ${ROUNDS} rounds)\n`);
  console.log(
    `${'path'.padEnd(40)}${'whole rows/s'.padStart(13)}${'rows/CPU-s'.padStart(12)}${'writing alone'.padStart(15)}${'rows/CPU-s'.padStart(12)}  writing vs target`,
  );
  for (const r of direct) {
    console.log(
      `${r.name.padEnd(40)}${m(r.wholeRowsPerSecond).padStart(13)}${m(r.wholeRowsPerCpuSecond).padStart(12)}${m(r.writingRowsPerSecond).padStart(15)}${m(r.writingRowsPerCpuSecond).padStart(12)}  ${verdict(r.writingRowsPerSecond)}`,
    );
  }
  console.log(
    `${'engine alone (no output)'.padEnd(40)}${m(generation.rowsPerSecond).padStart(13)}${m(generation.rowsPerCpuSecond).padStart(12)}`,
  );
  console.log(
    `same bytes as generating rows and writing them: NDJSON ${directSame.ndjson ? 'yes' : 'NO'}, CSV ${directSame.csv ? 'yes' : 'NO'}`,
  );
}
