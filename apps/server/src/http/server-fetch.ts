import { AsyncLocalStorage } from 'node:async_hooks';
import { createApiHandler } from '@promoscale/api';
import { JSON_CONTENT_TYPE } from '@promoscale/api/engine';
import { PromoscaleError } from '@promoscale/generator';
import { type Database, DatabaseClosedError, type DatabaseKind } from '../database/database.js';
import { createSqlSource } from '../source/create-sql-source.js';
import { createRequestGate } from './request-gate.js';

/** Options of {@link createServerFetch}. */
export interface ServerFetchOptions {
  db: Database;
  /** Origins allowed to call the API from a browser (`Access-Control-Allow-Origin`); `'*'` allows any. @default [] */
  corsOrigins?: readonly string[] | undefined;
  /**
   * A request not answered by then gets a 503 `UNAVAILABLE` JSON error with `Retry-After` (its statements are
   * cancelled by the statement timeout, which answers the same 503). @default 30000
   */
  requestTimeoutMs?: number | undefined;
  /**
   * Aborting it closes every open stream (exports, live updates): the shutdown. Requests arriving after it get a
   * 503 `UNAVAILABLE`, as do requests still running when the database closes.
   */
  shutdownSignal?: AbortSignal | undefined;
  /** Where unexpected errors are reported (never into a response). @default console.error */
  onError?: ((error: unknown) => void) | undefined;
  /**
   * API requests handled at once, each until its response starts (an export or live stream then runs on its
   * own). The others wait in arrival order, never refused: one still waiting at its deadline gets the 503 without
   * having run, and one whose client has gone leaves the queue. `/healthz` and CORS preflights do not wait. An
   * integer from 1 to 10000.
   * @default {@link DEFAULT_MAX_IN_FLIGHT} of the database's kind
   */
  maxInFlight?: number | undefined;
}

/**
 * Default of {@link ServerFetchOptions.maxInFlight}. PGlite runs one statement at a time: with 2 requests let in,
 * a request's statements run back to back instead of queueing behind every other request's, and a request still
 * waiting at its deadline never runs (docs/server-performance.md has what it did under load). PostgreSQL's pool
 * (10 connections) already queues statements; its bound only caps the requests held in memory under a flood.
 */
export const DEFAULT_MAX_IN_FLIGHT: Readonly<Record<DatabaseKind, number>> = { pglite: 2, postgres: 100 };

/** The server's `Request -> Response` function: `/healthz`, CORS around the API routes, a per-request deadline. */
export type ServerFetch = (request: Request) => Promise<Response>;

const json = (body: unknown, status: number, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': JSON_CONTENT_TYPE, ...headers } });

/** Seconds a client is asked to wait (`Retry-After`) before it sends a timed-out request again. */
const RETRY_AFTER_SECONDS = 1;

/** The contract's 503: the server could not answer in time, and the same request may succeed later. */
const unavailable = (message: string) =>
  json({ error: { code: 'UNAVAILABLE', message } }, 503, { 'retry-after': String(RETRY_AFTER_SECONDS) });

/** The 503 of a request the shutdown stops: the same request may succeed on another replica or after a restart. */
const shuttingDown = () => unavailable('The server is shutting down; try again later');

/**
 * Whether `error` is PostgreSQL's `query_canceled` (SQLSTATE 57014: a statement timeout or a cancel) or `pg`'s
 * pool giving up waiting for a free connection: the request failed for lack of time, not because of a bug.
 */
export function isTimeoutError(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const { code, message } = error as { code?: unknown; message?: unknown };
  return (
    code === '57014' ||
    (typeof message === 'string' && message.startsWith('timeout exceeded when trying to connect'))
  );
}

/**
 * Wraps `@promoscale/api`'s routes over the SQL source: `GET /healthz` answers `{ status: 'ok' }` when the
 * database answers (503 otherwise), browsers from an allowed origin get CORS headers (and their preflight a
 * 204), every request gets a deadline, and the shutdown signal ends open streams.
 */
export function createServerFetch(options: ServerFetchOptions): ServerFetch {
  const { db } = options;
  const maxInFlight = options.maxInFlight ?? DEFAULT_MAX_IN_FLIGHT[db.kind];
  if (!Number.isSafeInteger(maxInFlight) || maxInFlight < 1 || maxInFlight > 10_000) {
    throw new PromoscaleError('INVALID_OPTION', 'maxInFlight', maxInFlight, 'an integer from 1 to 10000');
  }
  const gate = createRequestGate(maxInFlight);
  const corsOrigins = new Set(options.corsOrigins ?? []);
  const requestTimeoutMs = options.requestTimeoutMs ?? 30_000;
  const reportError = options.onError ?? ((error: unknown) => console.error('promoscale-server:', error));
  // Each request's state, reachable from the API's error callback: a statement timeout, or the database closing
  // under a request at shutdown, turns its 500 into a 503.
  const requestState = new AsyncLocalStorage<{ unavailable?: 'timeout' | 'closed' }>();
  const api = createApiHandler({
    source: createSqlSource(db),
    onError: (error) => {
      const state = requestState.getStore();
      const closed = error instanceof DatabaseClosedError;
      if (state !== undefined && closed) state.unavailable = 'closed';
      else if (state !== undefined && isTimeoutError(error)) state.unavailable = 'timeout';
      // The shutdown closing the database under a running request is expected: not an error to report.
      if (!closed) reportError(error);
    },
  });
  const shutdown = options.shutdownSignal;
  // The signals of the requests open now (their streams included): the shutdown aborts them. Not
  // AbortSignal.any([request, shutdown]): Node 20-24 keep a reference to every signal derived from a long-lived
  // one (nodejs/node#55351), a leak of about 70 bytes a request.
  const openRequests = new Set<AbortController>();
  shutdown?.addEventListener(
    'abort',
    () => {
      for (const controller of openRequests) controller.abort(shutdown.reason);
      openRequests.clear();
    },
    { once: true },
  );

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

  const withDeadline = async (request: Request, client: AbortSignal): Promise<Response> => {
    const deadline = new AbortController();
    const timer = setTimeout(() => deadline.abort(), requestTimeoutMs);
    // A request leaves the queue unrun at its deadline or when its client goes away (a client timeout).
    const giveUp = AbortSignal.any([deadline.signal, client]);
    const timedOut = new Promise<Response>((resolve) => {
      deadline.signal.addEventListener(
        'abort',
        () =>
          resolve(unavailable(`The server could not answer within ${requestTimeoutMs} ms; try again later`)),
        { once: true },
      );
    });
    const state: { unavailable?: 'timeout' | 'closed' } = {};
    const handled = (async () => {
      // Still waiting for a slot at the deadline, or its client gone: the request never runs.
      if (!(await gate.acquire(giveUp))) return undefined;
      try {
        return await requestState.run(state, () => api.fetch(request));
      } finally {
        gate.release();
      }
    })();
    try {
      const response =
        (await Promise.race([handled, timedOut])) ??
        (deadline.signal.aborted ? await timedOut : unavailable('The client went away'));
      if (response.status !== 500 || state.unavailable === undefined) return response;
      await response.body?.cancel().catch(() => {});
      return state.unavailable === 'closed'
        ? shuttingDown()
        : unavailable('A database statement ran out of time; try again later');
    } finally {
      clearTimeout(timer);
    }
  };

  const handle = async (incoming: Request): Promise<Response> => {
    // A request that arrives during the shutdown (e.g. on a kept-alive connection) is not started.
    if (shutdown?.aborted) return shuttingDown();
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
    let request = incoming;
    // Set for a request the shutdown must end: forgets it once its body has ended.
    let forget: (() => void) | undefined;
    if (shutdown && (incoming.method === 'GET' || incoming.method === 'HEAD')) {
      const controller = new AbortController();
      forget = () => openRequests.delete(controller);
      const clientGone = () => controller.abort(incoming.signal.reason);
      if (incoming.signal.aborted) clientGone();
      else incoming.signal.addEventListener('abort', clientGone, { once: true });
      controller.signal.addEventListener('abort', forget, { once: true });
      if (!controller.signal.aborted) openRequests.add(controller);
      request = new Request(incoming.url, {
        method: incoming.method,
        headers: incoming.headers,
        signal: controller.signal,
      });
    }
    let response: Response;
    try {
      response = await withDeadline(request, incoming.signal);
    } catch (error) {
      forget?.();
      throw error;
    }
    // Only a request the shutdown tracks needs its body watched (an extra stream step a chunk).
    if (forget !== undefined) response = whenBodyEnds(response, forget);
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
      if (error instanceof DatabaseClosedError) return shuttingDown();
      reportError(error);
      return json(
        { error: { code: 'INTERNAL', message: 'Internal error: the server could not answer this request' } },
        500,
      );
    }
  };
}

/**
 * `response`, calling `done` once its body has been read to the end, failed or been cancelled: right away for a
 * JSON body (complete when the response is made) or no body.
 */
function whenBodyEnds(response: Response, done: () => void): Response {
  const { body } = response;
  if (body === null || response.headers.get('content-type')?.startsWith('application/json')) {
    done();
    return response;
  }
  const reader = body.getReader();
  const tracked = new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const read = await reader.read();
        if (read.done) {
          done();
          controller.close();
        } else controller.enqueue(read.value);
      } catch (error) {
        done();
        controller.error(error);
      }
    },
    async cancel(reason) {
      done();
      await reader.cancel(reason);
    },
  });
  return new Response(tracked, {
    status: response.status,
    statusText: response.statusText,
    headers: response.headers,
  });
}
