// Shared by the CLI suites (tests/cli*.test.ts): they run the BUILT binary, `node dist/cli.js …`, as a user
// does. `pnpm test` builds the package first (turbo); when running vitest directly, build first:
// pnpm --filter @promoscale/scaling build.
import { type SpawnSyncOptions, spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runCommand } from '../../../../test-support/readme-examples.js';

/** The package's folder, the CLI's working directory in the tests. */
export const PACKAGE_DIR = fileURLToPath(new URL('../..', import.meta.url));
/** The built binary. */
export const CLI = join(PACKAGE_DIR, 'dist', 'cli.js');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [path] : [];
  });
}

/** Throws when dist/cli.js is missing; warns when a source file is newer than it (the tests would miss it). */
export function checkBuilt(): void {
  if (!existsSync(CLI)) {
    throw new Error(
      `${CLI} is missing: these tests run the built package. Run: pnpm --filter @promoscale/scaling build`,
    );
  }
  const built = statSync(CLI).mtimeMs;
  const newer = sourceFiles(join(PACKAGE_DIR, 'src')).filter((file) => statSync(file).mtimeMs > built);
  if (newer.length > 0)
    console.warn(`dist/ is older than ${newer[0]} (and ${newer.length - 1} more): rebuild to test them`);
}

/** How a finished CLI run ended. */
export interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the CLI to its end (60 s at the most). */
export function run(args: string[], options: SpawnSyncOptions = {}): Run {
  const result = spawnSync(process.execPath, [CLI, ...args], {
    cwd: PACKAGE_DIR,
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
    timeout: 60_000,
    ...options,
  });
  return { status: result.status, stdout: String(result.stdout), stderr: String(result.stderr) };
}

/** A CLI process running in the background, its stderr collected as it comes. */
export interface RunningCli {
  readonly pid: number;
  /** What it wrote on stderr so far. */
  stderr(): string;
  /** Resolves once stderr holds a line matching `pattern` (or rejects when the process ends first). */
  waitForStderr(pattern: RegExp): Promise<void>;
  /** Sends a signal. */
  kill(signal: NodeJS.Signals): void;
  /** Its exit code and the signal that killed it, if one did. */
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** Starts the CLI without waiting for it; stdout is ignored. */
export function startCli(args: string[]): RunningCli {
  const child = spawn(process.execPath, [CLI, ...args], {
    cwd: PACKAGE_DIR,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  const waiters = new Set<() => void>();
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (text: string) => {
    stderr += text;
    for (const check of waiters) check();
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('close', (code, signal) => resolve({ code, signal })),
  );
  return {
    pid: child.pid ?? -1,
    stderr: () => stderr,
    waitForStderr(pattern) {
      return new Promise<void>((resolve, reject) => {
        const check = () => {
          if (!pattern.test(stderr)) return;
          waiters.delete(check);
          resolve();
        };
        waiters.add(check);
        check();
        exited.then(() => {
          if (waiters.delete(check)) reject(new Error(`exited before ${pattern}; stderr: ${stderr}`));
        });
      });
    },
    kill: (signal) => child.kill(signal),
    exited,
  };
}

/** Runs the CLI to its end without blocking the test worker, so that table rows can run side by side. */
export async function runAsync(args: string[]): Promise<Run> {
  const { code, stdout, stderr } = await runCommand(process.execPath, [CLI, ...args], { cwd: PACKAGE_DIR });
  return { status: code, stdout, stderr };
}
