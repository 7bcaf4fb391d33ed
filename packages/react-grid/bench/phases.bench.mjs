// Each scaling phase's loader as a person meets it: the "Scaling phases" stories of the built Storybook
// (storybook-static/, `pnpm build-storybook` first), opened in headless Debian Chromium, one new page a run.
// Prints, per phase and store count: time to first rows and to all rows (the loader's own timings, from its
// start, as the story shows them) on the cold page and then on a warm one (a new seed through Storybook's args
// channel, median of --runs), the longest main-thread task while loading on the warm page (a PerformanceObserver
// of long tasks, which Chromium reports from 50 ms; "< 50" when there was none) and the JS heap at the end
// (performance.memory with precise memory info, after a GC). Never a test; the figures vary from run to run.
//
//   node bench/phases.bench.mjs [--runs=3] [--json]

import os from 'node:os';
import { median } from '@promoscale/generator/internal';
import { launchChromium, serveStorybook, storyLoaded, storyUrl } from './storybook-page.mjs';

const argv = process.argv.slice(2);
const RUNS = Number(argv.find((a) => a.startsWith('--runs='))?.slice(7) ?? 3);
const JSON_OUT = argv.includes('--json');
// --only=SINGLE_BATCH:5,STREAMING_ITERATOR:500 runs some cases.
const ONLY = argv
  .find((a) => a.startsWith('--only='))
  ?.slice(7)
  .split(',');
const P1 = 'scaling-phases-phase-1-single-batch--single-batch-phase-5-stores';
const P2 = 'scaling-phases-phase-2-chunked--chunked-phase-25-stores';
const P3 = 'scaling-phases-phase-3-streaming--streaming-phase-50-stores';
const CASES = [
  { phase: 'SINGLE_BATCH', story: P1, stores: 5 },
  { phase: 'SINGLE_BATCH', story: P1, stores: 10 },
  { phase: 'SINGLE_BATCH', story: P1, stores: 50 },
  { phase: 'CHUNKED_PROCESSING', story: P2, stores: 25 },
  { phase: 'CHUNKED_PROCESSING', story: P2, stores: 50 },
  { phase: 'CHUNKED_PROCESSING', story: P2, stores: 500 },
  { phase: 'STREAMING_ITERATOR', story: P3, stores: 50 },
  { phase: 'STREAMING_ITERATOR', story: P3, stores: 500 },
  { phase: 'STREAMING_ITERATOR', story: P3, stores: 5000 },
];

/** Installed before the page's scripts: records every long task. */
function observeLongTasks() {
  globalThis.__longTasks = [];
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries())
      globalThis.__longTasks.push({ start: entry.startTime, duration: entry.duration });
  }).observe({ type: 'longtask', buffered: true });
}

const parseMs = (text) => Number(text.replaceAll(',', ''));

const TIMINGS = /First rows after ([\d,.]+) ms, all rows after ([\d,.]+) ms/;

const browser = await launchChromium(['--js-flags=--expose-gc', '--enable-precise-memory-info']);
const { origin, close } = await serveStorybook();
const results = [];
try {
  for (const testCase of CASES.filter((c) => !ONLY || ONLY.includes(`${c.phase}:${c.stores}`))) {
    const rows = testCase.stores * 30;
    // One page a case: the cold load opens it, then each run changes the seed through Storybook's args channel:
    // a new spec on a warm page (nothing to abort: the previous load has finished).
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.addInitScript(observeLongTasks);
    // The a11y addon's axe run (the story tests' business) would land in the page's long tasks: not here.
    const url = storyUrl(origin, testCase.story, { stores: testCase.stores }, { 'a11y.manual': '!true' });
    await page.goto(url);
    let text = await storyLoaded(page, rows, null);
    const [, coldFirst] = TIMINGS.exec(text) ?? [];
    const runs = [];
    for (let run = 0; run < RUNS; run++) {
      await page.evaluate(
        ([storyId, seed]) => {
          globalThis.gc?.();
          globalThis.__loadStart = performance.now();
          globalThis.__STORYBOOK_ADDONS_CHANNEL__.emit('updateStoryArgs', { storyId, updatedArgs: { seed } });
        },
        [testCase.story, 1000 + run],
      );
      text = await storyLoaded(page, rows, text);
      const [, first, all] = TIMINGS.exec(text) ?? [];
      const figures = await page.evaluate(() => {
        globalThis.gc?.();
        return {
          // Only the tasks that started after the args change (not the GC before it).
          longest: Math.max(
            0,
            ...globalThis.__longTasks.filter((t) => t.start >= globalThis.__loadStart).map((t) => t.duration),
          ),
          heapMb: performance.memory ? performance.memory.usedJSHeapSize / 1_048_576 : null,
        };
      });
      runs.push({ firstMs: parseMs(first), allMs: parseMs(all), ...figures });
    }
    await page.close();
    process.stderr.write(`${testCase.phase} ${testCase.stores} stores done\n`);
    results.push({
      ...testCase,
      rows,
      coldFirstMs: parseMs(coldFirst),
      firstMs: median(runs.map((r) => r.firstMs)),
      allMs: median(runs.map((r) => r.allMs)),
      longestTaskMs: median(runs.map((r) => r.longest)),
      heapMb: median(runs.map((r) => r.heapMb ?? 0)),
      runs,
    });
  }
} finally {
  await close();
  await browser.close();
}

if (JSON_OUT) {
  console.log(JSON.stringify({ chromium: browser.version(), runs: RUNS, results }, null, 2));
} else {
  console.log(
    `@promoscale/react-grid phases bench (Chromium ${browser.version()}, ${os.cpus().length} CPUs, storybook-static, median of ${RUNS} runs on a warm page)`,
  );
  console.log(
    "first/all rows: handed to the grid, from the loader's start; warm page: a new seed through the",
  );
  console.log(
    "args channel (median); cold: the page's first load. Longest task: while loading, Chromium's >= 50 ms.",
  );
  console.log(
    'phase                stores     rows   cold first   first rows     all rows   longest task   JS heap',
  );
  for (const r of results) {
    const longest = r.longestTaskMs === 0 ? '< 50' : r.longestTaskMs.toFixed(0);
    console.log(
      `${r.phase.padEnd(19)} ${String(r.stores).padStart(7)} ${String(r.rows).padStart(8)} ${r.coldFirstMs.toFixed(1).padStart(9)} ms ${r.firstMs.toFixed(1).padStart(9)} ms ${r.allMs.toFixed(1).padStart(9)} ms ${longest.padStart(11)} ms ${r.heapMb.toFixed(1).padStart(6)} MB`,
    );
  }
}
