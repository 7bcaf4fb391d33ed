import {
  type ApiErrorBody,
  type ApiHandler,
  createApiHandler,
  createGeneratedSource,
  type DataSource,
} from '@promoscale/api';
import { JSON_CONTENT_TYPE } from '@promoscale/api/engine';
import { type DatasetSpec, normalizeSpec, PromoscaleError } from '@promoscale/generator';
import { type HttpHandler, http } from 'msw';
import {
  createNetwork,
  isNetworkController,
  type NetworkController,
  type NetworkProfile,
} from '../network/create-network.js';
import { resolveEndpoint } from './resolve-endpoint.js';

/** The dataset served when `createHandlers` is given none. */
export const DEFAULT_DATASET: Readonly<DatasetSpec> = Object.freeze({
  seed: 42,
  stores: 500,
  templates: 'MIXED',
  asOf: '2026-06-01',
});

/** Options of {@link createHandlers}. */
export interface CreateHandlersOptions {
  /**
   * The dataset to serve: `{ seed, stores, templates, asOf }` as in `@promoscale/generator`. Validated at once;
   * generated lazily, store by store, on the first request that needs it, and cached for the handlers' lifetime.
   * @default { seed: 42, stores: 500, templates: 'MIXED', asOf: '2026-06-01' }
   */
  dataset?: DatasetSpec | undefined;
  /**
   * The path prefix of every route, or an absolute URL that also sets the origin (`'https://api.example.com/v1'`).
   * @default '/api'
   */
  baseUrl?: string | undefined;
  /**
   * The origin the handlers answer for. MSW in Node only sees absolute URLs, so requests there must go to this
   * origin (`fetch('http://localhost/api/promotions')`); `'*'` answers for any origin.
   * @default the page's `location.origin` in a browser, else `'http://localhost'`
   */
  origin?: string | undefined;
  /**
   * One network profile for every route (latency, `errorRate`, a fault plan), or a controller from
   * `createNetwork` to keep a handle on it (`network.reset()` between tests).
   * @default { latency: 'none', errorRate: 0, faults: [], seed: dataset.seed }
   */
  network?: NetworkProfile | NetworkController | undefined;
  /**
   * Serve this data source instead of generating `dataset` (e.g. a source wrapped with your own instrumentation).
   * @default createGeneratedSource(dataset), created on the first request
   */
  source?: DataSource | undefined;
  /** Timing of the `GET /api/live` event stream (a request's `intervalMs` parameter still wins). */
  live?: LiveStreamOptions | undefined;
}

/**
 * Timing of the `GET /api/live` Server-Sent Events stream that the handlers serve (not the client's
 * `LiveOptions` of `@promoscale/api`, which are the options of one `client.live()` call).
 */
export interface LiveStreamOptions {
  /**
   * Pause between two events when the request gives no `intervalMs`, in milliseconds (0 to 60,000).
   * @default 1000
   */
  intervalMs?: number | undefined;
  /**
   * The reconnection delay sent in the stream's `retry:` line, in milliseconds: how long an `EventSource` waits
   * before reconnecting (with `Last-Event-ID`) after the stream ends.
   * @default 3000
   */
  retryMs?: number | undefined;
}

/**
 * Creates the MSW 2 request handlers of the whole promoscale API (`/api/dataset`, `/stores`, `/promotions`, the
 * export stream, `/summary`, `/scaling/estimate`, the `/live` event stream). Every request goes through the
 * network profile, then to the same router the real server runs (`createApiHandler` of `@promoscale/api`), so
 * the answers, status codes and error bodies are the server's.
 *
 * The dataset is generated lazily and cached: a page of store 40,000 only generates store 40,000. Queries that
 * need every row (sorting, filtering, `summary`, `export`) generate them all once, on first use.
 *
 * The path is matched without decoding it, so malformed percent-escapes (`/api/stores/%E0%A4%A`, `/api/%`) reach
 * the router and get its 4xx JSON error; anything that throws inside the handler answers a generic JSON 500
 * (`INTERNAL`) with no stack trace or file path, and is logged with `console.error`.
 *
 * Throws the generator's `PromoscaleError` at once for bad options (`INVALID_OPTION`, or the spec's code for a bad `dataset`).
 *
 * @example
 * import { setupServer } from 'msw/node';
 * import { createHandlers } from '@promoscale/msw';
 *
 * const server = setupServer(
 *   ...createHandlers({ dataset: { seed: 42, stores: 500 }, origin: 'http://localhost', network: { latency: 'none' } }),
 * );
 * server.listen();
 * const page = await fetch('http://localhost/api/promotions?sort=-roi&limit=20').then((r) => r.json());
 */
export function createHandlers(options: CreateHandlersOptions = {}): HttpHandler[] {
  const spec = normalizeSpec(options.dataset ?? DEFAULT_DATASET);
  const endpoint = resolveEndpoint(options.baseUrl ?? '/api', options.origin);
  const network = isNetworkController(options.network)
    ? options.network
    : createNetwork({ ...options.network, seed: options.network?.seed ?? spec.seed });

  const live = liveTiming(options.live);

  let api: ApiHandler | undefined;
  const router = () => {
    // Created on first use, so importing or registering the handlers costs nothing until a request arrives.
    api ??= createApiHandler({
      source: options.source ?? createGeneratedSource(spec),
      basePath: endpoint.basePath,
      ...live,
    });
    return api;
  };

  return [
    http.all(endpoint.pattern, async ({ request }) => {
      try {
        const failure = await network.apply(request);
        if (failure) return failure;
        return await router().fetch(request);
      } catch (error) {
        // Defence in depth: the router answers its own errors, so only a throwing `network.delay` or similar gets
        // here. MSW would answer such an exception with a 500 carrying its stack (absolute file paths included).
        console.error('[@promoscale/msw] unexpected error', error);
        return internalError();
      }
    }),
  ];
}

/** The contract's generic 500 body: no message, stack or path of the exception reaches the response. */
function internalError(): Response {
  const body: ApiErrorBody = {
    error: { code: 'INTERNAL', message: 'Internal error: the mock server could not answer this request' },
  };
  return new Response(JSON.stringify(body), { status: 500, headers: { 'content-type': JSON_CONTENT_TYPE } });
}

function liveTiming(live: LiveStreamOptions | undefined): { liveIntervalMs?: number; liveRetryMs?: number } {
  if (live === undefined) return {};
  if (typeof live !== 'object' || live === null) {
    throw new PromoscaleError('INVALID_OPTION', 'live', live, 'an object { intervalMs, retryMs }');
  }
  const check = (value: number | undefined, option: string, max: number) => {
    if (value !== undefined && !(Number.isInteger(value) && value >= 0 && value <= max)) {
      throw new PromoscaleError(
        'INVALID_OPTION',
        option,
        value,
        `an integer number of milliseconds from 0 to ${max}`,
      );
    }
    return value;
  };
  const intervalMs = check(live.intervalMs, 'live.intervalMs', 60_000);
  const retryMs = check(live.retryMs, 'live.retryMs', 3_600_000);
  return {
    ...(intervalMs === undefined ? {} : { liveIntervalMs: intervalMs }),
    ...(retryMs === undefined ? {} : { liveRetryMs: retryMs }),
  };
}
