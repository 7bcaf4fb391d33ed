// The object-mode measurement of generator.bench.mjs, run in headless Chromium: the built package served over a
// local HTTP server and imported by a page, each size and mode in a page of its own (a new browser context). Chromium's V8 compresses pointers, so rows are smaller there than in Node 20: the figures that the
// dashboards built on promoscale see. Uses Debian's Chromium (CHROMIUM_PATH to override) through Playwright, as the
// browser tests do; without it, the section says why it was skipped.

import { readFile } from 'node:fs/promises';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--no-first-run',
];

/**
 * Runs in the page: processBatch(1, n) again and again, or on new stores each call, for `warmupMs` then at least
 * `minMs` and `minCalls` calls; with `heap`, also the heap growth per promotion of one kept batch (after gc).
 * Self-contained on purpose: Playwright sends this function's source to the page, so it cannot call
 * generator.bench.mjs's measureThroughput, whose loop it repeats.
 */
export async function measureInPage({ stores, newStores, timing, heap }) {
  const { processBatch } = await import('/generator.js');
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
 * Serves the built package's entry at /generator.js, the other files of dist/ (the chunks it imports) at their
 * names, and an empty page at every other path.
 */
export async function serveGenerator() {
  const entry = fileURLToPath(import.meta.resolve('@promoscale/generator'));
  const dist = path.dirname(entry);
  const server = http.createServer(async (request, response) => {
    const name = request.url === '/generator.js' ? path.basename(entry) : (request.url ?? '').slice(1);
    if (/^[\w.-]+\.js$/.test(name)) {
      try {
        const source = await readFile(path.join(dist, name));
        response.writeHead(200, { 'content-type': 'text/javascript' });
        response.end(source);
      } catch {
        response.writeHead(404, { 'content-type': 'text/plain' });
        response.end('not found');
      }
    } else {
      response.writeHead(200, { 'content-type': 'text/html' });
      response.end('<!doctype html><title>promoscale bench</title>');
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, origin: `http://127.0.0.1:${server.address().port}` };
}

/**
 * Object mode in Chromium for each of `sizes`: promotions/s on the same stores again and on new stores each call,
 * and heap bytes per kept promotion at the largest size. Returns `{ version, sizes }`, or `{ skipped }` with the
 * reason when Chromium cannot be launched.
 */
export async function benchChromium(sizes, timingFor) {
  let browser;
  try {
    const { chromium } = await import('playwright');
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [...ARGS, '--js-flags=--expose-gc', '--enable-precise-memory-info'],
    });
  } catch (error) {
    return { skipped: `Chromium did not start (${CHROMIUM}): ${String(error.message).split('\n')[0]}` };
  }
  const { server, origin } = await serveGenerator();
  try {
    const largest = Math.max(...sizes);
    const measure = async (stores, newStores) => {
      const context = await browser.newContext();
      const page = await context.newPage();
      await page.goto(origin);
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
    server.close();
    await browser.close();
  }
}
