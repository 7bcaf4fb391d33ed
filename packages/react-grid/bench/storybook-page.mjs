// Shared by the benches and scripts/screenshots.mjs: serves the built Storybook (storybook-static/ at the
// repository root, from `pnpm build-storybook`) over a local HTTP server and launches headless Debian Chromium
// (CHROMIUM_PATH to override) with the args of vitest.chromium.ts.

import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
// PROMOSCALE_STORYBOOK_DIR=<another storybook build> compares a baseline in the same conditions.
export const STORYBOOK_STATIC = process.env.PROMOSCALE_STORYBOOK_DIR ?? path.join(ROOT, 'storybook-static');

const TYPES = {
  '.html': 'text/html',
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

/** Serves the files of `dir` on a loopback port; resolves to `{ origin, close }`. */
export async function serveDirectory(dir) {
  const server = http.createServer(async (request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    const file = path.join(
      dir,
      path.normalize(decodeURIComponent(url.pathname)).replace(/^(\.\.[/\\])+/, ''),
    );
    const target = file.endsWith(path.sep) ? path.join(file, 'index.html') : file;
    try {
      const body = await readFile(target);
      response.writeHead(200, { 'content-type': TYPES[path.extname(target)] ?? 'application/octet-stream' });
      response.end(body);
    } catch {
      response.writeHead(404, { 'content-type': 'text/plain' });
      response.end('not found');
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    origin: `http://127.0.0.1:${server.address().port}`,
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}

/** Serves storybook-static/; resolves to `{ origin, close }`. Fails with a hint when it was not built. */
export async function serveStorybook() {
  if (!existsSync(path.join(STORYBOOK_STATIC, 'iframe.html'))) {
    throw new Error('storybook-static/ is missing: run `pnpm build-storybook` at the repository root first');
  }
  return serveDirectory(STORYBOOK_STATIC);
}

/**
 * The URL of one story, rendered alone. `args` (e.g. `{ stores: 500 }`) override the story's args, `globals` the
 * preview's globals (e.g. `{ 'a11y.manual': '!true' }` keeps the a11y addon from running axe after the render).
 */
export function storyUrl(origin, id, args, globals) {
  const encode = (name, values) =>
    values
      ? `&${name}=${Object.entries(values)
          .map(([key, value]) => `${key}:${value}`)
          .join(';')}`
      : '';
  return `${origin}/iframe.html?id=${id}&viewMode=story${encode('args', args)}${encode('globals', globals)}`;
}

/**
 * Waits until a loader story shows `rows` promotions and load timings other than `previous` (a load that finished
 * after the one that showed `previous`); returns the timings text.
 */
export async function storyLoaded(page, rows, previous) {
  const expected = `${rows.toLocaleString('en-US')} promotions`;
  await page.waitForFunction(
    ([expected, previous]) => {
      const timings = document.querySelector('[data-testid="load-timings"]')?.textContent ?? null;
      const count = document.querySelector('[data-testid="row-count"]')?.textContent ?? '';
      return timings !== null && timings !== previous && count === expected ? timings : null;
    },
    [expected, previous],
    { timeout: 300_000, polling: 50 },
  );
  return page.getByTestId('load-timings').textContent();
}
