#!/usr/bin/env node
// `pnpm --filter @promoscale/demo bench`: opens the built demo (dist/, from `pnpm build`) in headless Debian
// Chromium (CHROMIUM_PATH to override) over loopback and prints what a person waits for: cold load to interactive,
// each phase's first rows and complete load at 50 / 500 / 5,000 stores, the long tasks of each load, filter, search
// and sort on the largest client-side dataset, and the first screen's JS (gzip) against its budget. It prints
// figures; it never passes or fails. Timings on a busy machine are noisy: compare runs taken in the same conditions.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { launchChromium, serveDirectory } from '../../../test-support/browser-page.mjs';

const DIST = fileURLToPath(new URL('../dist/', import.meta.url));
const MARKS = {
  interactive: 'promoscale-demo:interactive',
  firstRows: 'promoscale-demo:first-rows',
  loaded: 'promoscale-demo:loaded',
};
// The first screen: the JS the default view needs until its first rows show (the app shell, the dashboard with
// AG Grid and react-grid). The charts (AG Charts, loaded after the rows) and MSW (phase 4 only) are not in it.
const FIRST_SCREEN_BUDGET_KB = 400;
const INTERACTIVE_TARGET_MS = 1_500;
const SIZES = (process.env.BENCH_STORES ?? '50,500,5000').split(',').map(Number);
const PHASES = (process.env.BENCH_PHASES ?? 'single,chunked,streaming,server').split(',');
const WAIT = 300_000;

const { origin, close } = await serveDirectory(DIST);
const browser = await launchChromium();

/** Opens `query` in a fresh context (cold: no HTTP cache, no Service Worker, no IndexedDB). */
async function open(query, onResponse) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 1000 } });
  await context.addInitScript(() => {
    window.__longTasks = [];
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) window.__longTasks.push(entry.duration);
    }).observe({ type: 'longtask', buffered: true });
  });
  const page = await context.newPage();
  if (onResponse) page.on('response', onResponse);
  await page.goto(`${origin}/${query}`);
  return { page, context };
}

const markTime = (page, name) =>
  page.evaluate((n) => performance.getEntriesByName(n)[0]?.startTime ?? null, name);

async function waitForMark(page, name) {
  await page.waitForFunction((n) => performance.getEntriesByName(n).length > 0, name, { timeout: WAIT });
  return markTime(page, name);
}

const ms = (value) => (value == null ? '—' : `${Math.round(value).toLocaleString('en-US')} ms`);
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;

// 1. Cold load to interactive, and the first screen's JS.
const scripts = new Map();
const cold = await open('?stores=50&template=MIXED&seed=42&phase=auto&source=msw', (response) => {
  const url = new URL(response.url());
  if (url.pathname.endsWith('.js')) scripts.set(url.pathname, performance.now());
});
const interactive = await waitForMark(cold.page, MARKS.interactive);
const coldFirstRows = await waitForMark(cold.page, MARKS.firstRows);
const navigation = await cold.page.evaluate(() => {
  const [entry] = performance.getEntriesByType('navigation');
  return { domContentLoaded: entry?.domContentLoadedEventEnd ?? null };
});
const firstScreen = [...scripts.keys()].filter(
  (p) => !/promotion-charts|browser-|chunk-|dist-|worker-/.test(p),
);
let firstScreenGzip = 0;
const firstScreenRows = [];
for (const pathname of firstScreen) {
  const bytes = readFileSync(path.join(DIST, pathname));
  const gzip = gzipSync(bytes, { level: 9 }).length;
  firstScreenGzip += gzip;
  firstScreenRows.push(
    `    ${path.basename(pathname).padEnd(34)} ${kb(bytes.length).padStart(10)} ${kb(gzip).padStart(10)} gzip`,
  );
}
const css = readFileSync(
  path.join(
    DIST,
    'assets',
    readFileSync(path.join(DIST, 'index.html'), 'utf8').match(/assets\/([^"]+\.css)/)?.[1] ?? '',
  ),
);
await cold.context.close();

console.log('promoscale demo bench (built demo over loopback, headless Chromium, cold context per load)\n');
console.log(`Cold load, default view (50 stores, auto = phase 3):`);
console.log(
  `  interactive (controls on screen)  ${ms(interactive)}   target <= ${ms(INTERACTIVE_TARGET_MS)}: ${interactive <= INTERACTIVE_TARGET_MS ? 'met' : 'missed'}`,
);
console.log(`  DOMContentLoaded                  ${ms(navigation.domContentLoaded)}`);
console.log(`  first rows in the grid            ${ms(coldFirstRows)}`);
console.log(`\nFirst-screen JS (the scripts loaded before the first rows; charts and MSW load later):`);
console.log(firstScreenRows.join('\n'));
console.log(
  `    ${'index.css'.padEnd(34)} ${kb(css.length).padStart(10)} ${kb(gzipSync(css).length).padStart(10)} gzip`,
);
console.log(
  `  total JS ${kb(firstScreenGzip)} gzip   budget <= ${FIRST_SCREEN_BUDGET_KB} KB: ${firstScreenGzip / 1024 <= FIRST_SCREEN_BUDGET_KB ? 'met' : 'missed'}`,
);

// 2. Each phase at each size: first rows and complete, from navigation start, and the load's long tasks.
console.log(
  '\nPer phase (from navigation start; long tasks = main-thread tasks over 50 ms during the load):',
);
console.log(
  `  ${'phase'.padEnd(10)} ${'stores'.padStart(6)} ${'first rows'.padStart(11)} ${'complete'.padStart(11)} ${'long tasks'.padStart(11)} ${'longest'.padStart(9)}  status`,
);
for (const stores of SIZES) {
  for (const phase of PHASES) {
    const { page, context } = await open(
      `?stores=${stores}&template=MIXED&seed=42&phase=${phase}&source=msw`,
    );
    let first = null;
    let done = null;
    let status = '';
    try {
      first = await waitForMark(page, MARKS.firstRows);
      done = await waitForMark(page, MARKS.loaded);
      status = await page.getByRole('status', { name: 'Load status' }).textContent();
    } catch (error) {
      status = `did not finish: ${String(error.message).split('\n')[0]}`;
    }
    const tasks = await page.evaluate(() => window.__longTasks);
    console.log(
      `  ${phase.padEnd(10)} ${stores.toLocaleString('en-US').padStart(6)} ${ms(first).padStart(11)} ${ms(done).padStart(11)} ${String(tasks.length).padStart(11)} ${ms(Math.max(0, ...tasks)).padStart(9)}  ${status}`,
    );
    await context.close();
  }
}

// 3. Filter, search and sort on the largest client-side dataset (phase 1 holds every row).
const largest = Math.max(...SIZES.filter((s) => s <= 5_000));
const { page, context } = await open(`?stores=${largest}&template=MIXED&seed=42&phase=single&source=msw`);
await waitForMark(page, MARKS.loaded);
const rows = (largest * 30).toLocaleString('en-US');
console.log(
  `\n${rows} rows in the grid (phase 1, ${largest.toLocaleString('en-US')} stores): action until the grid shows the result`,
);
// Type into an input (the search box, a column's floating filter) until the grid's count line changes, then clear
// it. Measured on the page's clock from the input event; gives up (a dash) after 20 s.
async function typeUntilCount(selector, text) {
  return page.evaluate(
    async ({ selector, text }) => {
      const input = document.querySelector(selector);
      const count = document.querySelector('[data-testid="row-count"]');
      const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set;
      const type = async (value) => {
        const before = count.textContent;
        const start = performance.now();
        setter.call(input, value);
        input.dispatchEvent(new Event('input', { bubbles: true }));
        const giveUp = start + 20_000;
        while (count.textContent === before && performance.now() < giveUp) {
          await new Promise((r) => requestAnimationFrame(r));
        }
        return count.textContent === before ? null : performance.now() - start;
      };
      const elapsed = await type(text);
      const shown = count.textContent;
      await type('');
      return { ms: elapsed, shown };
    },
    { selector, text },
  );
}
const search = await typeUntilCount('input[type="search"]', 'yogurt');
console.log(
  `  search "yogurt"                   ${ms(search.ms).padStart(9)}  (${search.shown}; the search box's own delay included)`,
);
const filter = await typeUntilCount('input[aria-label="Store Filter Input"]', 'Harbor');
console.log(
  `  Store filter "Harbor"             ${ms(filter.ms).padStart(9)}  (${filter.shown}; the floating filter's own delay included)`,
);
// Sort by a column: a click on its header until the first row changes.
const sort = await page.evaluate(async () => {
  const header = document.querySelector('.ag-header-cell[col-id="productName"] .ag-header-cell-label');
  const firstRow = () => document.querySelector('[role="row"][row-index="0"]')?.textContent;
  const before = firstRow();
  const start = performance.now();
  header.click();
  const giveUp = start + 20_000;
  while (firstRow() === before && performance.now() < giveUp)
    await new Promise((r) => requestAnimationFrame(r));
  return firstRow() === before ? null : performance.now() - start;
});
console.log(`  sort by product (header click)    ${ms(sort).padStart(9)}`);
await context.close();

await browser.close();
await close();
