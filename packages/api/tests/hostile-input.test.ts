import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import {
  auditResponse,
  defineHostileInputTests,
  findResponseLeaks,
  HOSTILE_URL_FRAGMENTS,
  hostileInputCases,
} from '../src/contract/index.js';
import { createApiHandler, createGeneratedSource } from '../src/index.js';
import { ApiErrorSchema } from '../src/schemas/index.js';

// The router called in-process, as MSW and the real server call it: hostile requests answer the contract's 4xx JSON
// error, never a 5xx, a stack trace or a path of this machine, and echo at most 40 characters of what they received.
const unexpected: unknown[] = [];
const spec = { seed: 3, stores: 20 };
const handler = createApiHandler({
  source: createGeneratedSource(spec),
  onError: (error) => unexpected.push(error),
});
const send = (path: string, init?: RequestInit) =>
  handler.fetch(new Request(`http://localhost/api${path}`, init));

afterEach(() => {
  expect(unexpected, 'no request may reach the 500 path').toEqual([]);
});

defineHostileInputTests({
  baseUrl: 'http://localhost',
  fetch: (url, init) => handler.fetch(new Request(url, init)),
  spec,
  hugeLength: 100_000,
  describe,
  it,
  expect,
});

describe('hostile input to createApiHandler', () => {
  it('covers every class of hostile input the contract lists', () => {
    expect([...new Set(hostileInputCases().map((c) => c.kind))]).toEqual([
      'malformed percent-escape in the path',
      'malformed percent-escape in the query',
      'huge id or value',
      'repeated parameter',
      'wrong type',
      'out-of-range number',
      'unknown parameter',
      'wrong method',
    ]);
  });

  it('cuts a 100,000-character store id to 40 characters in the 404 message', async () => {
    const id = `STORE_${'9'.repeat(99_994)}`;
    const body = ApiErrorSchema.parse(await (await send(`/stores/${id}`)).json());
    expect(body.error.message).toBe(
      `No store "STORE_${'9'.repeat(34)}"… (100000 characters) in this dataset`,
    );
  });

  it('cuts an unknown route and method in the 404 message', async () => {
    const response = await send(`/${'x'.repeat(100_000)}`, { method: 'BREW' });
    const body = ApiErrorSchema.parse(await response.json());
    expect(response.status).toBe(404);
    expect(body.error.message).toBe(`No route BREW /api/${'x'.repeat(35)}… (100005 characters)`);
  });

  it('cuts long parameter names in issue paths and lists at most 50 issues, counting them all', async () => {
    const keys = Array.from({ length: 2000 }, (_, i) => `${'k'.repeat(60)}${i}`);
    const body = ApiErrorSchema.parse(await (await send(`/promotions?${keys.join('=1&')}=1`)).json());
    const issues = body.error.issues ?? [];
    expect(issues).toHaveLength(50);
    expect(issues[0]?.path).toBe(`${'k'.repeat(40)}… (61 characters)`);
    expect(body.error.message).toMatch(
      /^Invalid query: 2000 issues \(k+… \(61 characters\), .*, …\); the first 50 are listed$/,
    );
    expect(body.error.message.length).toBeLessThan(1000);
  });

  it('reads a malformed escape in a store id as the raw text: no store, not an error', async () => {
    const body = ApiErrorSchema.parse(await (await send('/stores/%E0%A4%A')).json());
    expect(body.error).toEqual({ code: 'NOT_FOUND', message: 'No store "%E0%A4%A" in this dataset' });
  });

  it('finds stack frames, source locations and absolute paths in a body or a header', () => {
    const stack =
      'URIError: URI malformed\n    at decodeURIComponent (<anonymous>)\n    at f (/work/x/y.js:291:36)';
    expect(findResponseLeaks(JSON.stringify({ message: 'x', stack }))).toHaveLength(4);
    expect(findResponseLeaks('{}', new Headers({ 'x-where': 'file:///srv/app/index.mjs' }))).toEqual([
      'header x-where carries an absolute path: …file:///srv/app/index.mjs…',
    ]);
    expect(
      findResponseLeaks('{"error":{"code":"NOT_FOUND","message":"No store \\"at\\" in this dataset"}}'),
    ).toEqual([]);
  });
});

describe('fuzzing createApiHandler with raw paths and query strings (seeded)', () => {
  const piece = fc.oneof(
    fc.constantFrom(...HOSTILE_URL_FRAGMENTS),
    fc.constantFrom(
      'stores',
      'promotions',
      'export',
      'summary',
      'dataset',
      'scaling',
      'estimate',
      'STORE_001',
    ),
    fc.string({ maxLength: 6 }),
  );
  const text = fc.array(piece, { maxLength: 3 }).map((pieces) => pieces.join(''));
  const key = fc.oneof(
    fc.constantFrom('limit', 'offset', 'sort', 'q', 'category', 'roi_gte', 'groupBy', 'format'),
    text,
  );
  const value = fc.oneof(
    text,
    fc.integer().map(String),
    fc.double().map(String),
    fc.constantFrom('-roi', 'dairy'),
  );
  const path = fc.array(text, { minLength: 1, maxLength: 4 }).map((segments) => `/${segments.join('/')}`);
  const query = fc
    .array(fc.tuple(key, fc.constantFrom('=', ''), value), { maxLength: 5 })
    .map((pairs) => pairs.map(([k, eq, v]) => `${k}${eq}${eq ? v : ''}`).join('&'));
  const method = fc.constantFrom('GET', 'GET', 'GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS');

  it('never answers a 5xx, a stack or a path; every 4xx is a bounded JSON error body', async () => {
    await fc.assert(
      fc.asyncProperty(path, fc.option(query), method, async (p, q, m) => {
        const url = `http://localhost/api${p.replace(/^\/live(?=\/|$)/, '/lives')}${q === null ? '' : `?${q}`}`;
        const response = await handler.fetch(new Request(url, { method: m }));
        expect([200, 400, 404, 405]).toContain(response.status);
        expect(await auditResponse(response), `${m} ${url.slice(0, 200)}`).toEqual([]);
      }),
      { seed: 20260609, numRuns: 300 },
    );
  });
});
