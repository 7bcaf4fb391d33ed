// A server over a freshly seeded database, for the HTTP tests.

import type { DatasetSpec } from '@promoscale/generator';
import { afterAll, beforeAll, expect } from 'vitest';
import type { Database } from '../../src/database/database.js';
import { openDatabase } from '../../src/database/open-database.js';
import { type RunningServer, startServer } from '../../src/http/start-server.js';
import { seedDatabase } from '../../src/seed/seed-database.js';

/** The dataset the HTTP suites serve: small, so CI stays quick. */
export const TEST_SPEC = { seed: 42, stores: 40, templates: 'MIXED' } as const satisfies DatasetSpec;

/** What {@link startSeededServer} answers: the server and the unexpected errors it reported. */
export interface SeededServer {
  server: RunningServer;
  errors: unknown[];
}

/** Seeds `spec` into PGlite in memory (or PostgreSQL at `databaseUrl`) and serves it on a free loopback port. */
export async function startSeededServer(
  spec: DatasetSpec = TEST_SPEC,
  databaseUrl?: string,
): Promise<SeededServer> {
  const db = await openDatabase({ dataDir: 'memory', databaseUrl: databaseUrl ?? '' });
  await seedDatabase(db, spec, { batchStores: 15 });
  const errors: unknown[] = [];
  // MSW runs in some of these test files: keep Node's own Request/Response.
  const server = await startServer({
    db,
    port: 0,
    overrideGlobalObjects: false,
    onError: (error) => errors.push(error),
    shutdownGraceMs: 2000,
  });
  return { server, errors };
}

/** A fetch for the contract suite: requests to `http://server.test` go to the running server. */
export function fetchVia(server: () => RunningServer | undefined) {
  return (url: string | URL | Request, init?: RequestInit) => {
    const running = server();
    if (!running) throw new Error('server not started');
    return fetch(String(url).replace('http://server.test', running.url), init);
  };
}

/**
 * Registers `beforeAll` / `afterAll` hooks that start a seeded server and close it, checking at the end that no
 * request reached the 500 path; answers a getter of the running server.
 */
export function useSeededServer(options: { databaseUrl?: () => Promise<string | undefined> } = {}) {
  let running: SeededServer | undefined;
  beforeAll(async () => {
    const databaseUrl = options.databaseUrl ? await options.databaseUrl() : undefined;
    if (options.databaseUrl && databaseUrl === undefined) return;
    running = await startSeededServer(TEST_SPEC, databaseUrl);
  }, 120_000);
  afterAll(async () => {
    await running?.server.close();
    expect(running?.errors ?? []).toEqual([]);
  });
  return () => running?.server;
}

/** {@link TEST_SPEC} seeded into a fresh PGlite in memory. */
export async function seededMemoryDatabase(): Promise<Database> {
  const db = await openDatabase({ dataDir: 'memory', databaseUrl: '' });
  await seedDatabase(db, TEST_SPEC, { batchStores: 40 });
  return db;
}
