import { connect } from 'node:net';
import { defineHostileInputTests } from '@promoscale/api/contract';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../src/database/open-database.js';
import { startServer } from '../src/http/start-server.js';
import { seedDatabase } from '../src/seed/seed-database.js';
import { fetchVia, TEST_SPEC, useSeededServer } from './support/seeded-server.js';

/** Sends `request` as raw bytes and answers the status code and body of the reply. */
function rawRequest(url: string, request: string): Promise<{ status: number; text: string }> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname, () => socket.end(request));
    let text = '';
    socket.setEncoding('latin1');
    socket.on('data', (chunk) => {
      text += chunk;
    });
    socket.on('error', reject);
    socket.on('close', () => resolve({ status: Number(/^HTTP\/1\.1 (\d{3})/.exec(text)?.[1] ?? 0), text }));
  });
}

const LEAKS = /\/work\/|node_modules|\n\s+at |SELECT |promotions WHERE/;

describe('the server over real HTTP', () => {
  const server = useSeededServer();
  const url = () => server()?.url ?? '';

  defineHostileInputTests({
    baseUrl: 'http://server.test',
    fetch: fetchVia(server),
    spec: TEST_SPEC,
    hugeLength: 8000,
    describe,
    it,
    expect,
  });

  const raw: [string, string, number][] = [
    [
      'a malformed escape in a store id',
      'GET /api/stores/%E0%A4%A HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n',
      404,
    ],
    [
      'a bare % in a value',
      'GET /api/promotions?limit=% HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n',
      400,
    ],
    ['dot segments', 'GET /api/../../etc/passwd HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n', 404],
    [
      'an escaped NUL in the path',
      'GET /api/stores/%00/promotions HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n',
      404,
    ],
    [
      'a header of 20,000 bytes',
      `GET /api/dataset HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`,
      431,
    ],
    ['a request line that is not HTTP', 'HELLO THERE\r\n\r\n', 400],
    ['a host that is not a host', 'GET /api/dataset HTTP/1.1\r\nHost: %%%\r\nConnection: close\r\n\r\n', 400],
  ];
  for (const [name, request, status] of raw) {
    it(`answers ${status} to ${name}, without a stack trace, a path or SQL`, async () => {
      const reply = await rawRequest(url(), request);
      expect(reply.status).toBe(status);
      expect(reply.text).not.toMatch(LEAKS);
      // Still serving afterwards.
      expect((await fetch(`${url()}/healthz`)).status).toBe(200);
    });
  }

  it("serves concurrent exports, a cancelled export and pages on PGlite's one connection", async () => {
    const get = async (path: string) => (await fetch(`${url()}${path}`)).text();
    const exports = [
      '/api/promotions/export?sort=-roi',
      '/api/promotions/export?format=csv',
      '/api/promotions/export',
    ];
    const pages = [
      '/api/promotions?sort=brand&limit=50',
      '/api/summary?groupBy=region',
      '/api/stores/STORE_002',
    ];
    const sequential = [];
    for (const path of [...exports, ...pages]) sequential.push(await get(path));

    // One export read a little, then cancelled: its cursor must not disturb the others.
    const cancelled = (await fetch(`${url()}/api/promotions/export?sort=sku`)).body?.getReader();
    await cancelled?.read();
    const concurrent = await Promise.all([...exports, ...pages].map(get));
    await cancelled?.cancel();
    expect(concurrent).toEqual(sequential);
    expect(await get('/api/stores/STORE_002')).toBe(sequential.at(-1));
  });

  it('answers /healthz with the database kind', async () => {
    const response = await fetch(`${url()}/healthz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok', database: 'pglite' });
  });

  it('sends no CORS header by default', async () => {
    const response = await fetch(`${url()}/api/dataset`, { headers: { origin: 'http://localhost:6006' } });
    expect(response.headers.get('access-control-allow-origin')).toBe(null);
  });
});

describe('CORS allow-list and shutdown', () => {
  it('refuses a port or timeout out of range with a PromoscaleError naming the option', async () => {
    const db = await openDatabase({ dataDir: 'memory', databaseUrl: '' });
    try {
      await expect(startServer({ db, port: 70_000 })).rejects.toMatchObject({
        name: 'PromoscaleError',
        code: 'INVALID_OPTION',
        field: 'port',
      });
      await expect(startServer({ db, port: 0, requestTimeoutMs: 0 })).rejects.toMatchObject({
        field: 'requestTimeoutMs',
      });
    } finally {
      await db.close();
    }
  }, 60_000);

  it('allows the listed origins only, preflight included', async () => {
    const db = await openDatabase({ dataDir: 'memory', databaseUrl: '' });
    await seedDatabase(db, { seed: 1, stores: 2 });
    const server = await startServer({
      db,
      port: 0,
      corsOrigins: ['http://localhost:6006'],
      overrideGlobalObjects: false,
    });
    try {
      const allowed = await fetch(`${server.url}/api/dataset`, {
        headers: { origin: 'http://localhost:6006' },
      });
      expect(allowed.headers.get('access-control-allow-origin')).toBe('http://localhost:6006');
      expect(allowed.headers.get('vary')).toContain('Origin');
      const other = await fetch(`${server.url}/api/dataset`, { headers: { origin: 'http://evil.test' } });
      expect(other.headers.get('access-control-allow-origin')).toBe(null);
      const preflight = await fetch(`${server.url}/api/promotions`, {
        method: 'OPTIONS',
        headers: { origin: 'http://localhost:6006', 'access-control-request-method': 'GET' },
      });
      expect(preflight.status).toBe(204);
      expect(preflight.headers.get('access-control-allow-methods')).toBe('GET, HEAD');
    } finally {
      await server.close();
    }
  }, 60_000);

  it('closes open live and export streams on shutdown, then the database, and stops listening', async () => {
    const db = await openDatabase({ dataDir: 'memory', databaseUrl: '' });
    await seedDatabase(db, TEST_SPEC);
    // A grace period longer than the test's timeout: close() only returns in time if the shutdown itself ends
    // the streams, not the forced cut after the grace period.
    const server = await startServer({ db, port: 0, overrideGlobalObjects: false, shutdownGraceMs: 600_000 });
    const live = (await fetch(`${server.url}/api/live?intervalMs=20`)).body?.getReader();
    const exported = (await fetch(`${server.url}/api/promotions/export?sort=-roi`)).body?.getReader();
    const decoder = new TextDecoder();
    expect(decoder.decode((await live?.read())?.value)).toContain('retry:');
    expect(decoder.decode((await exported?.read())?.value)).toContain('"id":"PRM-');

    await server.close();
    // Both streams end (drained to the end, no hang), the database is closed, nothing listens any more.
    const drain = async (reader: ReadableStreamDefaultReader<Uint8Array> | undefined) => {
      try {
        while (!(await reader?.read())?.done) {}
      } catch {
        // a connection cut mid-body also ends the stream
      }
      return 'ended';
    };
    expect(await drain(live)).toBe('ended');
    expect(await drain(exported)).toBe('ended');
    await expect(db.query('SELECT 1')).rejects.toThrow();
    await expect(fetch(`${server.url}/healthz`)).rejects.toThrow();
  }, 60_000);
});
