import { DEFAULT_DATA_DIR, DEFAULT_STATEMENT_TIMEOUT_MS } from '../database/database.js';
import { openDatabase } from '../database/open-database.js';
import { DEFAULT_MAX_IN_FLIGHT } from '../http/server-fetch.js';
import { startServer } from '../http/start-server.js';
import { readDataset } from '../seed/dataset-state.js';
import { integerFlag, parseFlags } from './cli-args.js';
import { type CliContext, describeDatabase } from './cli-context.js';

export const START_USAGE = `Usage: promoscale-server start [options]

Serves the seeded dataset: the promoscale API under /api (the same answers as the MSW handlers) and /healthz.

Options:
  --port N                 TCP port, 0..65535 (default 8787; 0 picks a free one)
  --host H                 interface to listen on (default 127.0.0.1)
  --data-dir D             PGlite data directory (default ${DEFAULT_DATA_DIR}); ignored when DATABASE_URL is set
  --cors-origin O          allow browser calls from origin O (repeat it; * allows any; default: none)
  --statement-timeout MS   cancel any SQL statement after MS milliseconds, answering a 503 (default ${DEFAULT_STATEMENT_TIMEOUT_MS})
  --request-timeout MS     answer a request not done after MS milliseconds with a 503 (default 30000)
  --max-in-flight N        handle N API requests at once, 1..10000; the others wait in arrival order
                           (default ${DEFAULT_MAX_IN_FLIGHT.pglite} on PGlite, ${DEFAULT_MAX_IN_FLIGHT.postgres} on PostgreSQL)

Environment: DATABASE_URL=postgres://user@host:port/db serves PostgreSQL instead of PGlite.
Stops cleanly on SIGINT / SIGTERM. Exit code 2 when the database holds no complete dataset.`;

/** `promoscale-server start`: serves until SIGINT/SIGTERM (then 0); 2 for a usage error or an unseeded database. */
export async function startCommand(args: string[], context: CliContext): Promise<number> {
  const flags = parseFlags('start', args, {
    port: { type: 'string' },
    host: { type: 'string' },
    'data-dir': { type: 'string' },
    'cors-origin': { type: 'string', multiple: true },
    'statement-timeout': { type: 'string' },
    'request-timeout': { type: 'string' },
    'max-in-flight': { type: 'string' },
  });
  if (flags.help) {
    context.stdout.write(`${START_USAGE}\n`);
    return 0;
  }
  const port = integerFlag('port', flags.port as string | undefined, 0, 65_535, 8787);
  const statementTimeoutMs = integerFlag(
    'statement-timeout',
    flags['statement-timeout'] as string | undefined,
    0,
    3_600_000,
    DEFAULT_STATEMENT_TIMEOUT_MS,
  );
  const requestTimeoutMs = integerFlag(
    'request-timeout',
    flags['request-timeout'] as string | undefined,
    100,
    3_600_000,
    30_000,
  );
  const rawMaxInFlight = flags['max-in-flight'] as string | undefined;
  const maxInFlight =
    rawMaxInFlight === undefined ? undefined : integerFlag('max-in-flight', rawMaxInFlight, 1, 10_000, 1);
  const dataDir = (flags['data-dir'] as string | undefined) ?? DEFAULT_DATA_DIR;
  const db = await openDatabase({ dataDir, databaseUrl: context.env.DATABASE_URL, statementTimeoutMs });
  const where = describeDatabase(db.kind, dataDir);
  const dataset = await readDataset(db).catch(async (error) => {
    await db.close();
    throw error;
  });
  if (!dataset?.complete) {
    await db.close();
    const dirFlag = db.kind === 'pglite' && dataDir !== DEFAULT_DATA_DIR ? ` --data-dir ${dataDir}` : '';
    context.stderr.write(
      `promoscale-server: ${where} holds ${dataset ? 'an unfinished seed' : 'no dataset'}. Seed it first, e.g.\n` +
        `  promoscale-server seed --stores 500 --seed 42${dirFlag}\n`,
    );
    return 2;
  }
  if (context.signal.aborted) {
    await db.close();
    return context.interruptedExitCode();
  }
  const server = await startServer({
    db,
    port,
    host: (flags.host as string | undefined) ?? '127.0.0.1',
    corsOrigins: (flags['cors-origin'] as string[] | undefined) ?? [],
    requestTimeoutMs,
    maxInFlight,
  }).catch(async (error) => {
    await db.close();
    throw error;
  });
  context.stdout.write(
    `promoscale-server: serving ${dataset.storeCount.toLocaleString('en-US')} stores (${dataset.promotionCount.toLocaleString('en-US')} promotions, seed ${JSON.stringify(dataset.spec.seed)}) from ${where}\n` +
      `  API     ${server.url}/api\n  health  ${server.url}/healthz\n`,
  );
  await new Promise<void>((resolve) => {
    if (context.signal.aborted) resolve();
    else context.signal.addEventListener('abort', () => resolve(), { once: true });
  });
  context.stderr.write('promoscale-server: shutting down…\n');
  await server.close();
  return 0;
}
