import { ApiErrorSchema } from '@promoscale/api/schemas';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../src/database/database.js';
import { createServerFetch, isTimeoutError } from '../src/http/server-fetch.js';
import { seededMemoryDatabase } from './support/seeded-server.js';

/** `db` whose statements on the promotions table run `fail` instead (the dataset row still reads). */
function withPromotions(db: Database, fail: () => Promise<never>): Database {
  return {
    ...db,
    query: (sql, params) => (sql.includes('FROM promotions') ? fail() : db.query(sql, params)),
  };
}

/** Asserts the contract's 503: `UNAVAILABLE`, `Retry-After`, a body that names no SQL. */
async function expectUnavailable(response: Response) {
  expect(response.status).toBe(503);
  expect(response.headers.get('retry-after')).toBe('1');
  const text = await response.text();
  expect(ApiErrorSchema.parse(JSON.parse(text)).error.code).toBe('UNAVAILABLE');
  expect(text).not.toMatch(/SELECT|promotions WHERE|\n\s+at /);
}

describe('a request that runs out of time answers 503 UNAVAILABLE, not 500', () => {
  let db: Database;
  beforeAll(async () => {
    db = await seededMemoryDatabase();
  }, 60_000);
  afterAll(() => db.close());

  it('past the request deadline (a statement that never answers)', async () => {
    const errors: unknown[] = [];
    const hung = withPromotions(db, () => new Promise<never>(() => {}));
    const fetch = createServerFetch({
      db: hung,
      requestTimeoutMs: 20,
      onError: (error) => errors.push(error),
    });
    await expectUnavailable(await fetch(new Request('http://x/api/promotions?sort=-roi')));
    await expectUnavailable(await fetch(new Request('http://x/api/summary', { method: 'HEAD' })));
    expect(errors).toEqual([]);
    // The statements left hanging hold nothing the other routes need: the same database still answers them. (A
    // deadline no busy CI machine can miss: 20 ms is only safe for statements that never answer at all.)
    const patient = createServerFetch({
      db: hung,
      requestTimeoutMs: 60_000,
      onError: (error) => errors.push(error),
    });
    expect((await patient(new Request('http://x/api/dataset'))).status).toBe(200);
    expect(errors).toEqual([]);
  });

  it('when the database cancels a statement (SQLSTATE 57014), and reports the error', async () => {
    const canceled = Object.assign(new Error('canceling statement due to statement timeout'), {
      code: '57014',
    });
    const errors: unknown[] = [];
    const fetch = createServerFetch({
      db: withPromotions(db, () => Promise.reject(canceled)),
      onError: (error) => errors.push(error),
    });
    await expectUnavailable(await fetch(new Request('http://x/api/promotions?category=dairy')));
    await expectUnavailable(await fetch(new Request('http://x/api/summary?groupBy=region')));
    expect(errors).toEqual([canceled, canceled]);
  });

  it('while any other failure stays a 500 INTERNAL', async () => {
    const fetch = createServerFetch({
      db: withPromotions(db, () => Promise.reject(new Error('disk on fire'))),
      onError: () => {},
    });
    const response = await fetch(new Request('http://x/api/promotions'));
    expect(response.status).toBe(500);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe('INTERNAL');
  });

  it('recognizes query_canceled and the pool giving up on a connection, nothing else', () => {
    expect(isTimeoutError({ code: '57014' })).toBe(true);
    expect(isTimeoutError(new Error('timeout exceeded when trying to connect'))).toBe(true);
    expect(isTimeoutError({ code: '23505' })).toBe(false);
    expect(isTimeoutError(new Error('boom'))).toBe(false);
    expect(isTimeoutError(null)).toBe(false);
    expect(isTimeoutError('57014')).toBe(false);
  });
});
