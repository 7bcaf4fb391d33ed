import { createClient, type PromoscaleClient } from '@promoscale/api';
import type { DatasetSpec } from '@promoscale/generator';
import type { SetupWorker } from 'msw/browser';
import { useEffect, useState } from 'react';

/** Where phase 4 reads its rows: the API mocked in this tab, or a promoscale server. */
export interface ApiSource {
  status: 'starting' | 'ready' | 'error';
  client: PromoscaleClient | null;
  error: Error | null;
  /** What the source is, for a person: "MSW in this tab" or the server's address. */
  label: string;
}

interface SourceState extends ApiSource {
  /** The source and spec the state belongs to: a state of the previous spec is never handed out as ready. */
  key: string;
}

let worker: Promise<SetupWorker> | null = null;

/**
 * Starts MSW's Service Worker in this tab with the promoscale handlers serving `spec` (once; a new spec swaps the
 * handlers), loaded only when a view needs it so the first screen never waits for MSW.
 */
async function startWorker(spec: DatasetSpec): Promise<void> {
  const [{ setupPromoscaleWorker }, { createHandlers }] = await Promise.all([
    import('@promoscale/msw/browser'),
    import('@promoscale/msw'),
  ]);
  if (!worker) {
    worker = (async () => {
      const created = setupPromoscaleWorker({ dataset: spec });
      await created.start({
        onUnhandledRequest: 'bypass',
        quiet: true,
        serviceWorker: { url: `${import.meta.env.BASE_URL}mockServiceWorker.js` },
      });
      return created;
    })();
    worker.catch(() => {
      worker = null;
    });
  }
  (await worker).resetHandlers(...createHandlers({ dataset: spec }));
}

/**
 * The API client of phase 4 for `source` (`'msw'` or a server's origin). With MSW the worker serves exactly
 * `spec`; a server serves its own dataset (its `GET /api/dataset` says which).
 */
export function useApiSource(source: string, spec: DatasetSpec, enabled: boolean): ApiSource {
  const key = `${source} ${JSON.stringify(spec)}`;
  const [state, setState] = useState<SourceState>({
    status: 'starting',
    client: null,
    error: null,
    label: source,
    key: '',
  });
  useEffect(() => {
    if (!enabled) return;
    let current = true;
    if (source !== 'msw') {
      setState({
        status: 'ready',
        client: createClient({ baseUrl: source }),
        error: null,
        label: source,
        key,
      });
      return;
    }
    setState({ status: 'starting', client: null, error: null, label: 'MSW in this tab', key });
    startWorker(spec).then(
      () => {
        if (current) {
          const client = createClient({ baseUrl: '' });
          setState({ status: 'ready', client, error: null, label: 'MSW in this tab', key });
        }
      },
      (error: unknown) => {
        if (current) {
          setState({
            status: 'error',
            client: null,
            error: new Error(
              `The mock API could not start in this tab: ${String((error as Error)?.message ?? error)}`,
            ),
            label: 'MSW in this tab',
            key,
          });
        }
      },
    );
    return () => {
      current = false;
    };
  }, [key, enabled]);
  if (state.key !== key) return { status: 'starting', client: null, error: null, label: state.label };
  const { key: _key, ...current } = state;
  return current;
}
