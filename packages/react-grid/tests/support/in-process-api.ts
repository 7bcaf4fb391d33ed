import {
  createApiHandler,
  createClient,
  createGeneratedSource,
  type PromoscaleClient,
} from '@promoscale/api';
import type { DatasetSpec } from '@promoscale/generator';

/** The api's real router over a generated dataset, called in-process: every request is recorded. */
export interface InProcessApi {
  client: PromoscaleClient;
  /** Every request URL, in order. */
  requests: URL[];
  /** The block requests: `/api/promotions` with an `offset` (not the KPI panel's loss count). */
  pageRequests(): URL[];
  /** Makes the next `count` requests to `path` answer 503 with the contract's error body. */
  failNext(path: string, count?: number): void;
  source: ReturnType<typeof createGeneratedSource>;
}

/** An in-process promoscale API for component tests: no Service Worker, no network, the same answers as MSW. */
export function createInProcessApi(spec: DatasetSpec, liveIntervalMs = 0): InProcessApi {
  const source = createGeneratedSource(spec);
  const handler = createApiHandler({ source, liveIntervalMs });
  const requests: URL[] = [];
  const failures = new Map<string, number>();
  const client = createClient({
    baseUrl: 'http://promoscale.test',
    async fetch(input, init) {
      const url = new URL(input);
      requests.push(url);
      const left = failures.get(url.pathname) ?? 0;
      if (left > 0) {
        failures.set(url.pathname, left - 1);
        return Response.json(
          { error: { code: 'UNAVAILABLE', message: 'Planned test fault' } },
          { status: 503 },
        );
      }
      return handler.fetch(new Request(input, init));
    },
  });
  return {
    client,
    requests,
    pageRequests: () =>
      requests.filter((url) => url.pathname === '/api/promotions' && url.searchParams.has('offset')),
    failNext(path, count = 1) {
      failures.set(path, count);
    },
    source,
  };
}
