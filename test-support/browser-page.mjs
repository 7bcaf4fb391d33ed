// Shared by the benches, the screenshot script and the demo's e2e tests and `pnpm start`: a static server for a
// built directory on loopback, and headless Debian Chromium (CHROMIUM_PATH to override) launched through Playwright
// with the args of vitest.chromium.ts. Plain .mjs: Node 20 scripts import it without a TypeScript loader.

import { readFile } from 'node:fs/promises';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../', import.meta.url));

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.woff2': 'font/woff2',
  '.png': 'image/png',
};

/** The args of vitest.chromium.ts (CHROMIUM_ARGS), read from that file: a .mjs cannot import TypeScript on Node 20. */
export async function chromiumArgs() {
  const source = await readFile(path.join(ROOT, 'vitest.chromium.ts'), 'utf8');
  const list = /CHROMIUM_ARGS = (\[[^\]]*\])/.exec(source)?.[1];
  if (!list) throw new Error('CHROMIUM_ARGS not found in vitest.chromium.ts');
  return JSON.parse(list.replaceAll("'", '"').replace(/,\s*\]/, ']'));
}

/** Launches Chromium through Playwright; `extraArgs` are added to the shared ones. */
export async function launchChromium(extraArgs = []) {
  const { chromium } = await import('playwright');
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [...(await chromiumArgs()), ...extraArgs],
  });
}

/**
 * Serves the files of `dir` on loopback (`port` 0, the default, picks a free one); a path ending in `/` serves its
 * `index.html`. `rewrite(pathname, text)`, when given, may return another text for an `.html` file (e.g. a script
 * added to its head). Resolves to `{ origin, close }`; rejects when the port is taken.
 */
export async function serveDirectory(dir, { port = 0, host = '127.0.0.1', rewrite } = {}) {
  const server = http.createServer(async (request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    let pathname;
    try {
      pathname = decodeURIComponent(url.pathname);
    } catch {
      response.writeHead(400, { 'content-type': 'text/plain' });
      response.end('bad path');
      return;
    }
    const file = path.join(dir, path.normalize(pathname).replace(/^(\.\.[/\\])+/, ''));
    const target = file.endsWith(path.sep) ? path.join(file, 'index.html') : file;
    try {
      let body = await readFile(target);
      if (rewrite && path.extname(target) === '.html') body = rewrite(pathname, body.toString('utf8'));
      response.writeHead(200, { 'content-type': TYPES[path.extname(target)] ?? 'application/octet-stream' });
      response.end(body);
    } catch {
      response.writeHead(404, { 'content-type': 'text/plain' });
      response.end('not found');
    }
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, resolve);
  });
  return {
    origin: `http://${host}:${server.address().port}`,
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}
