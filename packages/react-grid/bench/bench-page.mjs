// Shared by grid.bench.mjs and profile-page.mjs: builds bench/page/ with Vite against the built package (as a
// consumer's app would be) into bench/.dist, serves it on loopback and opens one phase and store count in a new
// browser context, with the page's long tasks recorded from its first script.
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { build } from 'vite';
import { serveDirectory } from './storybook-page.mjs';

const here = fileURLToPath(new URL('.', import.meta.url));

/**
 * Builds and serves the bench page; resolves to `{ origin, close }`. `minify: false` keeps function names (for
 * CPU profiles); the figures of the grid bench come from the minified build a consumer ships.
 */
export async function serveBenchPage({ minify = true } = {}) {
  const outDir = join(here, '.dist');
  await build({
    root: join(here, 'page'),
    logLevel: 'error',
    plugins: [react()],
    resolve: {
      // PROMOSCALE_GRID_DIST=<path to another build's index.js> compares a baseline in the same conditions.
      alias: {
        '@promoscale/react-grid':
          process.env.PROMOSCALE_GRID_DIST ?? fileURLToPath(new URL('../dist/index.js', import.meta.url)),
      },
    },
    // mockServiceWorker.js for phase 4.
    publicDir: join(here, '../public'),
    build: { outDir, emptyOutDir: true, target: 'es2022', minify, chunkSizeWarningLimit: 4096 },
    worker: { format: 'es' },
  });
  return serveDirectory(outDir);
}

/** Installed before the page's scripts: records every long task as `[startTime, duration]` in `window.longTasks`. */
function observeLongTasks() {
  window.longTasks = [];
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) window.longTasks.push([entry.startTime, entry.duration]);
  }).observe({ type: 'longtask', buffered: true });
}

/** A new context and page on the bench page for `phase` and `stores`, recording long tasks; not yet navigated. */
export async function openBenchPage(browser) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  await page.addInitScript(observeLongTasks);
  // An uncaught error in the page ends its run at once (reported as the page's error) instead of a 10-minute wait.
  page.on('pageerror', (error) => {
    page
      .evaluate((message) => {
        window.bench ??= {};
        window.bench.error ??= `uncaught: ${message}`;
      }, error.message)
      .catch(() => {});
  });
  return { context, page };
}

/** The page's URL for one phase and store count; `extra` is appended to the query (e.g. `&flushRows=3000`). */
export const benchUrl = (origin, phase, stores, extra = '') =>
  `${origin}/?phase=${phase}&stores=${stores}${extra}`;

/** Waits until the page reported its result (or error) and returns `{ result, error, started, longTasks }`. */
export async function benchResult(page) {
  await page.waitForFunction(() => window.bench?.result || window.bench?.error, null, { timeout: 600_000 });
  return page.evaluate(() => ({
    result: window.bench.result,
    error: window.bench.error,
    started: window.bench.started,
    longTasks: window.longTasks,
  }));
}
