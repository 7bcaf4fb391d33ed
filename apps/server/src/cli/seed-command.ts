import { type DatasetSpec, MAX_STORES, PromoscaleError } from '@promoscale/generator';
import { DEFAULT_DATA_DIR } from '../database/database.js';
import { openDatabase } from '../database/open-database.js';
import { type SeedTimings, seedDatabase } from '../seed/seed-database.js';
import { integerFlag, parseFlags, UsageError } from './cli-args.js';
import { type CliContext, describeDatabase } from './cli-context.js';
import { createSeedProgress } from './seed-progress.js';

export const SEED_USAGE = `Usage: promoscale-server seed --stores N [options]

Streams the generated dataset into the database (COPY, in batches, constant memory). The same spec twice leaves
the same rows; a seed stopped half-way is finished by running it again; another spec needs --replace.

Options:
  --stores N         stores to generate, 1..${MAX_STORES} (30 promotions each)
  --seed S           generator seed, a number or a string (default 42)
  --template T       MIXED (default) or a template name (SUBURBAN_FAMILY, URBAN_PREMIUM, RURAL_VALUE,
                     CAMPUS_EXPRESS, COASTAL_SEASONAL)
  --as-of DATE       the dataset's "today", YYYY-MM-DD (default 2026-06-01)
  --replace          replace a dataset of another spec
  --data-dir D       PGlite data directory (default ${DEFAULT_DATA_DIR}); ignored when DATABASE_URL is set
  --batch-stores N   stores per COPY batch, 1..10000 (default 500)
  --quiet            no progress on stderr

Environment: DATABASE_URL=postgres://user@host:port/db seeds PostgreSQL instead of PGlite.`;

/** `promoscale-server seed`: 0 when the dataset is complete, 2 for a usage error, 130/143 when interrupted. */
export async function seedCommand(args: string[], context: CliContext): Promise<number> {
  const flags = parseFlags('seed', args, {
    stores: { type: 'string' },
    seed: { type: 'string' },
    template: { type: 'string' },
    'as-of': { type: 'string' },
    replace: { type: 'boolean' },
    'data-dir': { type: 'string' },
    'batch-stores': { type: 'string' },
    quiet: { type: 'boolean' },
  });
  if (flags.help) {
    context.stdout.write(`${SEED_USAGE}\n`);
    return 0;
  }
  if (flags.stores === undefined)
    throw new UsageError('--stores is required (try promoscale-server seed --help)');
  const seedFlag = flags.seed as string | undefined;
  const spec: DatasetSpec = {
    stores: integerFlag('stores', flags.stores as string, 1, MAX_STORES, 0),
    seed: seedFlag === undefined ? 42 : /^\d{1,15}$/.test(seedFlag) ? Number(seedFlag) : seedFlag,
    templates: (flags.template as string | undefined) ?? 'MIXED',
    ...(flags['as-of'] === undefined ? {} : { asOf: flags['as-of'] as string }),
  } as DatasetSpec;
  const batchStores = integerFlag(
    'batch-stores',
    flags['batch-stores'] as string | undefined,
    1,
    10_000,
    500,
  );
  const dataDir = (flags['data-dir'] as string | undefined) ?? DEFAULT_DATA_DIR;

  const db = await openDatabase({ dataDir, databaseUrl: context.env.DATABASE_URL });
  const progress = flags.quiet ? undefined : createSeedProgress(context.stderr);
  try {
    const result = await seedDatabase(db, spec, {
      replace: flags.replace === true,
      batchStores,
      signal: context.signal,
      onProgress: progress?.update,
    });
    progress?.finish();
    const where = describeDatabase(db.kind, dataDir);
    const what = `${result.storeCount.toLocaleString('en-US')} stores (${result.promotionCount.toLocaleString('en-US')} promotions)`;
    const verb =
      result.outcome === 'unchanged'
        ? `already seeded with ${what}: nothing to do`
        : result.outcome === 'resumed'
          ? `finished an interrupted seed: ${what}`
          : `seeded ${what}`;
    context.stdout.write(`promoscale-server: ${where} ${verb}\n`);
    if (result.outcome !== 'unchanged') context.stdout.write(`  ${describeTimings(result.timings)}\n`);
    return 0;
  } catch (error) {
    progress?.stop();
    if (context.signal.aborted) {
      context.stderr.write(
        'promoscale-server: seed interrupted; the dataset is not marked complete. Run the same command again to finish it.\n',
      );
      return context.interruptedExitCode();
    }
    if (error instanceof PromoscaleError) throw new UsageError(error.message);
    throw error;
  } finally {
    await db.close();
  }
}

/** `COPY 14.4 s, indexes 20.1 s, VACUUM/ANALYZE 1.0 s, sort marks and counts 1.2 s`. */
function describeTimings(timings: SeedTimings): string {
  const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
  return `COPY ${seconds(timings.copyMs)}, indexes ${seconds(timings.indexPhaseMs)}, VACUUM/ANALYZE ${seconds(timings.vacuumAnalyzeMs)}, sort marks and counts ${seconds(timings.countsMs)}`;
}
