import { getEventListeners } from 'node:events';
import { ApiErrorSchema } from '@promoscale/api/schemas';
import { PromoscaleError } from '@promoscale/generator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../src/cli/run-cli.js';
import type { Database } from '../src/database/database.js';
import { createRequestGate } from '../src/http/request-gate.js';
import { createServerFetch, DEFAULT_MAX_IN_FLIGHT } from '../src/http/server-fetch.js';
import { seededMemoryDatabase } from './support/seeded-server.js';

/** `db` whose statements on the promotions table wait for `release()`; `started` / `finished` count them. */
function heldPromotions(db: Database) {
  const waiting: Array<() => void> = [];
  const state = {
    started: 0,
    finished: 0,
    release() {
      for (const resume of waiting.splice(0)) resume();
    },
    db: {
      ...db,
      query: async (sql: string, params?: readonly unknown[]) => {
        if (sql.includes('FROM promotions')) {
          state.started += 1;
          await new Promise<void>((resolve) => waiting.push(resolve));
          const rows = await db.query(sql, params);
          state.finished += 1;
          return rows;
        }
        return db.query(sql, params);
      },
    } as Database,
  };
  return state;
}

/** Resolves once `condition()` holds, checking after each turn of the event loop (no wall-clock bound). */
async function until(condition: () => boolean) {
  while (!condition()) await turns(1);
}

/** `count` turns of the event loop. */
async function turns(count: number) {
  for (let turn = 0; turn < count; turn++) await new Promise((resolve) => setImmediate(resolve));
}

let db: Database;
beforeAll(async () => {
  db = await seededMemoryDatabase();
}, 60_000);
afterAll(() => db.close());

describe('createRequestGate', () => {
  it('lets `limit` callers run and starts the others in arrival order as slots free up', async () => {
    const gate = createRequestGate(2);
    const never = new AbortController().signal;
    const order: number[] = [];
    const callers = [1, 2, 3, 4, 5].map((n) => gate.acquire(never).then((ok) => ok && order.push(n)));
    await Promise.all(callers.slice(0, 2));
    expect([gate.running, gate.waiting]).toEqual([2, 3]);
    gate.release();
    await callers[2];
    gate.release();
    gate.release();
    await Promise.all(callers);
    expect(order).toEqual([1, 2, 3, 4, 5]);
    expect([gate.running, gate.waiting]).toEqual([2, 0]);
    gate.release();
    gate.release();
    expect(gate.running).toBe(0);
  });

  it('drops a waiter whose signal aborts (it never runs) and one whose signal was already aborted', async () => {
    const gate = createRequestGate(1);
    const never = new AbortController().signal;
    expect(await gate.acquire(never)).toBe(true);
    const deadline = new AbortController();
    const late = gate.acquire(deadline.signal);
    const next = gate.acquire(never);
    deadline.abort();
    expect(await late).toBe(false);
    expect(await gate.acquire(AbortSignal.abort())).toBe(false);
    expect(gate.waiting).toBe(1);
    gate.release();
    expect(await next).toBe(true);
    expect([gate.running, gate.waiting]).toEqual([1, 0]);
  });
});

describe('createServerFetch: maxInFlight', () => {
  it('refuses a value that is not an integer from 1 to 10000, naming the field and the range', () => {
    for (const bad of [0, -1, 1.5, Number.NaN, Number.POSITIVE_INFINITY, 10_001, 1e20, '2', true, {}]) {
      const attempt = () => createServerFetch({ db, maxInFlight: bad as number });
      expect(attempt).toThrow(PromoscaleError);
      expect(attempt).toThrow(/maxInFlight.*an integer from 1 to 10000/);
    }
    // null is absent: the default of the database's kind.
    expect(() => createServerFetch({ db, maxInFlight: null as unknown as undefined })).not.toThrow();
    expect(DEFAULT_MAX_IN_FLIGHT.pglite).toBeGreaterThanOrEqual(1);
    expect(DEFAULT_MAX_IN_FLIGHT.postgres).toBeGreaterThanOrEqual(1);
  });

  it('queues requests past the bound, starts them in arrival order, and never refuses one', async () => {
    const held = heldPromotions(db);
    const fetch = createServerFetch({ db: held.db, maxInFlight: 1, requestTimeoutMs: 600_000 });
    const answered: string[] = [];
    const paths = ['/api/promotions?limit=1', '/api/promotions?limit=2', '/api/promotions?limit=3'];
    const responses = paths.map((path) =>
      fetch(new Request(`http://x${path}`)).then(async (response) => {
        answered.push(path);
        return response;
      }),
    );
    await until(() => held.started === 1);
    // Only the first request runs: the others wait without touching the database.
    await turns(20);
    expect(held.started).toBe(1);
    while (answered.length < paths.length) {
      held.release();
      await turns(1);
    }
    expect(answered).toEqual(paths);
    for (const response of await Promise.all(responses)) expect(response.status).toBe(200);
    // healthz does not wait behind API requests.
    const blocked = fetch(new Request('http://x/api/promotions?limit=4'));
    await until(() => held.started === 4);
    expect((await fetch(new Request('http://x/healthz'))).status).toBe(200);
    held.release();
    expect((await blocked).status).toBe(200);
  });

  it('answers the 503 to a request still queued at its deadline, which then never runs', async () => {
    const held = heldPromotions(db);
    const errors: unknown[] = [];
    const fetch = createServerFetch({
      db: held.db,
      maxInFlight: 1,
      requestTimeoutMs: 50,
      onError: (error) => errors.push(error),
    });
    const first = fetch(new Request('http://x/api/promotions?limit=1'));
    await until(() => held.started === 1);
    const queued = await fetch(new Request('http://x/api/promotions?limit=2'));
    expect(queued.status).toBe(503);
    expect(queued.headers.get('retry-after')).toBe('1');
    expect(ApiErrorSchema.parse(await queued.json()).error.code).toBe('UNAVAILABLE');
    // The held first request ran past its deadline too: 503, its slot freed once its statement ends.
    expect((await first).status).toBe(503);
    held.release();
    // Once the first request's statement has ended and its slot is free, the dropped request does not start.
    await until(() => held.finished === 1);
    await turns(20);
    expect(held.started).toBe(1);
    expect(errors).toEqual([]);
  });

  it('drops a queued request whose client goes away: it never runs', async () => {
    const held = heldPromotions(db);
    const fetch = createServerFetch({ db: held.db, maxInFlight: 1, requestTimeoutMs: 600_000 });
    const first = fetch(new Request('http://x/api/promotions?limit=1'));
    await until(() => held.started === 1);
    const client = new AbortController();
    const gone = fetch(new Request('http://x/api/promotions?limit=2', { signal: client.signal }));
    client.abort();
    expect((await gone).status).toBe(503);
    held.release();
    expect((await first).status).toBe(200);
    await turns(20);
    expect(held.started).toBe(1);
  });
});

describe('the shutdown signal', () => {
  it('keeps nothing per answered request (no listener, no derived signal): no leak over many requests', async () => {
    const shutdown = new AbortController();
    const fetch = createServerFetch({ db, shutdownSignal: shutdown.signal });
    const listeners = getEventListeners(shutdown.signal, 'abort').length;
    for (let i = 0; i < 200; i++) {
      const response = await fetch(new Request(`http://x/api/promotions?limit=1&offset=${i}`));
      await response.arrayBuffer();
    }
    const exported = await fetch(new Request('http://x/api/promotions/export?storeId=STORE_1'));
    await exported.text();
    expect(getEventListeners(shutdown.signal, 'abort').length).toBe(listeners);
    // AbortSignal.any() would register each request's signal here (Node's internal set, nodejs/node#55351).
    const dependants = Object.getOwnPropertySymbols(shutdown.signal).find(
      (symbol) => symbol.description === 'kDependantSignals',
    );
    const kept = dependants && (shutdown.signal as unknown as Record<symbol, Set<unknown>>)[dependants];
    expect(kept?.size ?? 0).toBe(0);
  });

  it('still ends an export stream that is open when it aborts', async () => {
    const shutdown = new AbortController();
    const fetch = createServerFetch({ db, shutdownSignal: shutdown.signal });
    const response = await fetch(new Request('http://x/api/promotions/export'));
    expect(response.status).toBe(200);
    const reader = (response.body as ReadableStream<Uint8Array>).getReader();
    expect((await reader.read()).done).toBe(false);
    shutdown.abort();
    let done = false;
    while (!done) done = (await reader.read()).done;
    expect(done).toBe(true);
  });
});

describe('promoscale-server start --max-in-flight', () => {
  const run = async (...args: string[]) => {
    let stderr = '';
    const code = await runCli(['start', ...args], {
      stdout: { write: () => true },
      stderr: {
        write: (text: string) => {
          stderr += text;
          return true;
        },
      },
      env: {},
      signal: new AbortController().signal,
      interruptedExitCode: () => 130,
    });
    return { code, stderr };
  };

  it('refuses a value that is not an integer from 1 to 10000, or the flag given twice (exit 2, one line)', async () => {
    for (const bad of ['0', '-1', '1.5', 'abc', '', '1e3', '10001', '99999999999999999999', '0x10']) {
      const { code, stderr } = await run(`--max-in-flight=${bad}`);
      expect(code).toBe(2);
      expect(stderr).toMatch(/--max-in-flight must be an integer from 1 to 10000/);
      expect(stderr.trim().split('\n')).toHaveLength(1);
    }
    const twice = await run('--max-in-flight', '4', '--max-in-flight', '8');
    expect(twice.code).toBe(2);
    expect(twice.stderr).toMatch(/--max-in-flight is given more than once/);
    const missing = await run('--max-in-flight');
    expect(missing.code).toBe(2);
  });

  it('is listed in --help', async () => {
    let stdout = '';
    const code = await runCli(['start', '--help'], {
      stdout: {
        write: (text: string) => {
          stdout += text;
          return true;
        },
      },
      stderr: { write: () => true },
      env: {},
      signal: new AbortController().signal,
      interruptedExitCode: () => 130,
    });
    expect(code).toBe(0);
    expect(stdout).toMatch(/--max-in-flight N/);
  });
});
