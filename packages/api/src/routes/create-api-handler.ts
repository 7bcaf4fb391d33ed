import { ScalingAnalysis } from '@promoscale/scaling';
import { Hono } from 'hono';
import { z } from 'zod';
import { echo, shorten } from '../query/param-schemas.js';
import {
  invalidQuery,
  parseEstimateQuery,
  parseExportQuery,
  parseLiveQuery,
  parsePromotionsQuery,
  parseQuery,
  parseStoresQuery,
  parseSummaryQuery,
  type QueryParseResult,
} from '../query/parse-query.js';
import { CONTRACT_VERSION } from '../schemas/contract-version.js';
import type { DataSource } from '../sources/data-source.js';
import { exportResponse } from './export-response.js';
import { errorBody, errorResponse, jsonResponse } from './json-response.js';
import { liveResponse } from './live-response.js';

/** Options of {@link createApiHandler}. */
export interface ApiHandlerOptions {
  /** Where the data comes from: `createGeneratedSource(spec)` or your own DataSource. */
  source: DataSource;
  /** The path the routes live under; `''` mounts them at the root. @default '/api' */
  basePath?: string | undefined;
  /** Pause between two live events when the request gives no `intervalMs`, in milliseconds. @default 1000 */
  liveIntervalMs?: number | undefined;
  /** Reconnection delay sent in the `retry:` line of `GET /api/live`, in milliseconds. @default 3000 */
  liveRetryMs?: number | undefined;
  /** Rows per chunk of an export body. @default 500 */
  exportChunkRows?: number | undefined;
  /**
   * Called with any unexpected exception before the 500 `INTERNAL` response is sent (bad input never gets
   * here). @default logs with `console.error`
   */
  onError?: ((error: unknown, request: Request) => void) | undefined;
}

/** The API as one Web-standard function: `Request` in, `Response` out. */
export interface ApiHandler {
  /** Answers one request; never rejects (an unexpected exception becomes a 500 JSON body). */
  fetch(request: Request): Promise<Response>;
  /** The normalised base path, e.g. `/api`. */
  readonly basePath: string;
}

const NoParamsSchema = z.strictObject({});

/**
 * The routes of DOMAIN.md section 6, implemented once over a {@link DataSource}, as a `Request -> Response`
 * function that runs anywhere the Fetch API does: MSW handlers, Node servers (`@hono/node-server`, or any
 * adapter), Bun, Deno, workers, tests. Every query is parsed strictly (400 with every issue listed), unknown
 * ids and routes answer 404, other methods 405, all with JSON error bodies.
 *
 * @example
 * import { createApiHandler, createGeneratedSource } from '@promoscale/api';
 *
 * const handler = createApiHandler({ source: createGeneratedSource({ seed: 42, stores: 500 }) });
 * const response = await handler.fetch(new Request('http://localhost/api/promotions?sort=-roi&limit=5'));
 * console.log(response.status, (await response.json()).items.length); // 200 5
 */
export function createApiHandler(options: ApiHandlerOptions): ApiHandler {
  const { source } = options;
  const basePath = normalizeBasePath(options.basePath ?? '/api');
  const liveIntervalMs = options.liveIntervalMs ?? 1000;
  const liveRetryMs = options.liveRetryMs ?? 3000;
  const exportChunkRows = options.exportChunkRows ?? 500;
  const reportError =
    options.onError ?? ((error: unknown) => console.error('[@promoscale/api] unexpected error', error));
  const onError = (error: unknown, request: Request) => {
    try {
      reportError(error, request);
    } catch {
      // A throwing reporter must not turn the 500 into a rejected promise.
    }
  };

  const app = new Hono({ strict: true });
  // Method and path are echoed cut, like every value a message echoes: a 100,000-character path stays a short body.
  app.notFound((c) =>
    errorResponse('NOT_FOUND', `No route ${shorten(c.req.method)} ${shorten(new URL(c.req.url).pathname)}`),
  );
  app.onError((error, c) => {
    onError(error, c.req.raw);
    return errorResponse('INTERNAL', 'Internal error: the server could not answer this request');
  });
  const api = basePath ? app.basePath(basePath) : app;

  const route = (
    path: string,
    handle: (request: Request, params: Record<string, string>) => Promise<Response>,
  ) => {
    api.get(path, (c) => handle(c.req.raw, c.req.param() as Record<string, string>));
    api.all(path, () =>
      errorResponse('METHOD_NOT_ALLOWED', 'Only GET and HEAD are allowed here', { allow: 'GET, HEAD' }),
    );
  };
  const query = <T>(request: Request, parse: (params: URLSearchParams) => QueryParseResult<T>) =>
    parse(new URL(request.url).searchParams);
  const invalid = (result: { ok: false; error: unknown }) => jsonResponse(result.error, 400);
  const noParams = (request: Request) => query(request, (p) => parseQuery(NoParamsSchema, p));
  const storeNotFound = (storeId: string) =>
    errorResponse('NOT_FOUND', `No store ${echo(storeId)} in this dataset`);

  route('/dataset', async (request) => {
    const parsed = noParams(request);
    if (!parsed.ok) return invalid(parsed);
    return jsonResponse({ version: CONTRACT_VERSION, ...(await source.info()) });
  });

  route('/stores', async (request) => {
    const parsed = query(request, parseStoresQuery);
    if (!parsed.ok) return invalid(parsed);
    return jsonResponse(await source.listStores(parsed.query));
  });

  route('/stores/:storeId', async (request, { storeId = '' }) => {
    const parsed = noParams(request);
    if (!parsed.ok) return invalid(parsed);
    const store = await source.getStore(storeId);
    return store ? jsonResponse(store) : storeNotFound(storeId);
  });

  route('/stores/:storeId/promotions', async (request, { storeId = '' }) => {
    const parsed = noParams(request);
    if (!parsed.ok) return invalid(parsed);
    const items = await source.storePromotions(storeId);
    return items ? jsonResponse({ items, total: items.length }) : storeNotFound(storeId);
  });

  route('/promotions', async (request) => {
    const parsed = query(request, parsePromotionsQuery);
    if (!parsed.ok) return invalid(parsed);
    return jsonResponse(await source.queryPromotions(parsed.query));
  });

  route('/promotions/export', async (request) => {
    const parsed = query(request, parseExportQuery);
    if (!parsed.ok) return invalid(parsed);
    const rows = source.exportPromotions(parsed.query, request.signal);
    return exportResponse(rows, parsed.query.format, { chunkRows: exportChunkRows, signal: request.signal });
  });

  route('/summary', async (request) => {
    const parsed = query(request, parseSummaryQuery);
    if (!parsed.ok) return invalid(parsed);
    return jsonResponse(await source.summary(parsed.query));
  });

  route('/scaling/estimate', async (request) => {
    const parsed = query(request, parseEstimateQuery);
    if (!parsed.ok) return invalid(parsed);
    // The estimate of a dataset like the one served (same templates and seed), with N stores.
    const { spec } = await source.info();
    return jsonResponse(
      ScalingAnalysis.estimateDatasetSize(parsed.query.stores, {
        templates: spec.templates,
        seed: spec.seed,
      }),
    );
  });

  route('/live', async (request) => {
    const parsed = query(request, parseLiveQuery);
    if (!parsed.ok) return invalid(parsed);
    const header = request.headers.get('last-event-id');
    let after = parsed.query.lastEventId ?? 0;
    if (header !== null) {
      const trimmed = header.trim();
      if (!/^\d+$/.test(trimmed) || !Number.isSafeInteger(Number(trimmed))) {
        return jsonResponse(
          invalidQuery([
            {
              path: 'Last-Event-ID',
              message: `Last-Event-ID must be a non-negative integer (a sequence number); received ${echo(header)}`,
            },
          ]),
          400,
        );
      }
      after = Number(trimmed);
    }
    return liveResponse(source, {
      after,
      limit: parsed.query.limit,
      intervalMs: parsed.query.intervalMs ?? liveIntervalMs,
      retryMs: liveRetryMs,
      signal: request.signal,
    });
  });

  const dispatch = async (request: Request): Promise<Response> => {
    try {
      return await app.fetch(request);
    } catch (error) {
      onError(error, request);
      return jsonResponse(
        errorBody('INTERNAL', 'Internal error: the server could not answer this request'),
        500,
      );
    }
  };

  return {
    basePath,
    async fetch(request: Request): Promise<Response> {
      if (request.method !== 'HEAD') return dispatch(request);
      // Answer HEAD with the GET headers and no body, releasing whatever the body would have produced.
      const response = await dispatch(new Request(request, { method: 'GET' }));
      await response.body?.cancel().catch(() => {});
      return new Response(null, {
        status: response.status,
        statusText: response.statusText,
        headers: response.headers,
      });
    },
  };
}

function normalizeBasePath(path: string): string {
  const trimmed = path.replace(/\/+$/, '');
  if (trimmed === '') return '';
  return trimmed.startsWith('/') ? trimmed : `/${trimmed}`;
}
