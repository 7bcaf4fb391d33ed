// Benchmark of the writers (the BUILT package, imported by its own name): rows a second that each writer turns into
// UTF-8 bytes, as the CLI (`promoscale generate`) and the export route use them: chunks of 3,000 rows (100 stores),
// 60,000 generated rows in all.
//   - old NDJSON / old CSV: promotionToNdjsonLine / promotionToCsvLine per row, the lines of a chunk joined with
//     `\n` into one text, encoded with Buffer.from;
//   - fast NDJSON / fast CSV: promotionsToNdjsonBytes / promotionsToCsvBytes per chunk (they return the bytes);
//   - fast …, into: the same, each call passed the previous result as `options.into` (its memory is reused: a
//     caller that waits for each chunk's write before the next; the CLI and the export route do not, yet).
// Each round runs every writer once over all chunks, in turn, so that all four see the same conditions; the table
// gives the median round, in wall time and in CPU time of this process (steadier on a shared machine), beside the
// 1 M rows/s target, and each fast writer's speedup over the old one. It also checks that old and fast give the
// same bytes. Informational only: it never asserts.
//
// Run:  cd packages/generator && npx tsup && node bench/serialize.bench.mjs [--rounds 15] [--json]

import {
  processBatch,
  promotionsToCsvBytes,
  promotionsToNdjsonBytes,
  promotionToCsvLine,
  promotionToNdjsonLine,
} from '@promoscale/generator';
import { median } from '@promoscale/generator/internal';

const TARGET_ROWS_PER_SECOND = 1_000_000;
const CHUNK_STORES = 100;
const CHUNKS = 20;
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
}

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
    JSON.stringify({ rows, rounds: ROUNDS, target: TARGET_ROWS_PER_SECOND, same, speedup, results }),
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
}
