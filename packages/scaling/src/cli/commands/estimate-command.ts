import v8 from 'node:v8';
import vm from 'node:vm';
import { MAX_STORES } from '@promoscale/generator';
import { calibrate } from '../../analysis/calibrate.js';
import {
  generateScalingReport,
  type ScalingReportOptions,
  SEED_TABLE_SIZES,
} from '../../analysis/scaling-report.js';
import {
  datasetSpecOption,
  integerValue,
  MAX_STORES_LIST,
  type OptionSpecs,
  parseCommandOptions,
  storesListOption,
  stringValue,
} from '../cli-options.js';
import { alignMarkdownTable } from '../format-table.js';

const DEFAULT_MEASURE_MAX = 10_000;

export const ESTIMATE_USAGE = `Usage: promoscale estimate [options]

Prints the seed POC's table for store counts: promotions, base size, JSON size, memory requirement, load time,
risk level and scaling approach, estimated from calibrated constants, with the figures measured on this
machine beside each estimate (and the estimate's error).

Options:
  --stores LIST       comma list of 1 to ${MAX_STORES_LIST} store counts, each 1 to ${MAX_STORES.toLocaleString('en-US')}
                      (default ${SEED_TABLE_SIZES.join(',')})
  --template NAME     MIXED (default) or a template name
  --seed S            default 42
  --no-measure        estimates only (instant, any size)
  --measure-max N     measure sizes up to N stores, estimate the rest (default ${DEFAULT_MEASURE_MAX.toLocaleString('en-US')}:
                      measuring holds the rows and their JSON in memory)
  --runs N            timed runs per measured size, medians kept (default 3, 1 to 20)
  --calibrate         calibrate the estimates on this machine first (about a second)
  --json              the rows as JSON instead of the table
  -h, --help          this help

Examples:
  promoscale estimate --stores 5,10,25,50,100,250,500
  promoscale estimate --stores 1000,10000,100000 --no-measure --json`;

const OPTIONS: OptionSpecs = {
  stores: { type: 'string' },
  template: { type: 'string' },
  seed: { type: 'string' },
  measure: { type: 'boolean', default: true },
  'measure-max': { type: 'string' },
  runs: { type: 'string' },
  calibrate: { type: 'boolean' },
  json: { type: 'boolean' },
};

/** A full GC for the heap measurement, without asking the user for `node --expose-gc`. */
function exposeGc(): (() => void) | undefined {
  const exposed = (globalThis as { gc?: () => void }).gc;
  if (typeof exposed === 'function') return exposed;
  try {
    v8.setFlagsFromString('--expose-gc');
    return vm.runInNewContext('gc') as () => void;
  } catch {
    return undefined;
  }
}

/** `promoscale estimate`: returns the exit code. */
export async function estimateCommand(args: string[]): Promise<number> {
  const values = parseCommandOptions('estimate', args, OPTIONS, ESTIMATE_USAGE);
  if (values === undefined) return 0;
  const rawStores = stringValue(values, 'stores');
  const sizes = rawStores === undefined ? [...SEED_TABLE_SIZES] : storesListOption(rawStores);
  const measureMaxStores = integerValue(values, 'measure-max', DEFAULT_MEASURE_MAX, 1, MAX_STORES);
  const runs = integerValue(values, 'runs', 3, 1, 20);
  const measure = values.measure !== false;
  const json = values.json === true;
  // The generator's own checks of the template and the seed (the store counts are checked above).
  const { templates, seed } = datasetSpecOption(values, 1);
  const options: ScalingReportOptions = {
    templates,
    seed,
    measure,
    measureMaxStores,
    runs,
  };
  const gc = measure ? exposeGc() : undefined;
  if (gc) options.gc = gc;
  const interactive = !json && process.stderr.isTTY === true;
  if (values.calibrate) {
    if (interactive) process.stderr.write('promoscale: calibrating on this machine…\n');
    options.calibration = await calibrate({ seed: options.seed ?? 42, ...(gc ? { gc } : {}) });
  }
  if (interactive && measure) process.stderr.write('promoscale: generating and measuring…\n');

  const report = await generateScalingReport(sizes, options);
  const skipped = measure ? sizes.filter((n) => n > measureMaxStores) : [];

  if (json) {
    const output = {
      runtime: report.calibration.runtime,
      calibrated: values.calibrate === true,
      measured: measure,
      measureMaxStores: measure ? measureMaxStores : null,
      rows: report.rows,
      calibration: report.calibration,
    };
    process.stdout.write(`${JSON.stringify(output, null, 2)}\n`);
    return 0;
  }
  const notes = [
    `Estimates: ${values.calibrate ? `calibrated on this machine (${report.calibration.runtime})` : `default calibration (${report.calibration.runtime}); --calibrate re-measures it here`}.`,
    measure
      ? `Measured on this machine (${process.version}, median of ${runs} run${runs === 1 ? '' : 's'}${gc ? '' : ', heap not measured: no gc available'}).`
      : 'Not measured (--no-measure).',
  ];
  if (skipped.length > 0) {
    notes.push(
      `Not measured above ${measureMaxStores.toLocaleString('en-US')} stores (${skipped
        .map((n) => n.toLocaleString('en-US'))
        .join(', ')}): estimated only; raise --measure-max to measure them.`,
    );
  }
  process.stdout.write(`${alignMarkdownTable(report.markdown)}\n\n${notes.join('\n')}\n`);
  return 0;
}
