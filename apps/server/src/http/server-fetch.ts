import { createApiHandler, JSON_CONTENT_TYPE } from '@promoscale/api';
import type { Database } from '../database/database.js';
import { createSqlSource } from '../source/create-sql-source.js';

/** Options of {@link createServerFetch}. */
export interface ServerFetchOptions {
  db: Database;
  /** Origins allowed to call the API from a browser (`Access-Control-Allow-Origin`); `'*'` allows any. @default [] */
  corsOrigins?: readonly string[] | undefined;
  /** A request not answered by then gets a 500 JSON error (statements are cancelled by the statement timeout). @default 30000 */
  requestTimeoutMs?: number | undefined;
  /** Aborting it closes every open stream (exports, live updates): the shutdown. */
  shutdownSignal?: AbortSignal | undefined;
  /** Where unexpected errors are reported (never into a response). @default console.error */
  onError?: ((error: unknown) => void) | undefined;
}

/** The server's `Request -> Response` function: `/healthz`, CORS around the API routes, a per-request deadline. */
export type ServerFetch = (request: Request) => Promise<Response>;

const json = (body: unknown, status: number, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': JSON_CONTENT_TYPE, ...headers } });

/**
 * Wraps `@promoscale/api`'s routes over the SQL source: `GET /healthz` answers `{ status: 'ok' }` when the
 * database answers (503 otherwise), browsers from an allowed origin get CORS headers (and their preflight a
 * 204), every request gets a deadline, and the shutdown signal ends open streams.
 */
export function createServerFetch(options: ServerFetchOptions): ServerFetch {
  const { db } = options;
  const corsOrigins = new Set(options.corsOrigins ?? []);
  const requestTimeoutMs = options.requestTimeoutMs ?? 30_000;
  const reportError = options.onError ?? ((error: unknown) => console.error('promoscale-server:', error));
  const api = createApiHandler({ source: createSqlSource(db), onError: (error) => reportError(error) });
  const shutdown = options.shutdownSignal;

  const allowedOrigin = (request: Request) => {
    const origin = request.headers.get('origin');
    if (origin === null || corsOrigins.size === 0) return undefined;
    return corsOrigins.has('*') || corsOrigins.has(origin) ? origin : undefined;
  };

  const healthz = async (request: Request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return json(
        { error: { code: 'METHOD_NOT_ALLOWED', message: 'Only GET and HEAD are allowed here' } },
        405,
        {
          allow: 'GET, HEAD',
        },
      );
    }
    try {
      await db.query('SELECT 1');
      return json({ status: 'ok', database: db.kind }, 200, { 'cache-control': 'no-store' });
    } catch {
      return json({ status: 'unavailable', database: db.kind }, 503, { 'cache-control': 'no-store' });
    }
  };

  const withDeadline = async (request: Request): Promise<Response> => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const deadline = new Promise<Response>((resolve) => {
      timer = setTimeout(
        () =>
          resolve(
            json(
              {
                error: {
                  code: 'INTERNAL',
                  message: `The server could not answer within ${requestTimeoutMs} ms`,
                },
              },
              500,
            ),
          ),
        requestTimeoutMs,
      );
    });
    try {
      return await Promise.race([api.fetch(request), deadline]);
    } finally {
      clearTimeout(timer);
    }
  };

  const handle = async (incoming: Request): Promise<Response> => {
    const pathname = new URL(incoming.url).pathname;
    if (pathname === '/healthz') return healthz(incoming);
    const origin = allowedOrigin(incoming);
    if (incoming.method === 'OPTIONS' && origin !== undefined) {
      return new Response(null, {
        status: 204,
        headers: {
          'access-control-allow-origin': origin,
          'access-control-allow-methods': 'GET, HEAD',
          'access-control-allow-headers': 'Last-Event-ID, Content-Type',
          'access-control-max-age': '600',
          vary: 'Origin',
        },
      });
    }
    // Open streams end when the client goes away or the server shuts down.
    const request =
      shutdown && (incoming.method === 'GET' || incoming.method === 'HEAD')
        ? new Request(incoming.url, {
            method: incoming.method,
            headers: incoming.headers,
            signal: AbortSignal.any([incoming.signal, shutdown]),
          })
        : incoming;
    const response = await withDeadline(request);
    if (origin === undefined) return response;
    const headers = new Headers(response.headers);
    headers.set('access-control-allow-origin', origin);
    headers.append('vary', 'Origin');
    return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
  };

  return async (incoming) => {
    try {
      return await handle(incoming);
    } catch (error) {
      reportError(error);
      return json(
        { error: { code: 'INTERNAL', message: 'Internal error: the server could not answer this request' } },
        500,
      );
    }
  };
}
