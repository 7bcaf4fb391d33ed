import { type SetupServer, setupServer } from 'msw/node';
import { type CreateHandlersOptions, createHandlers } from '../handlers/create-handlers.js';

/** Options of {@link setupPromoscaleServer}: those of `createHandlers`, with a Node default for `origin`. */
export interface SetupPromoscaleServerOptions extends CreateHandlersOptions {
  /**
   * The origin the handlers answer for: request `${origin}/api/...` (Node has no page to resolve relative URLs
   * against). `'*'` answers for any origin.
   * @default 'http://localhost'
   */
  origin?: string | undefined;
}

/**
 * Creates an MSW `setupServer` for Node (Vitest, Jest, scripts) with the promoscale handlers installed. Call
 * `listen()`, `resetHandlers()` and `close()` as with any MSW server; `server.use(...)` overrides a route.
 *
 * @example
 * import { setupPromoscaleServer } from '@promoscale/msw/node';
 * import { afterAll, afterEach, beforeAll } from 'vitest';
 *
 * export const server = setupPromoscaleServer({ dataset: { seed: 42, stores: 500 } });
 * beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
 * afterEach(() => server.resetHandlers());
 * afterAll(() => server.close());
 * // fetch('http://localhost/api/promotions?limit=10')
 */
export function setupPromoscaleServer(options: SetupPromoscaleServerOptions = {}): SetupServer {
  return setupServer(...createHandlers({ ...options, origin: options.origin ?? 'http://localhost' }));
}
