import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PromoscaleError } from '@promoscale/generator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type PostgresCluster, startPostgresCluster } from '../scripts/postgres-cluster.mjs';
import type { Database } from '../src/database/database.js';
import { openDatabase } from '../src/database/open-database.js';
import { readDataset } from '../src/seed/dataset-state.js';
import { seedDatabase } from '../src/seed/seed-database.js';
import { createSqlSource, DatasetNotReadyError } from '../src/source/create-sql-source.js';
import { rowHash } from './support/row-hash.js';

const CLI = fileURLToPath(new URL('../dist/cli.js', import.meta.url));
const SPEC = { seed: 7, stores: 60, templates: 'MIXED' } as const;
// Enough batches (100 of 2 stores) that a signal sent at the first progress line lands long before the end.
const CLI_SPEC = { seed: 7, stores: 200, templates: 'MIXED' } as const;

/** The row hash of SPEC seeded in one go, the reference every other run must reach. */
async function referenceHash(spec: { seed: number; stores: number; templates: 'MIXED' }): Promise<string> {
  const db = await openDatabase({ dataDir: 'memory', databaseUrl: '' });
  try {
    await seedDatabase(db, spec);
    return await rowHash(db);
  } finally {
    await db.close();
  }
}

/** Runs the CLI; `stopAfter` sends `signal` once stderr shows the first progress line. */
function runCli(args: string[], env: Record<string, string>, stopAfter?: NodeJS.Signals) {
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], { env: { ...process.env, ...env } });
    let stdout = '';
    let stderr = '';
    let sent = false;
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
    });
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
      if (stopAfter && !sent && /\d+\/\d+ stores/.test(stderr)) {
        sent = true;
        child.kill(stopAfter);
      }
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('seedDatabase', () => {
  let reference = '';
  beforeAll(async () => {
    reference = await referenceHash(SPEC);
  }, 60_000);

  it('leaves the same rows when the same spec is seeded twice, and refuses another spec unless replace', async () => {
    const db = await openDatabase({ dataDir: 'memory', databaseUrl: '' });
    try {
      const steps: string[] = [];
      const onStep = (step: string) => steps.push(step);
      expect((await seedDatabase(db, SPEC, { batchStores: 7, onStep })).outcome).toBe('seeded');
      expect(steps).toEqual(['copy', 'indexes', 'vacuum', 'sort marks', 'done']);
      expect(await rowHash(db)).toBe(reference);
      expect(await seedDatabase(db, SPEC, { onStep })).toMatchObject({
        outcome: 'unchanged',
        storesWritten: 0,
      });
      expect(steps).toHaveLength(5);
      expect(await rowHash(db)).toBe(reference);

      const other = { ...SPEC, stores: 61 };
      const refused = await seedDatabase(db, other).catch((error: unknown) => error);
      expect(refused).toBeInstanceOf(PromoscaleError);
      expect(refused).toMatchObject({ code: 'INVALID_OPTION', field: 'spec' });
      expect(await rowHash(db)).toBe(reference);

      expect((await seedDatabase(db, other, { replace: true })).outcome).toBe('seeded');
      expect((await readDataset(db))?.spec.stores).toBe(61);
      expect(await rowHash(db)).not.toBe(reference);
    } finally {
      await db.close();
    }
  }, 60_000);

  it('leaves a dataset the server refuses when stopped half-way, and the next run completes it', async () => {
    const db = await openDatabase({ dataDir: 'memory', databaseUrl: '' });
    try {
      const controller = new AbortController();
      const stopped = await seedDatabase(db, SPEC, {
        batchStores: 10,
        signal: controller.signal,
        onProgress: ({ storesLoaded }) => {
          if (storesLoaded >= 20) controller.abort();
        },
      }).catch((error: unknown) => error);
      expect(stopped).toBeInstanceOf(Error);
      expect(await readDataset(db)).toMatchObject({ complete: false, storesLoaded: 20 });
      await expect(createSqlSource(db).info()).rejects.toBeInstanceOf(DatasetNotReadyError);

      expect(await seedDatabase(db, SPEC, { batchStores: 10 })).toMatchObject({
        outcome: 'resumed',
        storesWritten: 40,
      });
      expect(await rowHash(db)).toBe(reference);
    } finally {
      await db.close();
    }
  }, 60_000);
});

describe('promoscale-server seed, killed half-way', () => {
  let reference = '';
  let dir = '';
  let cluster: PostgresCluster | undefined;
  beforeAll(async () => {
    reference = await referenceHash(CLI_SPEC);
    dir = mkdtempSync(join(tmpdir(), 'promoscale-seed-'));
    cluster = await startPostgresCluster();
  }, 120_000);
  afterAll(() => {
    cluster?.stop();
    rmSync(dir, { recursive: true, force: true });
  });
  const args = ['--stores', String(CLI_SPEC.stores), '--seed', String(CLI_SPEC.seed), '--batch-stores', '2'];

  it('on PGlite (SIGINT): exits 130, start refuses the unfinished seed with exit 2, a re-run completes the same rows', async () => {
    const dataDir = join(dir, 'db');
    const env = { DATABASE_URL: '' };
    const stopped = await runCli(['seed', ...args, '--data-dir', dataDir], env, 'SIGINT');
    expect(stopped.code).toBe(130);
    expect(stopped.stderr).toContain('Run the same command again');

    const refused = await runCli(['start', '--port', '0', '--data-dir', dataDir], env);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('holds an unfinished seed');

    const resumed = await runCli(['seed', ...args, '--data-dir', dataDir, '--quiet'], env);
    expect(resumed.code).toBe(0);
    expect(resumed.stdout).toContain('finished an interrupted seed');
    const db = await openDatabase({ dataDir, databaseUrl: '' });
    try {
      expect(await rowHash(db)).toBe(reference);
    } finally {
      await db.close();
    }
  }, 120_000);

  it('on PostgreSQL, two batches in flight: a failing batch leaves no later batch committed, a re-run completes the same rows', async (context) => {
    if (!cluster) {
      if (process.env.CI)
        throw new Error('PostgreSQL is not installed (initdb not found): .ci/run installs it');
      context.skip();
      return;
    }
    const db = await openDatabase({ databaseUrl: await cluster.createDatabase('seed_fail') });
    try {
      // The 3rd batch's COPY fails, but only once the 4th batch has copied its rows on the other connection.
      // Batches are told apart by their transaction, opened in batch order (their COPYs may start in any order
      // on a busy machine); on a new database the first transaction starts the dataset, so batch n is n + 1.
      let transactions = 0;
      let fourthCopied: () => void = () => {};
      const fourth = new Promise<void>((resolve) => {
        fourthCopied = resolve;
      });
      const failing: Database = {
        ...db,
        transaction: (fn) => {
          const batch = ++transactions - 1;
          return db.transaction((tx) =>
            fn({
              ...tx,
              copyIn: async (table, columns, data) => {
                if (table !== 'promotions') return tx.copyIn(table, columns, data);
                if (batch === 3) {
                  await fourth;
                  throw new Error('disk full');
                }
                await tx.copyIn(table, columns, data);
                if (batch === 4) fourthCopied();
              },
            }),
          );
        },
      };
      await expect(seedDatabase(failing, SPEC, { batchStores: 10, batchesInFlight: 2 })).rejects.toThrow(
        'disk full',
      );
      // The 5th batch waits for the 3rd's outcome before it opens a transaction.
      expect(transactions).toBe(1 + 4);
      expect(await readDataset(db)).toMatchObject({ complete: false, storesLoaded: 20 });
      expect(await db.query('SELECT max(store_number) FROM promotions')).toEqual([[20]]);
      expect(await seedDatabase(db, SPEC)).toMatchObject({ outcome: 'resumed', storesWritten: 40 });
      expect(await rowHash(db)).toBe(await referenceHash(SPEC));
    } finally {
      await db.close();
    }
  }, 120_000);

  it('on PostgreSQL (SIGKILL): a re-run completes the same rows', async (context) => {
    if (!cluster) {
      if (process.env.CI)
        throw new Error('PostgreSQL is not installed (initdb not found): .ci/run installs it');
      context.skip();
      return;
    }
    const databaseUrl = await cluster.createDatabase('seed_kill');
    const env = { DATABASE_URL: databaseUrl };
    const killed = await runCli(['seed', ...args], env, 'SIGKILL');
    expect(killed.code).toBe(null);
    const resumed = await runCli(['seed', ...args, '--quiet'], env);
    expect(resumed.code).toBe(0);
    expect(resumed.stdout).toMatch(/finished an interrupted seed|seeded/);
    const db = await openDatabase({ databaseUrl });
    try {
      expect(await readDataset(db)).toMatchObject({ complete: true, storesLoaded: CLI_SPEC.stores });
      expect(await rowHash(db)).toBe(reference);
    } finally {
      await db.close();
    }
  }, 120_000);
});
