import type { AddressInfo } from 'node:net';
import { createAdaptorServer } from '@hono/node-server';
import { PromoscaleError } from '@promoscale/generator';
import type { Database } from '../database/database.js';
import { createServerFetch } from './server-fetch.js';

/** Options of {@link startServer}. */
export interface StartServerOptions {
  db: Database;
  /** TCP port; 0 picks a free one. @default 8787 */
  port?: number | undefined;
  /** Interface to listen on. @default '127.0.0.1' */
  host?: string | undefined;
  /** Origins allowed to call the API from a browser; `'*'` allows any. @default [] (none) */
  corsOrigins?: readonly string[] | undefined;
  /** Deadline of one request (answered with a 503 `UNAVAILABLE` JSON error past it), in ms. @default 30000 */
  requestTimeoutMs?: number | undefined;
  /** How long `close()` lets running requests finish before it cuts their connections, in ms. @default 10000 */
  shutdownGraceMs?: number | undefined;
  /**
   * Let `@hono/node-server` replace the global `Request`/`Response` with its faster ones. Turn it off in a
   * process that also runs MSW. @default true
   */
  overrideGlobalObjects?: boolean | undefined;
  /** Where unexpected errors are reported. @default console.error */
  onError?: ((error: unknown) => void) | undefined;
  /** API requests handled at once; the others wait in arrival order (see `ServerFetchOptions.maxInFlight`). */
  maxInFlight?: number | undefined;
}

/** A listening server. */
export interface RunningServer {
  /** `http://127.0.0.1:8787` */
  readonly url: string;
  readonly port: number;
  /**
   * Graceful shutdown: stops accepting connections, closes open streams (exports, live updates), lets other
   * running requests finish (up to `shutdownGraceMs`), then closes the database.
   */
  close(): Promise<void>;
}

/**
 * Serves the API over `db` with `@hono/node-server` and resolves once it listens.
 *
 * @example
 * const db = await openDatabase({ dataDir: '.promoscale/db' });
 * const server = await startServer({ db, port: 8787 });
 * console.log(`listening on ${server.url}`);
 * process.on('SIGTERM', () => server.close());
 */
export async function startServer(options: StartServerOptions): Promise<RunningServer> {
  const host = options.host ?? '127.0.0.1';
  const port = integerOption('port', options.port ?? 8787, 0, 65_535);
  const requestTimeoutMs = integerOption(
    'requestTimeoutMs',
    options.requestTimeoutMs ?? 30_000,
    1,
    3_600_000,
  );
  const graceMs = integerOption('shutdownGraceMs', options.shutdownGraceMs ?? 10_000, 0, 3_600_000);
  const shutdown = new AbortController();
  const fetch = createServerFetch({
    db: options.db,
    corsOrigins: options.corsOrigins,
    requestTimeoutMs,
    shutdownSignal: shutdown.signal,
    onError: options.onError,
    maxInFlight: options.maxInFlight,
  });
  const server = createAdaptorServer({
    fetch,
    hostname: host,
    overrideGlobalObjects: options.overrideGlobalObjects ?? true,
    serverOptions: {
      // A client that sends its request too slowly is cut off; headers over 16 KiB get a 431 from Node.
      requestTimeout: requestTimeoutMs,
      headersTimeout: Math.min(requestTimeoutMs, 20_000),
      keepAliveTimeout: 5_000,
    },
  });
  await new Promise<void>((resolve, reject) => {
    const onError = (error: Error) => reject(error);
    server.once('error', onError);
    server.listen(port, host, () => {
      server.off('error', onError);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${address.port}`;

  let closing: Promise<void> | undefined;
  return {
    url,
    port: address.port,
    close() {
      closing ??= (async () => {
        const closed = new Promise<void>((resolve) => server.close(() => resolve()));
        shutdown.abort();
        if ('closeIdleConnections' in server) server.closeIdleConnections();
        let timer: ReturnType<typeof setTimeout> | undefined;
        const grace = new Promise<void>((resolve) => {
          timer = setTimeout(resolve, graceMs);
        });
        await Promise.race([closed, grace]);
        clearTimeout(timer);
        if ('closeAllConnections' in server) server.closeAllConnections();
        await closed;
        await options.db.close();
      })();
      return closing;
    },
  };
}

function integerOption(field: string, value: number, min: number, max: number): number {
  if (!Number.isSafeInteger(value) || value < min || value > max) {
    throw new PromoscaleError('INVALID_OPTION', field, value, `an integer from ${min} to ${max}`);
  }
  return value;
}
