// The generator's object mode in the three browser engines, side by side: Chromium (bench/chromium.bench.mjs, through
// Playwright), Firefox ESR (puppeteer-core, WebDriver BiDi) and WebKitGTK (webdriverio and WebKitWebDriver under
// Xvfb), both launched by test-support/browser-engines.mjs (decision 0013-browser-engines). For 50 and 5,000
// stores: promotions/s of processBatch(1, n, 'MIXED') on the same stores again and on new stores each call, with
// the loop of chromium.bench.mjs's measureInPage; heap bytes per kept promotion where the engine tells (Chromium's
// performance.memory; Firefox and WebKit expose no heap size to a page). An engine that cannot start prints why.
// Informational only: it never asserts.
//
// Run:  cd packages/generator && pnpm build && pnpm bench:browsers   (add --json for one JSON object)

import { fileURLToPath } from 'node:url';
import { launchEngine } from '../../../test-support/browser-engines.mjs';
import { serveDirectory } from '../../../test-support/browser-page.mjs';
import { benchChromium, measureInPage } from './chromium.bench.mjs';
import { dec1, int, timingFor } from './harness.mjs';

/** The built package: index.js imports the chunks tsup shares with ./internal, so the page gets the folder. */
const DIST = fileURLToPath(new URL('../dist/', import.meta.url));

const SIZES = [50, 5_000];
/** Firefox or WebKit: each size and mode after a fresh navigation of the one page. */
async function benchEngine(engine) {
  let session;
  try {
    session = await launchEngine(engine);
  } catch (error) {
    return { skipped: error.message };
  }
  const server = await serveDirectory(DIST);
  const { origin } = server;
  try {
    const sizes = [];
    for (const stores of SIZES) {
      const measure = async (newStores) => {
        await session.goto(`${origin}/?${engine}-${stores}-${newStores}`);
        return session.evaluate(measureInPage, {
          stores,
          newStores,
          timing: timingFor(stores),
          heap: !newStores && stores === Math.max(...SIZES),
        });
      };
      const again = await measure(false);
      sizes.push({ stores, ...again, newStores: await measure(true) });
    }
    return { version: session.version, sizes };
  } finally {
    await server.close();
    await session.close();
  }
}

function lines(label, result) {
  if (result.skipped) return [`${label}: skipped (${result.skipped})`];
  const out = [
    `${label} ${result.version}: object mode, processBatch(1, n, 'MIXED')`,
    '  stores  promotions/s  new stores/s  heap B/promo',
  ];
  for (const s of result.sizes) {
    const largest = s.stores === Math.max(...SIZES);
    const heap =
      s.heapBytesPerPromotion !== undefined
        ? dec1.format(s.heapBytesPerPromotion)
        : largest
          ? 'not told'
          : '';
    out.push(
      `  ${int.format(s.stores).padStart(6)}  ${int.format(s.perSecond).padStart(12)}  ${int
        .format(s.newStores.perSecond)
        .padStart(12)}  ${heap.padStart(12)}`,
    );
  }
  return out;
}

const results = {
  chromium: await benchChromium(SIZES, timingFor),
  firefox: await benchEngine('firefox'),
  webkit: await benchEngine('webkit'),
};
if (process.argv.includes('--json')) {
  console.log(JSON.stringify(results, null, 2));
} else {
  console.log(
    [
      'Browser engines (headless; each run shares this machine: compare engines within one run only)',
      ...lines('Chromium', results.chromium),
      ...lines('Firefox', results.firefox),
      ...lines('WebKit', results.webkit),
    ].join('\n'),
  );
}
