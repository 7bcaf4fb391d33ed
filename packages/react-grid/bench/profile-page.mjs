// Where the bench page's long main-thread tasks go: opens bench/page/ (unminified, so function names survive) for
// one phase and store count in headless Chromium with a DevTools trace (timeline events + V8's CPU sampler), then
// prints every main-thread task over --min-ms (default 50) until all rows were in the grid, each with what ran in it:
// the trace's top-level events (timers, messages, animation frames, GC, layout, paint) and the JavaScript functions
// with the most samples, by self time and by inclusive time (one count per function per sample). A summary over
// all those tasks follows. Never a test; the profiler's own cost makes the tasks somewhat longer than unprofiled.
//
//   node bench/profile-page.mjs [--phase=streaming] [--stores=5000] [--min-ms=50] [--top=12] [--trace=file.json]
//                               [--tasks=N] [--window=all] [--samples=off] [--story=<story id>] [--query=&flushRows=N]
//
// `--window=all` keeps the tasks after the load too; `--tasks=N` prints the N longest tasks in detail (default 6).
// Each task shows its wall time and its thread's CPU time: on a machine shared with other work the CPU time is the
// steadier figure to compare. `--story=<id>` traces a story of storybook-static/ instead (minified) on a warm page,
// while a new seed loads, as bench/phases.bench.mjs measures it.
import { writeFile } from 'node:fs/promises';
import { benchResult, benchUrl, openBenchPage, serveBenchPage } from './bench-page.mjs';
import { launchChromium, serveStorybook, storyLoaded, storyUrl } from './storybook-page.mjs';

const argv = process.argv.slice(2);
const option = (name, fallback) =>
  argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3) ?? fallback;
const PHASE = option('phase', 'streaming');
const STORES = Number(option('stores', '5000'));
const MIN_MS = Number(option('min-ms', '50'));
const TOP = Number(option('top', '12'));
const DETAIL = Number(option('tasks', '6'));
const TRACE_FILE = option('trace', '');
const WHOLE = option('window', 'load') === 'all';
// --samples=off leaves V8's sampler out: the tasks' wall and CPU times without its cost (no function lists).
const SAMPLES = option('samples', 'on') !== 'off';

const CATEGORIES = [
  'toplevel',
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'blink.user_timing',
  'v8.execute',
  'disabled-by-default-v8.gc',
  ...(SAMPLES ? ['disabled-by-default-v8.cpu_profiler'] : []),
];
// Timeline events that say what kind of work a task did (the rest nest inside these or are bookkeeping).
const KINDS = new Set([
  'TimerFire',
  'FireAnimationFrame',
  'EventDispatch',
  'FunctionCall',
  'RunMicrotasks',
  'EvaluateScript',
  'v8.evaluateModule',
  'MajorGC',
  'MinorGC',
  'V8.GC_SCAVENGER',
  'V8.GC_MARK_COMPACTOR',
  'Layout',
  'UpdateLayoutTree',
  'PrePaint',
  'Paint',
  'Layerize',
  'ParseHTML',
  'HandlePostMessage',
]);

/** The bench page for --phase and --stores, traced from navigation until every row is in the grid. */
async function traceBenchPage() {
  const { context, page } = await openBenchPage(browser);
  await browser.startTracing(page, { categories: CATEGORIES });
  await page.goto(benchUrl(server.origin, PHASE, STORES, option('query', '')));
  const outcome = await benchResult(page);
  const sync = await page.evaluate(() => performance.mark('profile-page:sync').startTime);
  const trace = JSON.parse((await browser.stopTracing()).toString('utf8'));
  await context.close();
  return { trace, sync, outcome };
}

/**
 * A story of the built Storybook (storybook-static/, minified) with `stores: --stores`: loaded once, then traced
 * on the warm page while a new seed loads (as bench/phases.bench.mjs measures it), until the count line shows
 * every row.
 */
async function traceStory(id) {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.goto(storyUrl(server.origin, id, { stores: STORES }, { 'a11y.manual': '!true' }));
  const before = await storyLoaded(page, STORES * 30, null);
  await browser.startTracing(page, { categories: CATEGORIES });
  const started = await page.evaluate((storyId) => {
    const at = performance.now();
    globalThis.__STORYBOOK_ADDONS_CHANNEL__.emit('updateStoryArgs', { storyId, updatedArgs: { seed: 7 } });
    return at;
  }, id);
  await storyLoaded(page, STORES * 30, before);
  const ended = await page.evaluate(() => performance.now());
  const sync = await page.evaluate(() => performance.mark('profile-page:sync').startTime);
  const trace = JSON.parse((await browser.stopTracing()).toString('utf8'));
  await page.close();
  return { trace, sync, outcome: { started, result: { allRowsMs: ended - started }, skipBefore: started } };
}

const STORY = option('story', '');
const browser = await launchChromium();
const server = STORY ? await serveStorybook() : await serveBenchPage({ minify: false });
let trace;
let sync;
let outcome;
try {
  if (STORY) ({ trace, sync, outcome } = await traceStory(STORY));
  else ({ trace, sync, outcome } = await traceBenchPage());
} finally {
  await browser.close();
  await server.close();
}
if (outcome.error) throw new Error(`${PHASE} ${STORES}: ${outcome.error}`);
if (TRACE_FILE) await writeFile(TRACE_FILE, JSON.stringify(trace));

const events = trace.traceEvents ?? trace;
const syncEvent = events.find((e) => e.name === 'profile-page:sync');
if (!syncEvent) throw new Error('the sync mark is not in the trace (blink.user_timing)');
const { pid } = syncEvent;
// Trace microseconds of the page's performance.now() = 0.
const origin = syncEvent.ts - sync * 1000;
const pageMs = (ts) => (ts - origin) / 1000;
const mainTid = events.find(
  (e) => e.ph === 'M' && e.pid === pid && e.name === 'thread_name' && e.args?.name === 'CrRendererMain',
)?.tid;
const { result, started } = outcome;
const end = WHOLE ? Number.POSITIVE_INFINITY : started + (result.allRowsMs ?? result.firstRowsMs);

// Main-thread tasks: top-level RunTask events.
const onMain = events.filter((e) => e.pid === pid && e.tid === mainTid && e.ph === 'X');
const tasks = onMain
  .filter((e) => e.name === 'RunTask' || e.name === 'ThreadControllerImpl::RunTask')
  .sort((a, b) => a.ts - b.ts);
const topTasks = [];
for (const task of tasks) {
  const last = topTasks.at(-1);
  if (last && task.ts < last.ts + last.dur) continue;
  topTasks.push(task);
}
const from = outcome.skipBefore ?? Number.NEGATIVE_INFINITY;
const inWindow = (t) => pageMs(t.ts) >= from && pageMs(t.ts) <= end;
const long = topTasks.filter(
  (t) => (t.dur >= MIN_MS * 1000 || (t.tdur ?? 0) >= MIN_MS * 1000) && inWindow(t),
);
const cpuMs = (t) => (t.tdur ?? Number.NaN) / 1000;

// The main thread's CPU profile: nodes and samples from the ProfileChunk events of its Profile.
const profileIds = new Set(
  events.filter((e) => e.name === 'Profile' && e.pid === pid && e.tid === mainTid).map((e) => e.id),
);
const nodes = new Map();
const samples = [];
for (const e of events) {
  if (e.name === 'Profile' && profileIds.has(e.id)) samples.time ??= e.args.data.startTime;
}
let clock = null;
for (const e of events.filter((x) => x.name === 'ProfileChunk' && profileIds.has(x.id))) {
  const data = e.args.data;
  for (const node of data.cpuProfile?.nodes ?? []) nodes.set(node.id, node);
  const ids = data.cpuProfile?.samples ?? [];
  const deltas = data.timeDeltas ?? [];
  clock ??= samples.time;
  for (let i = 0; i < ids.length; i++) {
    clock += deltas[i] ?? 0;
    samples.push([clock, ids[i]]);
  }
}
const parents = new Map();
for (const node of nodes.values()) if (node.parent !== undefined) parents.set(node.id, node.parent);
for (const node of nodes.values())
  for (const child of node.children ?? []) if (!parents.has(child)) parents.set(child, node.id);

const frameName = (node) => {
  const { functionName, url, lineNumber } = node.callFrame;
  const file = url ? url.replace(/^.*\//, '').replace(/\?.*$/, '') : '';
  return `${functionName || '(anonymous)'}${file ? ` ${file}:${(lineNumber ?? 0) + 1}` : ''}`;
};
const stackOf = (id) => {
  const stack = [];
  for (let at = id; at !== undefined; at = parents.get(at)) {
    const node = nodes.get(at);
    if (!node) break;
    stack.push(node);
  }
  return stack;
};

function samplesIn(from, to) {
  const self = new Map();
  const inclusive = new Map();
  let count = 0;
  let previous = null;
  for (const [ts, id] of samples) {
    if (ts < from || ts > to) {
      previous = ts;
      continue;
    }
    // Each sample stands for the time since the one before it.
    const weight = previous === null ? 0 : Math.min(ts - previous, 10_000) / 1000;
    previous = ts;
    const stack = stackOf(id);
    if (stack.length === 0) continue;
    count += 1;
    const leaf = frameName(stack[0]);
    self.set(leaf, (self.get(leaf) ?? 0) + weight);
    for (const name of new Set(stack.map(frameName)))
      inclusive.set(name, (inclusive.get(name) ?? 0) + weight);
  }
  return { self, inclusive, count };
}

function childKinds(task) {
  const kinds = new Map();
  const stop = task.ts + task.dur;
  for (const e of onMain) {
    if (e.ts < task.ts || e.ts + (e.dur ?? 0) > stop || !KINDS.has(e.name)) continue;
    const detail =
      e.name === 'EventDispatch'
        ? ` ${e.args?.data?.type}`
        : e.name === 'FunctionCall'
          ? ` ${e.args?.data?.functionName || ''}`
          : '';
    const key = `${e.name}${detail}`;
    const entry = kinds.get(key) ?? { ms: 0, n: 0 };
    entry.ms += (e.dur ?? 0) / 1000;
    entry.n += 1;
    kinds.set(key, entry);
  }
  return kinds;
}

const ms = (n) => n.toFixed(1).padStart(7);
const topOf = (map, n) => [...map.entries()].sort((a, b) => b[1] - a[1]).slice(0, n);

console.log(
  `${STORY || PHASE} ${STORES.toLocaleString('en-US')} stores: first rows ${result.firstRowsMs?.toFixed(0) ?? '—'} ms, all rows ` +
    `${result.allRowsMs?.toFixed(0)} ms (page time, profiled); ${topTasks.filter(inWindow).length} main-thread tasks, ` +
    `${long.length} of them >= ${MIN_MS} ms by wall or CPU time (longest ${ms(Math.max(0, ...long.map((t) => t.dur / 1000))).trim()} ms wall, ` +
    `${ms(Math.max(0, ...long.map(cpuMs))).trim()} ms CPU; ${long.filter((t) => cpuMs(t) >= MIN_MS).length} >= ${MIN_MS} ms CPU); ` +
    `main thread CPU ${topTasks
      .filter(inWindow)
      .reduce((n, t) => n + (t.tdur ?? 0) / 1000, 0)
      .toFixed(0)} ms; ` +
    `${samples.length} CPU samples`,
);
const sumSelf = new Map();
const sumInclusive = new Map();
const sumKinds = new Map();
for (const task of long) {
  const { self, inclusive } = samplesIn(task.ts, task.ts + task.dur);
  for (const [k, v] of self) sumSelf.set(k, (sumSelf.get(k) ?? 0) + v);
  for (const [k, v] of inclusive) sumInclusive.set(k, (sumInclusive.get(k) ?? 0) + v);
  for (const [k, v] of childKinds(task)) sumKinds.set(k, (sumKinds.get(k) ?? 0) + v.ms);
}
const detailed = [...long].sort((a, b) => cpuMs(b) - cpuMs(a)).slice(0, DETAIL);
// While rows arrive: the tasks after the first rows were painted (as grid.bench.mjs reports them).
const arriving = topTasks.filter(
  (t) => inWindow(t) && Number.isFinite(result.firstRowsMs) && pageMs(t.ts) >= started + result.firstRowsMs,
);
if (arriving.length > 0)
  console.log(
    `while rows arrive (after the first rows were painted): ${arriving.length} tasks, longest ` +
      `${Math.max(...arriving.map((t) => t.dur / 1000)).toFixed(1)} ms wall, ${Math.max(...arriving.map(cpuMs)).toFixed(1)} ms CPU; ` +
      `${arriving.filter((t) => cpuMs(t) >= MIN_MS).length} >= ${MIN_MS} ms CPU; CPU ${arriving.reduce((n, t) => n + cpuMs(t), 0).toFixed(0)} ms`,
  );
console.log(
  `tasks (page ms: wall/CPU ms): ${long.map((t) => `${pageMs(t.ts).toFixed(0)}: ${(t.dur / 1000).toFixed(0)}/${cpuMs(t).toFixed(0)}`).join(', ')}`,
);
for (const task of detailed.sort((a, b) => a.ts - b.ts)) {
  console.log(
    `\ntask at ${pageMs(task.ts).toFixed(0)} ms: ${ms(task.dur / 1000).trim()} ms wall, ${ms(cpuMs(task)).trim()} ms CPU`,
  );
  const kinds = topOf(new Map([...childKinds(task)].map(([k, v]) => [`${k} ×${v.n}`, v.ms])), 8);
  console.log(`  events: ${kinds.map(([k, v]) => `${k} ${v.toFixed(1)}`).join('; ')}`);
  const { self, inclusive } = samplesIn(task.ts, task.ts + task.dur);
  console.log('  inclusive ms:');
  for (const [name, v] of topOf(inclusive, TOP)) console.log(`   ${ms(v)}  ${name}`);
  console.log('  self ms:');
  for (const [name, v] of topOf(self, TOP)) console.log(`   ${ms(v)}  ${name}`);
}
if (long.length > 0) {
  const total = long.reduce((n, t) => n + t.dur / 1000, 0);
  console.log(`\nall ${long.length} tasks >= ${MIN_MS} ms: ${total.toFixed(0)} ms`);
  console.log(
    `  events: ${topOf(sumKinds, 10)
      .map(([k, v]) => `${k} ${v.toFixed(0)}`)
      .join('; ')}`,
  );
  console.log('  inclusive ms:');
  for (const [name, v] of topOf(sumInclusive, TOP * 2)) console.log(`   ${ms(v)}  ${name}`);
  console.log('  self ms:');
  for (const [name, v] of topOf(sumSelf, TOP)) console.log(`   ${ms(v)}  ${name}`);
}
