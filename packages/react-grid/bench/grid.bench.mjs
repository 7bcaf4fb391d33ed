// What a person waits for in the browser, per scaling phase, in headless Chromium (Debian's /usr/bin/chromium, or
// CHROMIUM_PATH, through Playwright): bench/page/ is built with Vite against the built package (as a consumer's app
// would be), served on loopback, and opened once per phase and store count in a new browser context.
//
//   node bench/grid.bench.mjs [--stores=50,500,5000] [--phases=ag-grid,single,chunked,streaming,server] [--runs=5] [--json]
//
// Per phase and size it prints: time to the first rows on screen, time until every row is in the grid, the longest
// main-thread task while loading (Long Tasks API: tasks over 50 ms; for streaming also the longest one after the
// first rows were painted, while the rest arrive), and the JS heap after a forced GC at the end. Below 5,000 stores each
// case loads --runs times and the run with the median first rows is printed. `ag-grid` (at 50 stores) is the baseline
// that says how much of "first rows" is AG Grid's own start; streaming also prints each flush's cost, and phase 4
// the cache's own read time, so that every missed target comes with its cause.
// On the 150,000 rows of 5,000 stores it also times a column filter, the search box and a sort (from the call, or the
// text typed into the search box, until the grid has updated its model and painted a frame). Each figure is printed beside its target; never a test.
import { loadavg } from 'node:os';
import { median } from '@promoscale/generator/internal';
import { benchResult, benchUrl, openBenchPage, serveBenchPage } from './bench-page.mjs';
import { launchChromium } from './storybook-page.mjs';

const argv = process.argv.slice(2);
const option = (name, fallback) =>
  argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3) ?? fallback;
const SIZES = option('stores', '50,500,5000').split(',').map(Number);
const PHASES = option('phases', 'ag-grid,single,chunked,streaming,server').split(',');
const JSON_OUT = argv.includes('--json');
// Page loads per phase and size below 5,000 stores (a first paint varies by 100 ms and more from load to load on a
// 2-core machine): the run with the median time to first rows is printed, with the spread of all runs.
const RUNS = Math.max(1, Number(option('runs', '5')));
const MB = 1024 * 1024;

const TARGETS = {
  firstRowsAt50: 300,
  longestTaskStreaming5000: 50,
  filter: 150,
  sort: 300,
  heap150k: 350,
  nextBlock: 100,
  cachedBlock: 20,
};

const server = await serveBenchPage();
const { origin } = server;
const browser = await launchChromium();
const version = browser.version();
const results = [];
/** Stores → the baseline's (AG Grid alone) median time to first rows, for the "why" of a missed first-rows target. */
const baseline = new Map();

/** In the page (phase 4): scrolls to the next blocks, then purges the grid's blocks so IndexedDB answers them. */
async function timeBlocks() {
  const api = window.bench.api;
  const blocks = window.bench.blocks;
  const waitFor = (startRow, source) =>
    new Promise((ok, fail) => {
      const until = performance.now() + 30_000;
      const poll = () => {
        const hit = blocks.find((b) => b.startRow === startRow && b.source === source);
        if (hit) ok(hit.ms);
        else if (performance.now() > until) fail(new Error(`no ${source} block at ${startRow}`));
        else setTimeout(poll, 5);
      };
      poll();
    });
  const first = blocks.find((b) => b.startRow === 0)?.ms;
  const next = [];
  for (const startRow of [100, 200, 300]) {
    api.ensureIndexVisible(startRow + 50, 'top');
    next.push(await waitFor(startRow, 'network'));
  }
  const cached = [];
  // Cache writes wait until the grid has asked for nothing for a moment: as a person who comes back to the grid,
  // purge once the four blocks read so far are in IndexedDB.
  const until = performance.now() + 30_000;
  while ((await window.bench.cachedBlocks()) < 4) {
    if (performance.now() > until) throw new Error('the cache did not hold the 4 blocks read within 30 s');
    await new Promise((ok) => setTimeout(ok, 20));
  }
  api.ensureIndexVisible(0, 'top');
  api.purgeInfiniteCache();
  cached.push(await waitFor(0, 'cache'));
  for (const startRow of [100, 200]) {
    api.ensureIndexVisible(startRow + 50, 'top');
    cached.push(await waitFor(startRow, 'cache'));
  }
  // The same blocks read straight from IndexedDB once the page is quiet: the cache's own part of the times above.
  await new Promise((ok) => setTimeout(ok, 500));
  const quiet = [];
  for (const startRow of [0, 100, 200]) quiet.push(await window.bench.readCachedBlock(startRow));
  return { first, next, cached, quiet };
}

/** In the page: times `action` until the grid's next modelUpdated event and the frame painted after it. */
async function timeGridAction(kind) {
  const api = window.bench.api;
  const painted = () => new Promise((ok) => requestAnimationFrame(() => setTimeout(ok, 0)));
  const time = async (action) => {
    const updated = new Promise((ok, fail) => {
      const once = () => {
        clearTimeout(timer);
        api.removeEventListener('modelUpdated', once);
        ok();
      };
      // Never hang the bench: a grid that does not update within 60 s is reported as such.
      const timer = setTimeout(() => fail(new Error(`${kind}: the grid did not update within 60 s`)), 60_000);
      api.addEventListener('modelUpdated', once);
    });
    const started = performance.now();
    action();
    await updated;
    await painted();
    return performance.now() - started;
  };
  // Each action runs three times (undone in between); Node reports their median (withMedian).
  const median3 = async (apply, undo) => {
    const times = [];
    let rows = 0;
    for (let i = 0; i < 3; i += 1) {
      times.push(await time(apply));
      rows = api.getDisplayedRowCount();
      await time(undo);
    }
    return { rows, runs: times };
  };
  if (kind === 'filter') {
    return median3(
      () => api.setFilterModel({ roi: { filterType: 'number', type: 'lessThan', filter: 0 } }),
      () => api.setFilterModel(null),
    );
  }
  if (kind === 'search') {
    // As a person does it: the text goes into PromotionsGrid's search box (React's onChange), and the wait ends when
    // the grid has filtered and painted.
    const box = document.querySelector('input[type="search"]');
    const type = (text) => {
      Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set.call(box, text);
      box.dispatchEvent(new Event('input', { bubbles: true }));
    };
    return median3(
      () => type('cola'),
      () => type(''),
    );
  }
  return median3(
    () => api.applyColumnState({ state: [{ colId: 'revenue', sort: 'desc' }], defaultState: { sort: null } }),
    () => api.applyColumnState({ defaultState: { sort: null } }),
  );
}

/** A grid action's timed runs (from the page) with their median as `ms`. */
function withMedian(action) {
  return { ms: median(action.runs), ...action };
}

try {
  for (const stores of SIZES) {
    // The baseline (AG Grid alone) is measured where the first-rows target applies.
    // and, at 5,000 stores, for the filter and sort times of AG Grid alone on the same 150,000 rows.
    for (const phase of PHASES.filter((p) => p !== 'ag-grid' || stores <= 50 || stores >= 5000)) {
      const runs = stores >= 5000 ? 1 : RUNS;
      const rows = [];
      for (let run = 0; run < runs; run += 1) {
        const { context, page } = await openBenchPage(browser);
        const cdp = await context.newCDPSession(page);
        await page.goto(benchUrl(origin, phase, stores));
        const { result, error, started, longTasks } = await benchResult(page);
        if (error) throw new Error(`${phase} ${stores}: ${error}`);
        // Phase 4 never holds every row: its load ends with the first block on screen.
        const end = started + (Number.isFinite(result.allRowsMs) ? result.allRowsMs : result.firstRowsMs);
        const longestTaskMs = Math.max(0, ...longTasks.filter(([at]) => at <= end).map(([, ms]) => ms));
        // While rows arrive: the tasks that started after the first rows were painted (the page's start, the grid's
        // first mount and its first rows are in "first rows").
        const arriving = longTasks.filter(([at]) => at >= started + result.firstRowsMs && at <= end);
        const arrivingTaskMs = Math.max(0, ...arriving.map(([, ms]) => ms));
        await cdp.send('HeapProfiler.collectGarbage');
        const { usedSize } = await cdp.send('Runtime.getHeapUsage');
        const row = { phase, stores, ...result, longestTaskMs, arrivingTaskMs, heapMb: usedSize / MB };
        if (phase === 'streaming') row.flushes = await page.evaluate(() => window.bench.flushes);
        if (phase === 'server' && run === runs - 1) row.blocks = await page.evaluate(timeBlocks);
        if (stores >= 5000 && (phase === 'single' || phase === 'ag-grid') && run === runs - 1) {
          for (const kind of phase === 'single' ? ['filter', 'search', 'sort'] : ['filter', 'sort'])
            row[kind] = withMedian(await page.evaluate(timeGridAction, kind));
        }
        rows.push(row);
        await context.close();
      }
      const byFirstRows = [...rows].sort((a, b) => a.firstRowsMs - b.firstRowsMs);
      const last = rows.at(-1);
      // A whole run is printed, so this picks one (the lower middle of an even count), not a mean of two runs.
      const medianRun = {
        ...byFirstRows[Math.floor((rows.length - 1) / 2)],
        ...(last.blocks && { blocks: last.blocks }),
        ...Object.fromEntries(['filter', 'search', 'sort'].filter((k) => last[k]).map((k) => [k, last[k]])),
        firstRowsRuns: rows.map((r) => r.firstRowsMs),
      };
      results.push(medianRun);
      if (phase === 'ag-grid') baseline.set(stores, medianRun);
      if (!JSON_OUT) print(medianRun);
    }
  }
} finally {
  await browser.close();
  await server.close();
}

function fmt(n, digits = 0) {
  return Number.isFinite(n)
    ? n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits })
    : '—';
}

function verdict(value, target) {
  return value <= target ? `meets <= ${target}` : `MISSES <= ${target}`;
}

function print(r) {
  const notes = [];
  if (r.firstRowsRuns.length > 1)
    notes.push(
      `first rows median of ${r.firstRowsRuns.length} (${r.firstRowsRuns.map((ms) => fmt(ms)).join(', ')} ms)`,
    );
  if (r.stores === 50) {
    notes.push(`first rows ${verdict(r.firstRowsMs, TARGETS.firstRowsAt50)} ms`);
    if (r.phase === 'ag-grid')
      notes.push('baseline: AG Grid alone, same columns and modules, rows generated before the page renders');
    else if (r.firstRowsMs > TARGETS.firstRowsAt50) {
      const alone = baseline.get(r.stores)?.firstRowsMs;
      notes.push(
        `why: ${alone === undefined ? 'AG Grid starting in the page (run the ag-grid baseline to see its share)' : `AG Grid alone takes ${fmt(alone)} ms to its first rows on this page (baseline above)${r.firstRowsMs >= alone ? `, ${fmt(r.firstRowsMs - alone)} ms are ours` : ''}`}` +
          (Number.isFinite(r.loaderFirstRowsMs)
            ? `; the loader handed rows over ${fmt(r.loaderFirstRowsMs)} ms after it started`
            : ''),
      );
    }
  }
  if (r.stores === 5000 && r.phase === 'streaming') {
    notes.push(
      `longest task while rows arrive ${fmt(r.arrivingTaskMs)} ms (${verdict(r.arrivingTaskMs, TARGETS.longestTaskStreaming5000)})` +
        (r.longestTaskMs > r.arrivingTaskMs
          ? '; the longest task overall is the page starting and mounting AG Grid'
          : ''),
    );
    if (r.flushes?.length) {
      const times = r.flushes.map((f) => f.ms);
      const longest = r.flushes.reduce((a, b) => (b.ms > a.ms ? b : a));
      const late = r.flushes.filter((f) => f.rowsHeld >= 0.9 * r.rowsInGrid).map((f) => f.ms);
      notes.push(
        `${r.flushes.length} flushes into the grid: median ${fmt(median(times))} ms, ` +
          `over the last 10% of rows median ${fmt(median(late))} ms, longest ${fmt(longest.ms)} ms with ${fmt(longest.rowsHeld)} rows held`,
      );
      if (r.arrivingTaskMs > TARGETS.longestTaskStreaming5000)
        notes.push(
          'why: AG Grid passes over every row it holds at each flush (decision 0010), so a flush late in the stream costs most of the budget; a task longer than the flush itself also ran a garbage collection or decoded a chunk',
        );
    }
  }
  if (r.rowsInGrid >= 150_000) notes.push(`heap ${verdict(r.heapMb, TARGETS.heap150k)} MB`);
  console.log(
    `${r.phase.padEnd(10)} ${fmt(r.stores).padStart(6)} stores  first rows ${fmt(r.firstRowsMs).padStart(6)} ms` +
      `  all rows ${fmt(r.allRowsMs).padStart(6)} ms  rows ${fmt(r.rowsInGrid).padStart(7)}` +
      `  longest task ${fmt(r.longestTaskMs).padStart(5)} ms  heap ${fmt(r.heapMb, 1).padStart(6)} MB  ${notes.join('; ')}`,
  );
  if (r.blocks) {
    const next = median(r.blocks.next);
    const cached = median(r.blocks.cached);
    console.log(
      `           blocks of 100 rows through MSW (no latency profile): first ${fmt(r.blocks.first)} ms; next block` +
        ` ${r.blocks.next.map((ms) => fmt(ms)).join(', ')} ms (median ${verdict(next, TARGETS.nextBlock)});` +
        ` from IndexedDB ${r.blocks.cached.map((ms) => fmt(ms, 1)).join(', ')} ms (median ${verdict(cached, TARGETS.cachedBlock)})` +
        `; the same blocks read from IndexedDB on the quiet page ${r.blocks.quiet.map((ms) => fmt(ms, 1)).join(', ')} ms` +
        (cached > TARGETS.cachedBlock
          ? '; why: the rest is the main thread busy with the grid redrawing after the purge before the read is answered'
          : ''),
    );
  }
  if (r.filter) {
    const alone = r.phase === 'ag-grid' ? null : baseline.get(r.stores);
    const parts = [
      `filter roi < 0 ${fmt(r.filter.ms)} ms (${fmt(r.filter.rows)} rows, ${verdict(r.filter.ms, TARGETS.filter)})`,
      r.search &&
        `search box "cola" ${fmt(r.search.ms)} ms (${fmt(r.search.rows)} rows, ${verdict(r.search.ms, TARGETS.filter)})`,
      `sort revenue desc ${fmt(r.sort.ms)} ms (${verdict(r.sort.ms, TARGETS.sort)})`,
    ].filter(Boolean);
    const missed =
      r.filter.ms > TARGETS.filter || (r.search?.ms ?? 0) > TARGETS.filter || r.sort.ms > TARGETS.sort;
    if (missed && alone?.filter)
      parts.push(
        `why: AG Grid alone on the same rows (baseline) filters in ${fmt(alone.filter.ms)} ms and sorts in ${fmt(alone.sort.ms)} ms ` +
          '(its sort compares through the column comparator; ours reads each value once, decision 0008): the rest of a filter is AG Grid positioning every row',
      );
    console.log(`           150,000 rows, median of 3 each: ${parts.join('; ')}`);
  }
}

if (JSON_OUT) console.log(JSON.stringify({ chromium: version, results }, null, 2));
else {
  const load = loadavg()
    .map((n) => n.toFixed(1))
    .join(' ');
  console.log(
    `Chromium ${version}; one page load per row (a new browser context each); load average ${load}.`,
  );
}
