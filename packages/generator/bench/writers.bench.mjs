// Writers as users run them: promotionToCsvLine against the first release's CSV writer, and
// promotionToNdjsonLine (JSON.stringify), on 60,000 generated rows in chunks of lines encoded to UTF-8.
//
// Run:  cd packages/generator && pnpm build && node --expose-gc bench/writers.bench.mjs [--json]
// (`pnpm bench` runs it with the other benches, bench/generator.bench.mjs.)

import {
  PROMOTION_FIELDS,
  processBatch,
  promotionToCsvLine,
  promotionToNdjsonLine,
} from '@promoscale/generator';
import { dec1, inChild, int, isMain, main, measureThroughput, TIMING } from './harness.mjs';

// --- Writers: the field-by-field NDJSON and CSV writers against the built-in conversions they replace. ---

/** The CSV writer of the first release: String() per field, the line built with `+=`. */
function ropeCsvLine(row) {
  let line = '';
  for (let i = 0; i < PROMOTION_FIELDS.length; i++) {
    const value = row[PROMOTION_FIELDS[i]];
    if (i > 0) line += ',';
    line +=
      typeof value === 'string' && /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : String(value);
  }
  return line;
}

/**
 * Writers as their users run them: chunks of 3,000 rows (100 stores) turned into one text of lines and encoded to
 * UTF-8 bytes, as the CLI and the export route do, so that a writer is billed for the string it hands on.
 */
function benchWriters() {
  const chunks = [];
  for (let start = 1; start <= 2_000; start += 100)
    chunks.push(processBatch(start, start + 99, 'MIXED').promotions);
  const writers = [
    ['promotionToCsvLine', promotionToCsvLine],
    ['CSV, first release', ropeCsvLine],
    ['promotionToNdjsonLine', promotionToNdjsonLine],
  ];
  const same = chunks.every((rows) => rows.every((row) => promotionToCsvLine(row) === ropeCsvLine(row)));
  const results = writers.map(([name, write]) => {
    let bytes = 0;
    const rate = measureThroughput(() => {
      let rows = 0;
      bytes = 0;
      for (const chunk of chunks) {
        let text = '';
        for (const row of chunk) text += `${write(row)}\n`;
        bytes += Buffer.from(text).length;
        rows += chunk.length;
      }
      return rows;
    }, TIMING);
    return { name, perSecond: rate.perSecond, bytesPerRow: bytes / (chunks.length * 3_000) };
  });
  return { rows: chunks.length * 3_000, same, results };
}

/** The writers' figures, measured in a fresh Node process. */
export const measure = () => inChild(import.meta.url, '--child-writers');

/** The report's lines for the figures of {@link measure}. */
export const lines = writerLines;

function writerLines(writers) {
  const lines = [
    `Writers, ${int.format(writers.rows)} rows in chunks of 3,000 encoded to UTF-8 (CSV identical to the first release's: ${writers.same ? 'yes' : 'NO'})`,
  ];
  for (const w of writers.results) {
    lines.push(
      `  ${w.name.padEnd(28)} ${int.format(w.perSecond).padStart(10)} rows/s  ${dec1.format(w.bytesPerRow)} B/row`,
    );
  }
  return lines;
}

if (isMain(import.meta.url)) await main({ child: () => benchWriters(), run: measure, lines });
