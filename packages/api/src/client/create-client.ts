import type { z } from 'zod';
import type {
  ExportQueryInput,
  PromotionsQueryInput,
  StoresQueryInput,
  SummaryQueryInput,
} from '../query/to-search-params.js';
import { toSearchParams } from '../query/to-search-params.js';
import { ApiErrorSchema } from '../schemas/api-error-schema.js';
import { type DatasetEstimate, DatasetEstimateSchema } from '../schemas/dataset-estimate-schema.js';
import { type DatasetInfo, DatasetInfoSchema } from '../schemas/dataset-info-schema.js';
import { LIVE_EVENT_NAME, type LiveUpdate, LiveUpdateSchema } from '../schemas/live-update-schema.js';
import {
  type Page,
  PageSchema,
  type StorePromotions,
  StorePromotionsSchema,
} from '../schemas/page-schema.js';
import { type Promotion, PromotionSchema } from '../schemas/promotion-schema.js';
import { type Store, StoreSchema } from '../schemas/store-schema.js';
import { type Summary, SummarySchema } from '../schemas/summary-schema.js';
import { ApiClientError } from './api-client-error.js';
import { parseServerSentEvents } from './parse-server-sent-events.js';
import { readLines } from './read-lines.js';

/** The `fetch` the client calls: the global one, MSW's, or `(url, init) => handler.fetch(new Request(url, init))`. */
export type FetchLike = (input: string, init?: RequestInit) => Promise<Response>;

/** Options of {@link createClient}. */
export interface ClientOptions {
  /**
   * What comes before the route paths (`/api/...`): an origin such as `'http://localhost:3000'`, or `''` for
   * same-origin requests in a browser.
   */
  baseUrl: string;
  /** The fetch to call. @default globalThis.fetch */
  fetch?: FetchLike | undefined;
  /** The path the API lives under on that origin. @default '/api' */
  basePath?: string | undefined;
  /** Validate every JSON body against the contract's zod schemas (throws `INVALID_RESPONSE` on a mismatch). @default true */
  validate?: boolean | undefined;
  /** Headers sent with every request. @default {} */
  headers?: Record<string, string> | undefined;
}

/** Per-call options. */
export interface CallOptions {
  /** Aborts the request. */
  signal?: AbortSignal | undefined;
}

/** Options of {@link PromoscaleClient.live}. */
export interface LiveOptions extends CallOptions {
  /** Resume after this sequence number (sent as `Last-Event-ID`). @default 0 */
  lastEventId?: number | string | undefined;
  /** Events to receive before the server closes the stream. @default unbounded */
  limit?: number | undefined;
  /** Pause between events, in milliseconds. @default the server's (1000) */
  intervalMs?: number | undefined;
}

/** The typed client of the promoscale API: one method per route. Non-2xx answers throw {@link ApiClientError}. */
export interface PromoscaleClient {
  /** `GET /api/dataset`. */
  dataset(options?: CallOptions): Promise<DatasetInfo>;
  /** `GET /api/stores`. */
  stores(query?: StoresQueryInput, options?: CallOptions): Promise<Page<Store>>;
  /** `GET /api/stores/:storeId` (404 → `ApiClientError` with code `NOT_FOUND`). */
  store(storeId: string, options?: CallOptions): Promise<Store>;
  /** `GET /api/stores/:storeId/promotions`. */
  storePromotions(storeId: string, options?: CallOptions): Promise<StorePromotions>;
  /** `GET /api/promotions`. */
  promotions(query?: PromotionsQueryInput, options?: CallOptions): Promise<Page<Promotion>>;
  /**
   * `GET /api/promotions/export` as rows, read as NDJSON while they stream (`format` is always `ndjson`). Stop
   * the loop to cancel the download.
   */
  exportPromotions(
    query?: Omit<ExportQueryInput, 'format'>,
    options?: CallOptions,
  ): AsyncGenerator<Promotion>;
  /** `GET /api/promotions/export` as the raw streamed Response (status checked), e.g. to save a CSV file. */
  exportResponse(query?: ExportQueryInput, options?: CallOptions): Promise<Response>;
  /** `GET /api/summary`. */
  summary(query?: SummaryQueryInput, options?: CallOptions): Promise<Summary>;
  /** `GET /api/scaling/estimate?stores=N`: size, memory, load time, risk and approach for N stores. */
  estimate(stores: number, options?: CallOptions): Promise<DatasetEstimate>;
  /** `GET /api/live`: the `promotion.updated` events, parsed and validated, until the stream ends or `signal` aborts. */
  live(options?: LiveOptions): AsyncGenerator<LiveUpdate>;
}

/**
 * A typed client for any server of the contract: the real server, MSW handlers or `createApiHandler` itself.
 *
 * @example
 * import { createApiHandler, createClient, createGeneratedSource } from '@promoscale/api';
 *
 * const handler = createApiHandler({ source: createGeneratedSource({ seed: 42, stores: 50 }) });
 * const client = createClient({ baseUrl: 'http://localhost', fetch: (url, init) => handler.fetch(new Request(url, init)) });
 * const page = await client.promotions({ sort: '-roi', category: 'dairy', limit: 10 });
 * console.log(page.total, page.items[0]?.roi);
 */
export function createClient(options: ClientOptions): PromoscaleClient {
  const fetchImpl: FetchLike = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  const prefix = `${options.baseUrl.replace(/\/+$/, '')}${(options.basePath ?? '/api').replace(/\/+$/, '')}`;
  const validate = options.validate ?? true;
  const headers = options.headers ?? {};

  const url = (path: string, query?: object) => {
    const search = query ? toSearchParams(query).toString() : '';
    return `${prefix}${path}${search ? `?${search}` : ''}`;
  };

  const send = async (target: string, call: CallOptions | undefined, extra: Record<string, string> = {}) => {
    const init: RequestInit = { method: 'GET', headers: { ...headers, ...extra } };
    if (call?.signal) init.signal = call.signal;
    const response = await fetchImpl(target, init);
    if (!response.ok) throw await errorFrom(response, target);
    return response;
  };

  const json = async <S extends z.ZodType>(
    schema: S,
    target: string,
    call?: CallOptions,
  ): Promise<z.output<S>> => {
    const response = await send(target, call);
    let body: unknown;
    try {
      body = await response.json();
    } catch (cause) {
      throw new ApiClientError(`${target} answered ${response.status} with a body that is not JSON`, {
        status: response.status,
        code: 'INVALID_RESPONSE',
        url: target,
        cause,
      });
    }
    return validate ? check(schema, body, target, response.status) : (body as z.output<S>);
  };

  const promotionPage = PageSchema(PromotionSchema);
  const storePage = PageSchema(StoreSchema);
  const storePath = (storeId: string) => `/stores/${encodeURIComponent(storeId)}`;

  return {
    dataset: (call) => json(DatasetInfoSchema, url('/dataset'), call),
    stores: (query, call) => json(storePage, url('/stores', query), call),
    store: (storeId, call) => json(StoreSchema, url(storePath(storeId)), call),
    storePromotions: (storeId, call) =>
      json(StorePromotionsSchema, url(`${storePath(storeId)}/promotions`), call),
    promotions: (query, call) => json(promotionPage, url('/promotions', query), call),
    summary: (query, call) => json(SummarySchema, url('/summary', query), call),
    estimate: (stores, call) => json(DatasetEstimateSchema, url('/scaling/estimate', { stores }), call),
    exportResponse: (query, call) => send(url('/promotions/export', query), call),

    async *exportPromotions(query, call) {
      const target = url('/promotions/export', { ...query, format: 'ndjson' });
      const response = await send(target, call);
      if (!response.body) return;
      for await (const line of readLines(response.body)) {
        if (line === '') continue;
        const row: unknown = JSON.parse(line);
        yield validate ? check(PromotionSchema, row, target, response.status) : (row as Promotion);
      }
    },

    async *live(live = {}) {
      const target = url('/live', { limit: live.limit, intervalMs: live.intervalMs });
      const extra: Record<string, string> = { accept: 'text/event-stream' };
      if (live.lastEventId !== undefined) extra['last-event-id'] = String(live.lastEventId);
      const response = await send(target, live, extra);
      if (!response.body) return;
      for await (const event of parseServerSentEvents(response.body)) {
        if (event.event !== LIVE_EVENT_NAME) continue;
        const data: unknown = JSON.parse(event.data);
        yield validate ? check(LiveUpdateSchema, data, target, response.status) : (data as LiveUpdate);
      }
    },
  };
}

function check<S extends z.ZodType>(schema: S, body: unknown, target: string, status: number): z.output<S> {
  const parsed = schema.safeParse(body);
  if (parsed.success) return parsed.data;
  const first = parsed.error.issues[0];
  const where = first ? `${first.path.join('.') || '(root)'}: ${first.message}` : 'invalid';
  throw new ApiClientError(`${target} answered a body that breaks the contract (${where})`, {
    status,
    code: 'INVALID_RESPONSE',
    url: target,
    cause: parsed.error,
  });
}

async function errorFrom(response: Response, target: string): Promise<ApiClientError> {
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    body = undefined;
  }
  const parsed = ApiErrorSchema.safeParse(body);
  if (parsed.success) {
    return new ApiClientError(`${response.status} ${parsed.data.error.code}: ${parsed.data.error.message}`, {
      status: response.status,
      code: parsed.data.error.code,
      body: parsed.data,
      url: target,
    });
  }
  return new ApiClientError(`${target} answered ${response.status} without a contract error body`, {
    status: response.status,
    code: 'INVALID_RESPONSE',
    url: target,
  });
}
