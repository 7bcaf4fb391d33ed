// The promoscale HTTP contract served at a URL for the e2e tests: @promoscale/api's router (the one MSW and
// apps/server answer with) over a generated dataset, behind a Node HTTP server with CORS for the demo's origin.
import http from 'node:http';
import { Readable } from 'node:stream';
import { createApiHandler, createGeneratedSource } from '@promoscale/api';
import type { DatasetSpec } from '@promoscale/generator';

export interface ContractServer {
  origin: string;
  /** Requests answered so far, by path (`/api/promotions`, ...). */
  requests: string[];
  /** The same requests as URLs (path and query). */
  urls: URL[];
  close(): Promise<void>;
}

/** Serves `spec` on a free loopback port; answers CORS preflights for any origin. */
export async function serveContract(spec: DatasetSpec): Promise<ContractServer> {
  const handler = createApiHandler({ source: createGeneratedSource(spec) });
  const requests: string[] = [];
  const urls: URL[] = [];
  const cors = {
    'access-control-allow-origin': '*',
    'access-control-allow-headers': '*',
    'access-control-allow-methods': 'GET, OPTIONS',
  };
  const server = http.createServer(async (request, response) => {
    if (request.method === 'OPTIONS') {
      response.writeHead(204, cors);
      response.end();
      return;
    }
    const url = `http://${request.headers.host}${request.url ?? '/'}`;
    urls.push(new URL(url));
    requests.push(new URL(url).pathname);
    const controller = new AbortController();
    response.on('close', () => controller.abort());
    const answer = await handler.fetch(
      new Request(url, { method: request.method ?? 'GET', signal: controller.signal }),
    );
    response.writeHead(answer.status, { ...Object.fromEntries(answer.headers), ...cors });
    if (!answer.body) {
      response.end();
      return;
    }
    Readable.fromWeb(answer.body as import('node:stream/web').ReadableStream)
      .on('error', () => response.destroy())
      .pipe(response);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return {
    origin: `http://127.0.0.1:${port}`,
    requests,
    urls,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
