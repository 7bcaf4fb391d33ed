import { MAX_STORES, PROMOTIONS_PER_STORE } from '@promoscale/generator';
import { streamPromotions } from '../../loading/stream-promotions.js';
import {
  choiceOption,
  datasetSpecOption,
  integerValue,
  type OptionSpecs,
  parseCommandOptions,
  storesOption,
  stringValue,
  UsageError,
} from '../cli-options.js';
import { generatedByteChunks } from '../generated-byte-chunks.js';
import { errnoCode, type OutputTarget, openOutput } from '../output-target.js';
import { createProgressBar, formatDuration, formatRate } from '../progress-bar.js';
import { guardSignals, signalExitCode } from '../signal-guard.js';
import { OUTPUT_FORMATS, type OutputFormat, writePromotions } from '../write-promotions.js';

export const GENERATE_USAGE = `Usage: promoscale generate --stores N [options]

Generates the promotions of a dataset and streams them to a file or stdout in constant memory.

Options:
  --stores N          store count, 1 to ${MAX_STORES.toLocaleString('en-US')} (required; 30 promotions a store)
  --template NAME     MIXED (default), SUBURBAN_FAMILY, URBAN_PREMIUM, RURAL_VALUE, CAMPUS_EXPRESS
                      or COASTAL_SEASONAL
  --seed S            an integer or a string (default 42); same spec, same bytes
  --as-of DATE        YYYY-MM-DD deciding each promotion's status, 1901-01-01 to 2198-12-31
                      (default 2026-06-01)
  --format F          json (a valid array), ndjson or csv; default: from --out's extension
                      (.json, .ndjson/.jsonl, .csv), else ndjson
  --out FILE          write to FILE instead of stdout ("-" is stdout)
  --chunk-size N      stores generated and written at a time (default 100; never changes the output)
  --progress          draw the progress bar on stderr even when it is not a terminal
  --quiet             no progress bar and no summary line
  -h, --help          this help

The progress bar is drawn on stderr when stderr is a terminal. A regular --out file is written to a temporary
file beside it and renamed over it once complete: on a failure or an interrupt the file keeps its old content
(or is not created). A device, FIFO, socket or /dev/stdout given as --out is written through and never
removed. Ctrl-C, SIGTERM or SIGHUP stop at the next chunk (exit code 130, 143 or 129). A reader of stdout or of
a FIFO that goes away (| head) stops the command quietly.

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
  // Every check before the output is opened: a bad flag never creates, truncates or replaces a file.
  const spec = datasetSpecOption(values, storesOption(rawStores));
  const chunkSize = integerValue(values, 'chunk-size', 100, 1, MAX_STORES);
  const outArg = stringValue(values, 'out');
  if (outArg === '') throw new UsageError('--out needs a file name (try promoscale generate --help)');
  const outPath = outArg === undefined || outArg === '-' ? undefined : outArg;
  const format = resolveFormat(stringValue(values, 'format'), outPath);
  const quiet = values.quiet === true;
  const showProgress = !quiet && (values.progress === true || process.stderr.isTTY === true);

  // From here to the end of the cleanup, a signal stops the generation instead of killing the process.
  const guard = guardSignals();
  let output: OutputTarget | undefined;
  const bar = showProgress ? createProgressBar(process.stderr, spec.stores, PROMOTIONS_PER_STORE) : null;
  try {
    if (outPath) output = await openOutput(outPath, guard.signal);
    const started = performance.now();
    // NDJSON and CSV straight from the generator to bytes (no promotion objects); JSON from rows.
    const chunks =
      format === 'json'
        ? streamPromotions(spec, { chunkSize, signal: guard.signal })
        : generatedByteChunks(spec, format, chunkSize, guard.signal);
    const summary = await writePromotions(
      chunks,
      output?.stream ?? process.stdout,
      format,
      (chunk) => bar?.update(chunk.progress.storesDone),
      guard.signal,
      // A file stream and stdout are done with a chunk's bytes when its write callback runs.
      { reuseBuffers: true },
    );
    if (output) {
      await output.commit(guard.signal);
    } else {
      // stdout stays open; wait until what was written is handed to the OS.
      await new Promise<void>((resolve) => process.stdout.write('', () => resolve()));
    }
    bar?.finish();
    const elapsedMs = performance.now() - started;
    if (!quiet) {
      const { stores } = spec;
      process.stderr.write(
        `promoscale: wrote ${summary.promotions.toLocaleString('en-US')} promotions ` +
          `(${stores.toLocaleString('en-US')} store${stores === 1 ? '' : 's'}, ${format}, ${formatBytes(summary.bytes)}) to ${outPath ?? 'stdout'} ` +
          `in ${formatDuration(elapsedMs)} (${formatRate((summary.promotions * 1000) / elapsedMs)} promotions/s)\n`,
      );
    }
    if (values['report-rss']) {
      process.stderr.write(`${JSON.stringify({ maxRssBytes: process.resourceUsage().maxRSS * 1024 })}\n`);
    }
    return 0;
  } catch (error) {
    bar?.stop();
    await output?.discard();
    const note = output ? `; ${output.discardNote}` : '';
    if (guard.received !== undefined) {
      process.stderr.write(`promoscale: interrupted by ${guard.received}${note}\n`);
      return signalExitCode(guard.received);
    }
    const code = errnoCode(error);
    // The reader went away (| head, or a FIFO's reader): what it wanted was written.
    if (code === 'EPIPE' && output?.kind !== 'file') return 0;
    if (outPath && code !== undefined && output) throw new Error(`cannot write ${outPath}: ${code}${note}`);
    throw output ? new Error(`${errorMessage(error)}${note}`) : error;
  } finally {
    // After a signal, the later ones stay ignored until the process exits: released, one arriving between the
    // cleanup and the exit would kill the process and replace our exit code and message by the default's.
    if (guard.received === undefined) guard.release();
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
