import {
  MAX_STORES,
  type Promotion,
  processBatch,
  promotionsToCsvBytes,
  promotionsToNdjsonBytes,
  promotionToNdjsonLine,
} from '@promoscale/generator';
import { loadChunked } from '../../loading/load-chunked.js';
import { streamPromotions } from '../../loading/stream-promotions.js';
import {
  datasetSpecOption,
  integerValue,
  type OptionSpecs,
  parseCommandOptions,
  storesOption,
  stringValue,
} from '../cli-options.js';
import { formatTable } from '../format-table.js';
import { measureRate } from '../measure-rate.js';
import { formatRate } from '../progress-bar.js';

export const BENCH_USAGE = `Usage: promoscale bench [options]

A short in-process benchmark of this machine (about 3 seconds): generation throughput of processBatch,
loadChunked and streamPromotions, and the JSON, NDJSON and CSV cost of a promotion.

Options:
  --stores N          stores a run (default 1000, 1 to ${MAX_STORES.toLocaleString('en-US')})
  --chunk-size N      stores a chunk for loadChunked and streamPromotions (default 10)
  --template NAME     MIXED (default) or a template name
  --seed S            default 42
  --as-of DATE        1901-01-01 to 2198-12-31 (default 2026-06-01)
  --json              one JSON object instead of the table
  -h, --help          this help

For the full benchmarks (workers, the CLI's write speed, peak RSS) run \`pnpm bench\` in the repository.`;

const OPTIONS: OptionSpecs = {
  stores: { type: 'string' },
  'chunk-size': { type: 'string' },
  template: { type: 'string' },
  seed: { type: 'string' },
  'as-of': { type: 'string' },
  json: { type: 'boolean' },
};

/** The figures `promoscale bench` prints. */
export interface BenchReport {
  node: string;
  stores: number;
  promotions: number;
  chunkSize: number;
  generation: { strategy: string; promotionsPerSecond: number; medianMs: number; overheadPct: number }[];
  formats: { format: string; bytesPerPromotion: number; promotionsPerSecond: number }[];
}

/** `promoscale bench`: returns the exit code. */
export async function benchCommand(args: string[]): Promise<number> {
  const values = parseCommandOptions('bench', args, OPTIONS, BENCH_USAGE);
  if (values === undefined) return 0;
  const rawStores = stringValue(values, 'stores');
  const stores = rawStores === undefined ? 1000 : storesOption(rawStores);
  const chunkSize = integerValue(values, 'chunk-size', 10, 1, MAX_STORES);
  const spec = datasetSpecOption(values, stores);
  const { templates, seed, asOf } = spec;
  const json = values.json === true;
  if (!json && process.stderr.isTTY) process.stderr.write('promoscale: measuring (about 3 seconds)…\n');

  const batch = await measureRate(() => processBatch(1, stores, templates, { seed, asOf }).promotions.length);
  const chunked = await measureRate(async () => (await loadChunked(spec, { chunkSize })).promotions.length);
  const streamed = await measureRate(async () => {
    let count = 0;
    for await (const chunk of streamPromotions(spec, { chunkSize })) count += chunk.promotions.length;
    return count;
  });
  const overhead = (perSecond: number) => Math.round((batch.perSecond / perSecond - 1) * 1000) / 10;

  const rows = processBatch(1, stores, templates, { seed, asOf }).promotions;
  const formats: BenchReport['formats'] = [];
  // Each format as `generate` writes it: JSON arrays of NDJSON lines; NDJSON and CSV with the byte writers.
  const lineBytes = (chunk: Promotion[]) => {
    let bytes = 0;
    for (const row of chunk) bytes += Buffer.byteLength(promotionToNdjsonLine(row)) + 2;
    return bytes;
  };
  for (const [format, serialize] of [
    ['json', lineBytes],
    ['ndjson', (chunk: Promotion[]) => promotionsToNdjsonBytes(chunk).length],
    ['csv', (chunk: Promotion[]) => promotionsToCsvBytes(chunk).length],
  ] as const) {
    const bytes = serialize(rows);
    const rate = await measureRate(() => (serialize(rows) > 0 ? rows.length : 0));
    formats.push({
      format,
      bytesPerPromotion: Math.round(bytes / rows.length),
      promotionsPerSecond: Math.round(rate.perSecond),
    });
  }

  const report: BenchReport = {
    node: process.version,
    stores,
    promotions: rows.length,
    chunkSize,
    generation: [
      { strategy: 'processBatch', ...figures(batch), overheadPct: 0 },
      { strategy: 'loadChunked', ...figures(chunked), overheadPct: overhead(chunked.perSecond) },
      { strategy: 'streamPromotions', ...figures(streamed), overheadPct: overhead(streamed.perSecond) },
    ],
    formats,
  };
  process.stdout.write(json ? `${JSON.stringify(report, null, 2)}\n` : `${renderBench(report)}\n`);
  return 0;
}

function figures(measurement: { perSecond: number; medianMs: number }) {
  return {
    promotionsPerSecond: Math.round(measurement.perSecond),
    medianMs: Math.round(measurement.medianMs * 100) / 100,
  };
}

function renderBench(report: BenchReport): string {
  const generation = formatTable(
    [
      { header: 'strategy' },
      { header: 'promotions/s', align: 'right' },
      { header: 'median run', align: 'right' },
      { header: 'vs processBatch', align: 'right' },
    ],
    report.generation.map((row) => [
      row.strategy,
      formatRate(row.promotionsPerSecond),
      `${row.medianMs.toFixed(1)} ms`,
      row.strategy === 'processBatch' ? '—' : `${row.overheadPct >= 0 ? '+' : ''}${row.overheadPct}%`,
    ]),
  );
  const formats = formatTable(
    [
      { header: 'format' },
      { header: 'bytes/promotion', align: 'right' },
      { header: 'serialized/s', align: 'right' },
    ],
    report.formats.map((row) => [
      row.format,
      String(row.bytesPerPromotion),
      formatRate(row.promotionsPerSecond),
    ]),
  );
  return [
    `promoscale bench: ${report.stores.toLocaleString('en-US')} stores (${report.promotions.toLocaleString('en-US')} promotions), ` +
      `chunks of ${report.chunkSize} stores, Node ${report.node}`,
    '',
    generation,
    '',
    formats,
    '',
    '"vs processBatch" is the extra time of the strategy (yielding between chunks, concatenation).',
  ].join('\n');
}
