import { type SetupWorker, setupWorker } from 'msw/browser';
import { type CreateHandlersOptions, createHandlers } from '../handlers/create-handlers.js';

/** Options of {@link setupPromoscaleWorker}: those of `createHandlers` (`origin` defaults to the page's). */
export interface SetupPromoscaleWorkerOptions extends CreateHandlersOptions {}

/**
 * Creates an MSW `setupWorker` for the browser (Vite dev server, Storybook, Vitest browser mode) with the
 * promoscale handlers installed. The page must serve `mockServiceWorker.js` at its root: run
 * `npx msw init public/ --save` once and commit the file. Relative URLs (`fetch('/api/promotions')`) work.
 *
 * @example
 * import { setupPromoscaleWorker } from '@promoscale/msw/browser';
 *
 * const worker = setupPromoscaleWorker({ dataset: { seed: 42, stores: 5_000 }, network: { latency: 'realistic' } });
 * await worker.start({ onUnhandledRequest: 'bypass' });
 * const page = await fetch('/api/promotions?limit=50').then((r) => r.json());
 */
export function setupPromoscaleWorker(options: SetupPromoscaleWorkerOptions = {}): SetupWorker {
  return setupWorker(...createHandlers(options));
}
