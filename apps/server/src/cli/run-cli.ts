import { UsageError } from './cli-args.js';
import type { CliContext } from './cli-context.js';
import { SEED_USAGE, seedCommand } from './seed-command.js';
import { START_USAGE, startCommand } from './start-command.js';

const USAGE = `Usage: promoscale-server <command> [options]

Commands:
  seed    stream a generated dataset into the database (PGlite, or PostgreSQL with DATABASE_URL)
  start   serve the seeded dataset over HTTP

Run promoscale-server <command> --help for its options.`;

/** Runs one command and answers its exit code; a usage error is one line on stderr and code 2. */
export async function runCli(args: string[], context: CliContext): Promise<number> {
  const [command, ...rest] = args;
  try {
    if (command === 'seed') return await seedCommand(rest, context);
    if (command === 'start') return await startCommand(rest, context);
    if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
      context.stdout.write(`${USAGE}\n`);
      return command === undefined ? 2 : 0;
    }
    throw new UsageError(
      `unknown command ${JSON.stringify(command.slice(0, 40))} (try promoscale-server --help)`,
    );
  } catch (error) {
    if (error instanceof UsageError) {
      context.stderr.write(`promoscale-server: ${error.message}\n`);
      return 2;
    }
    context.stderr.write(`promoscale-server: ${describeFailure(error)}\n`);
    return 1;
  }
}

/** One line for an unexpected failure: the message, never a stack trace. */
export function describeFailure(error: unknown): string {
  if (error instanceof Error) {
    const code = (error as { code?: unknown }).code;
    return `${error.message.split('\n')[0]}${typeof code === 'string' && !error.message.includes(code) ? ` (${code})` : ''}`;
  }
  return String(error);
}

export { SEED_USAGE, START_USAGE };
