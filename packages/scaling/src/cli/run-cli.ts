import { dirname } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import packageJson from '../../package.json' with { type: 'json' };
import { quoteFlag, quoteValue, UsageError } from './cli-options.js';
import { BENCH_USAGE, benchCommand } from './commands/bench-command.js';
import { ESTIMATE_USAGE, estimateCommand } from './commands/estimate-command.js';
import { GENERATE_USAGE, generateCommand } from './commands/generate-command.js';

export const MAIN_USAGE = `Usage: promoscale <command> [options]

Realistic, deterministic retail-promotion data: estimates, generation and benchmarks.

Commands:
  estimate    the scaling table for store counts: promotions, sizes, memory, load time, risk and
              approach, estimated and measured on this machine side by side
  generate    stream a dataset as JSON, NDJSON or CSV to a file or stdout, in constant memory
  bench       a short benchmark of this machine
  help [cmd]  this help, or a command's

Options:
  -h, --help     help (also after a command: promoscale generate --help)
  -v, --version  the version

Exit codes: 0 done, 1 failed, 2 bad command line, 128 + the signal's number when stopped by a signal
(130 Ctrl-C/SIGINT, 143 SIGTERM, 129 SIGHUP).`;

const COMMANDS: Record<string, { run: (args: string[]) => Promise<number>; usage: string }> = {
  estimate: { run: estimateCommand, usage: ESTIMATE_USAGE },
  generate: { run: generateCommand, usage: GENERATE_USAGE },
  bench: { run: benchCommand, usage: BENCH_USAGE },
};

/**
 * Runs the promoscale CLI on `argv` (without `node` and the script) and returns the exit code. Usage mistakes
 * print one line on stderr (exit 2); failures print `promoscale: <message>` (exit 1).
 */
export async function runCli(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  try {
    if (command === undefined) {
      throw new UsageError('missing command: estimate, generate or bench (try promoscale --help)');
    }
    if (command === '--help' || command === '-h') return print(MAIN_USAGE);
    if (command === '--version' || command === '-v') return print(packageJson.version);
    if (command === 'help') {
      const topic = rest[0];
      if (rest.length > 1) throw new UsageError(`help takes at most one command (try promoscale --help)`);
      if (topic === undefined) return print(MAIN_USAGE);
      const known = COMMANDS[topic];
      if (!known) throw new UsageError(`unknown command ${quoteValue(topic)} (try promoscale --help)`);
      return print(known.usage);
    }
    const handler = COMMANDS[command];
    if (!handler) {
      const hint = command.startsWith('-')
        ? `unknown option ${quoteFlag(command)}`
        : `unknown command ${quoteValue(command)}`;
      throw new UsageError(`${hint} (try promoscale --help)`);
    }
    return await handler.run(rest);
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`promoscale: ${error.message}\n`);
      return 2;
    }
    process.stderr.write(`promoscale: ${describeFailure(error)}\n`);
    if (process.env.PROMOSCALE_DEBUG && error instanceof Error && error.stack) {
      process.stderr.write(`${error.stack}\n`);
    }
    return 1;
  }
}

// Where this file is installed: a message that names it (an internal error) names `<promoscale>` instead.
const INSTALL_DIR = dirname(dirname(fileURLToPath(import.meta.url)));

/**
 * A failure as one line: its message's first line, without the paths of the installed package (a user's own
 * paths, as in `cannot write out.csv: ENOENT`, stay).
 */
export function describeFailure(error: unknown): string {
  const message = (error instanceof Error ? error.message : String(error)).split('\n')[0] ?? '';
  return message
    .replaceAll(pathToFileURL(INSTALL_DIR).href, '<promoscale>')
    .replaceAll(INSTALL_DIR, '<promoscale>');
}

function print(text: string): number {
  process.stdout.write(`${text}\n`);
  return 0;
}
