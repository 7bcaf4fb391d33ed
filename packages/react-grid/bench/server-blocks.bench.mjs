// Phase 4 block latency, printed (never a pass/fail test): the "Database backend phase · 5,000 stores" story of
// the built Storybook in headless Debian Chromium, MSW latency off, live updates off. Each figure is the grid's
// own "Rows N–M in X ms" line: from AG Grid asking for a block to the rows handed to it.
//   cold: the first visit (the IndexedDB cache is empty: every block comes from the MSW handlers);
//   cache: the same page reloaded (every block comes from IndexedDB, then is revalidated in the background).
//
//   pnpm build-storybook                                   # at the repository root
//   node packages/react-grid/bench/server-blocks.bench.mjs [--blocks=10]

import { median } from '@promoscale/generator/internal';
import { launchChromium, serveStorybook, storyUrl } from './storybook-page.mjs';

const blocks = Number(process.argv.find((a) => a.startsWith('--blocks='))?.slice(9) ?? 10);
const STORY = 'scaling-phases-phase-4-database-backend--database-phase-5000-stores';
const ROW_HEIGHT = 34;
const server = await serveStorybook();
const url = storyUrl(server.origin, STORY, { latency: 'none', liveIntervalMs: 0, kpis: '!false' });
const browser = await launchChromium();

/** Reads "Rows N–M in X ms (source)" once the block starting at 0-based row `startRow` is shown. */
async function blockLine(page, startRow) {
  const line = page.getByTestId('last-block');
  await line
    .filter({ hasText: `Rows ${(startRow + 1).toLocaleString('en-US')}–` })
    .waitFor({ timeout: 60_000 });
  const text = await line.textContent();
  const [, ms, source] = /in ([\d.]+) ms \(([^)]+)\)/.exec(text) ?? [];
  return { ms: Number(ms), source };
}

async function walk(page) {
  const first = await blockLine(page, 0);
  const next = [];
  for (let block = 1; block <= blocks; block++) {
    await page.evaluate(
      (top) => {
        const viewport = document.querySelector('.ag-grid-viewport');
        viewport.scrollTop = top;
        viewport.dispatchEvent(new Event('scroll'));
      },
      (block * 100 + 5) * ROW_HEIGHT,
    );
    next.push(await blockLine(page, block * 100));
  }
  return { first, next };
}

try {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.goto(url);
  const cold = await walk(page);
  // Let the last blocks reach IndexedDB, then visit again.
  await page.waitForTimeout(500);
  await page.reload();
  const warm = await walk(page);
  const version = browser.version();
  const line = (label, values, target) => {
    const ms = Math.round(median(values.map((v) => v.ms)) * 10) / 10;
    const sources = [...new Set(values.map((v) => v.source))].join(', ');
    const verdict =
      target === undefined
        ? ''
        : ms <= target
          ? `  target <= ${target} ms: met`
          : `  target <= ${target} ms: NOT met`;
    console.log(
      `  ${label.padEnd(44)} median ${String(ms).padStart(7)} ms  (${values.length} blocks, ${sources})${verdict}`,
    );
  };
  console.log(
    `@promoscale/react-grid phase 4 blocks (Chromium ${version}, 5,000 stores, 100-row blocks, MSW latency off)`,
  );
  line('first block, cold (MSW generates the page)', [cold.first]);
  line('next block, cold (from the MSW handlers)', cold.next, 100);
  line('first block, from the IndexedDB cache', [warm.first]);
  line('next block, from the IndexedDB cache', warm.next, 20);
} finally {
  await browser.close();
  await server.close();
}
