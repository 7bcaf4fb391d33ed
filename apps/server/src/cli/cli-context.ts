import type { DatabaseKind } from '../database/database.js';

/** What a command reads and writes besides its arguments (the process's, or fakes in tests). */
export interface CliContext {
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown; isTTY?: boolean };
  env: Record<string, string | undefined>;
  /** Aborted at SIGINT / SIGTERM. */
  signal: AbortSignal;
  /** 130 after SIGINT, 143 after SIGTERM. */
  interruptedExitCode(): number;
}

/** `PGlite at .promoscale/db`, `PGlite in memory` or `PostgreSQL`. */
export function describeDatabase(kind: DatabaseKind, dataDir: string): string {
  if (kind === 'postgres') return 'PostgreSQL (DATABASE_URL)';
  return dataDir === 'memory' ? 'PGlite in memory' : `PGlite at ${dataDir}`;
}
