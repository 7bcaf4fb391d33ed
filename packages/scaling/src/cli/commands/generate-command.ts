import { createWriteStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import type { Writable } from 'node:stream';
import { finished } from 'node:stream/promises';
import { MAX_STORES, PROMOTIONS_PER_STORE } from '@promoscale/generator';
import { streamPromotions } from '../../loading/stream-promotions.js';
import {
  choiceOption,
  datasetOptions,
  integerValue,
  type OptionSpecs,
  parseCommandOptions,
  storesOption,
  stringValue,
  UsageError,
} from '../cli-options.js';
import { createProgressBar, formatDuration, formatRate } from '../progress-bar.js';
import { OUTPUT_FORMATS, type OutputFormat, writePromotions } from '../write-promotions.js';

export const GENERATE_USAGE = `Usage: promoscale generate --stores N [options]

Generates the promotions of a dataset and streams them to a file or stdout in constant memory.

Options:
  --stores N          store count, 1 to ${MAX_STORES.toLocaleString('en-US')} (required; 30 promotions a store)
  --template NAME     MIXED (default), SUBURBAN_FAMILY, URBAN_PREMIUM, RURAL_VALUE, CAMPUS_EXPRESS
                      or COASTAL_SEASONAL
  --seed S            an integer or a string (default 42); same spec, same bytes
  --as-of DATE        YYYY-MM-DD deciding each promotion's status (default 2026-06-01)
  --format F          json (a valid array), ndjson or csv; default: from --out's extension
                      (.json, .ndjson/.jsonl, .csv), else ndjson
  --out FILE          write to FILE instead of stdout ("-" is stdout)
  --chunk-size N      stores generated and written at a time (default 100; never changes the output)
  --progress          draw the progress bar on stderr even when it is not a terminal
  --quiet             no progress bar and no summary line
  -h, --help          this help

The progress bar is drawn on stderr when stderr is a terminal. Ctrl-C stops at the next chunk; a partial
--out file is removed (exit code 130). Piping into a command that exits early (head) stops quietly.

Examples:
  promoscale generate --stores 5000 --template MIXED --seed 42 --format csv --out promotions.csv
  promoscale generate --stores 100 --format ndjson | head -n 3`;

const OPTIONS: OptionSpecs = {
  stores: { type: 'string' },
  template: { type: 'string' },
  seed: { type: 'string' },
  'as-of': { type: 'string' },
  format: { type: 'string' },
  out: { type: 'string', short: 'o' },
  'chunk-size': { type: 'string' },
  progress: { type: 'boolean' },
  quiet: { type: 'boolean', short: 'q' },
  // Hidden: prints {"maxRssBytes":…} on stderr at the end, for bench/loading.bench.mjs.
  'report-rss': { type: 'boolean' },
};

const EXTENSION_FORMATS: Record<string, OutputFormat> = {
  '.json': 'json',
  '.ndjson': 'ndjson',
  '.jsonl': 'ndjson',
  '.csv': 'csv',
};

/** The output format: `--format`, else from the `--out` file's extension, else NDJSON. */
function resolveFormat(raw: string | undefined, outPath: string | undefined): OutputFormat {
  if (raw !== undefined) return choiceOption('format', raw, OUTPUT_FORMATS);
  const extension = outPath ? /\.[^./\\]+$/.exec(outPath.toLowerCase())?.[0] : undefined;
  return (extension && EXTENSION_FORMATS[extension]) || 'ndjson';
}

/** `promoscale generate`: returns the exit code. */
export async function generateCommand(args: string[]): Promise<number> {
  const values = parseCommandOptions('generate', args, OPTIONS, GENERATE_USAGE);
  if (values === undefined) return 0;
  const rawStores = stringValue(values, 'stores');
  if (rawStores === undefined) {
    throw new UsageError(
      `--stores is required (an integer from 1 to ${MAX_STORES}) (try promoscale generate --help)`,
    );
  }
  const stores = storesOption(rawStores);
  const { templates, seed, asOf } = datasetOptions(values);
  const chunkSize = integerValue(values, 'chunk-size', 100, 1, MAX_STORES);
  const outArg = stringValue(values, 'out');
  const outPath = outArg === undefined || outArg === '-' ? undefined : outArg;
  if (outArg === '') throw new UsageError('--out needs a file name (try promoscale generate --help)');
  const format = resolveFormat(stringValue(values, 'format'), outPath);
  const quiet = values.quiet === true;
  const showProgress = !quiet && (values.progress === true || process.stderr.isTTY === true);

  const controller = new AbortController();
  const onSigint = () => controller.abort(new Error('interrupted'));
  process.once('SIGINT', onSigint);

  let out: Writable = process.stdout;
  if (outPath) {
    out = createWriteStream(outPath);
    // Fail early, with the path in the message, when the file cannot be created.
    await new Promise<void>((resolve, reject) => {
      out.once('ready', () => resolve());
      out.once('error', reject);
    }).catch((error: NodeJS.ErrnoException) => {
      process.off('SIGINT', onSigint);
      throw new Error(`cannot write ${outPath}: ${error.code ?? error.message}`);
    });
  }

  const bar = showProgress ? createProgressBar(process.stderr, stores, PROMOTIONS_PER_STORE) : null;
  const started = performance.now();
  const chunks = streamPromotions(
    { stores, templates, seed, asOf },
    { chunkSize, signal: controller.signal },
  );
  try {
    const summary = await writePromotions(
      chunks,
      out,
      format,
      (chunk) => bar?.update(chunk.progress.storesDone),
      controller.signal,
    );
    if (outPath) {
      out.end();
      await finished(out);
    } else {
      // stdout stays open; wait until what was written is handed to the OS.
      await new Promise<void>((resolve) => out.write('', () => resolve()));
    }
    bar?.finish();
    const elapsedMs = performance.now() - started;
    if (!quiet) {
      const target = outPath ?? 'stdout';
      process.stderr.write(
        `promoscale: wrote ${summary.promotions.toLocaleString('en-US')} promotions ` +
          `(${stores.toLocaleString('en-US')} store${stores === 1 ? '' : 's'}, ${format}, ${formatBytes(summary.bytes)}) to ${target} ` +
          `in ${formatDuration(elapsedMs)} (${formatRate((summary.promotions * 1000) / elapsedMs)} promotions/s)\n`,
      );
    }
    if (values['report-rss']) {
      process.stderr.write(`${JSON.stringify({ maxRssBytes: process.resourceUsage().maxRSS * 1024 })}\n`);
    }
    return 0;
  } catch (error) {
    bar?.stop();
    const code = (error as NodeJS.ErrnoException).code;
    if (!outPath && code === 'EPIPE') return 0; // the reader went away (| head): not an error
    if (outPath) {
      out.destroy();
      await rm(outPath, { force: true });
    }
    if (controller.signal.aborted) {
      process.stderr.write(
        `promoscale: interrupted${outPath ? `; removed the partial file ${outPath}` : ''}\n`,
      );
      return 130;
    }
    throw outPath ? new Error(`${errorMessage(error)}; removed the partial file ${outPath}`) : error;
  } finally {
    process.off('SIGINT', onSigint);
  }
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** `2.23 GB`, `512 kB` (powers of 1000, as file managers show them). */
export function formatBytes(bytes: number): string {
  if (bytes >= 1e9) return `${(bytes / 1e9).toFixed(2)} GB`;
  if (bytes >= 1e6) return `${(bytes / 1e6).toFixed(1)} MB`;
  if (bytes >= 1e3) return `${(bytes / 1e3).toFixed(1)} kB`;
  return `${bytes} B`;
}
