// The object-mode measurement of throughput.bench.mjs, run in headless Chromium: the built package's dist/ served
// over a local HTTP server and imported by a page, each size and mode in a page of its own (a new browser context). Chromium's V8 compresses pointers, so rows are smaller there than in Node 20: the figures that the
// dashboards built on promoscale see. Uses Debian's Chromium (CHROMIUM_PATH to override) through Playwright and
// test-support/browser-page.mjs, as the browser tests do; without it, the section says why it was skipped (as it does with --no-chromium).
//
// Run:  cd packages/generator && pnpm build && node bench/chromium.bench.mjs [--json]
// (`pnpm bench` runs it with the other benches, bench/generator.bench.mjs.)

import { fileURLToPath } from 'node:url';
import { launchChromium, serveDirectory } from '../../../test-support/browser-page.mjs';
import { dec1, int, isMain, main, row, timingFor } from './harness.mjs';

/** The store counts measured. */
export const CHROMIUM_SIZES = [5, 50, 500, 5_000];
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/** The built package: index.js imports the chunks tsup shares with ./internal, so the page gets the folder. */
const DIST = fileURLToPath(new URL('../dist/', import.meta.url));

/**
 * Runs in the page: processBatch(1, n) again and again, or on new stores each call, for `warmupMs` then at least
 * `minMs` and `minCalls` calls; with `heap`, also the heap growth per promotion of one kept batch (after gc).
 * Self-contained on purpose: Playwright sends this function's source to the page, so it cannot call
 * harness.mjs's measureThroughput, whose loop it repeats.
 */
export async function measureInPage({ stores, newStores, timing, heap }) {
  const { processBatch } = await import('/index.js');
  let start = 1;
  const call = () => {
    const first = newStores ? start : 1;
    const count = processBatch(first, first + stores - 1, 'MIXED').promotions.length;
    start += stores;
    if (start + stores - 1 > 100_000) start = 1;
    return count;
  };
  const warmupEnd = performance.now() + timing.warmupMs;
  do call();
  while (performance.now() < warmupEnd);
  let items = 0;
  let calls = 0;
  const started = performance.now();
  let elapsed = 0;
  while (elapsed < timing.minMs || calls < timing.minCalls) {
    items += call();
    calls++;
    elapsed = performance.now() - started;
  }
  const result = { perSecond: (items * 1000) / elapsed, calls };
  if (heap && typeof globalThis.gc === 'function' && performance.memory) {
    globalThis.gc();
    globalThis.gc();
    const before = performance.memory.usedJSHeapSize;
    const kept = processBatch(1, stores, 'MIXED').promotions;
    globalThis.gc();
    globalThis.gc();
    result.heapBytesPerPromotion = (performance.memory.usedJSHeapSize - before) / kept.length;
  }
  return result;
}

/**
 * Object mode in Chromium for each of `sizes`: promotions/s on the same stores again and on new stores each call,
 * and heap bytes per kept promotion at the largest size. Returns `{ version, sizes }`, or `{ skipped }` with the
 * reason when Chromium cannot be launched.
 */
export async function benchChromium(sizes, timingFor) {
  let browser;
  try {
    browser = await launchChromium(['--js-flags=--expose-gc', '--enable-precise-memory-info']);
  } catch (error) {
    return { skipped: `Chromium did not start (${CHROMIUM}): ${String(error.message).split('\n')[0]}` };
  }
  const server = await serveDirectory(DIST);
  const { origin } = server;
  try {
    const largest = Math.max(...sizes);
    const measure = async (stores, newStores) => {
      const context = await browser.newContext();
      const page = await context.newPage();
      await page.goto(`${origin}/index.js`);
      const heap = !newStores && stores === largest;
      const result = await page.evaluate(measureInPage, {
        stores,
        newStores,
        timing: timingFor(stores),
        heap,
      });
      await context.close();
      return result;
    };
    const results = [];
    for (const stores of sizes) {
      const again = await measure(stores, false);
      const fresh = await measure(stores, true);
      results.push({ stores, ...again, newStores: fresh });
    }
    return { version: browser.version(), sizes: results };
  } finally {
    await server.close();
    await browser.close();
  }
}

/** Object mode in Chromium at {@link CHROMIUM_SIZES}, or `{ skipped }` with --no-chromium. */
export async function measure() {
  return process.argv.includes('--no-chromium')
    ? { skipped: '--no-chromium' }
    : await benchChromium(CHROMIUM_SIZES, timingFor);
}

/** The report's lines for the figures of {@link measure}. */
export function lines(chromium) {
  if (chromium.skipped) return [`Chromium: skipped (${chromium.skipped})`];
  const lines = [
    `Chromium ${chromium.version} (headless, pointer compression): object mode, each size and mode in a page of its own`,
    row(['stores', 'promotions/s', 'calls', 'new stores/s', 'calls', 'heap B/promo']),
  ];
  for (const s of chromium.sizes) {
    const heap = s.heapBytesPerPromotion === undefined ? '' : dec1.format(s.heapBytesPerPromotion);
    lines.push(
      row(
        [s.stores, s.perSecond, s.calls, s.newStores.perSecond, s.newStores.calls]
          .map(int.format)
          .concat(heap),
      ),
    );
  }
  return lines;
}

if (isMain(import.meta.url)) await main({ child: measure, run: measure, lines });
