// pnpm --filter @promoscale/server bench: what the server costs on PGlite and on PostgreSQL at 50,000 stores
// (1.5 M promotions). Prints figures beside the issue's targets; it never passes or fails.
//   BENCH_STORES (50000)  BENCH_LOAD_SECONDS (30)  BENCH_LOAD_WARMUP_SECONDS (30: the same load first, unmeasured)
//   BENCH_DATABASES (postgres,pglite)  BENCH_INDEX_STUDY (1)
//   BENCH_EACH_QUERY (0; 1 prints each page query's first-run and cached latency)
//   BENCH_PGLITE_EXPORT_ROWS (200000: PGlite's export rate is taken over that many rows)
//   BENCH_PGLITE_DATA_DIR (a PGlite directory seeded earlier with the same spec: served as it is, kept)
//   BENCH_MAX_IN_FLIGHT (the server's --max-in-flight in the load test; 10000: as before the bound)
//   BENCH_MEMORY_LOG (0; 1: the server logs its heap / external / array-buffer memory every 5 s under load)
//   BENCH_SEED_ONLY (0; 1: each database's seed section only, e.g. for A/B runs of the bulk load)
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { createServerFetch, openDatabase, seedDatabase } from '../dist/index.js';
import { startPostgresCluster } from '../scripts/postgres-cluster.mjs';
import { PAGE_QUERIES } from './bench-queries.mjs';
import { createCpuAccount, lowestSeconds, postmasterOf } from './cpu-account.mjs';
import { FLAT_MB_PER_MIN, RESOLVED_MB_PER_MIN, rssTrend, rssVerdict } from './rss-trend.mjs';

const STORES = Number(process.env.BENCH_STORES ?? 50_000);
const LOAD_SECONDS = Number(process.env.BENCH_LOAD_SECONDS ?? 30);
const LOAD_WARMUP_SECONDS = Number(process.env.BENCH_LOAD_WARMUP_SECONDS ?? 30);
const DATABASES = (process.env.BENCH_DATABASES ?? 'postgres,pglite').split(',');
const INDEX_STUDY = process.env.BENCH_INDEX_STUDY !== '0';
const SEED_ONLY = process.env.BENCH_SEED_ONLY === '1';
// A PGlite export streams a few thousand rows/s: its rate is taken over the first rows, not all 1.5 M.
// The server prints its memory by kind (heap, external, array buffers) every 5 s during the load test.
const MEMORY_LOG = process.env.BENCH_MEMORY_LOG === '1';
const MEMORY_LOG_SCRIPT = fileURLToPath(new URL('./memory-log.cjs', import.meta.url));
const PGLITE_EXPORT_ROWS = Number(process.env.BENCH_PGLITE_EXPORT_ROWS ?? 200_000);
// A PGlite directory seeded earlier with the same spec (BENCH_STORES, seed 42, MIXED) is served as it is, kept.
const PGLITE_DATA_DIR = process.env.BENCH_PGLITE_DATA_DIR || undefined;
// The server's --max-in-flight in the load test (unset: its default); 10000 is the server before the bound.
const MAX_IN_FLIGHT = process.env.BENCH_MAX_IN_FLIGHT || undefined;
/** autocannon's timeout: 10 s past the server's request deadline (30 s by default). */
const CLIENT_TIMEOUT_SECONDS = 40;
const SPEC = { seed: 42, stores: STORES, templates: 'MIXED' };
const CLI = fileURLToPath(new URL('../dist/cli.js', import.meta.url));
const ORIGIN = 'http://bench.local';

const fmt = (n, digits = 0) =>
  n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
const quantile = (values, q) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? Number.NaN;
};
const line = (label, value, target = '') =>
  console.log(`  ${label.padEnd(46)} ${String(value).padEnd(30)} ${target}`);

async function seed(db, name, reuse = false) {
  // PostgreSQL's processes run here (the bench's cluster): their CPU is read from /proc beside Node's.
  const postmaster = name === 'postgres' ? await postmasterOf(db) : undefined;
  const tempBefore = name === 'postgres' ? await tempFiles(db) : undefined;
  const cpu = createCpuAccount(postmaster);
  const { outcome, timings } = await seedDatabase(db, SPEC, {
    replace: !reuse,
    batchStores: 500,
    onStep: (step) => cpu.mark(step),
  });
  if (outcome === 'unchanged') {
    line('bulk load', 'not measured: the data directory was seeded already (BENCH_PGLITE_DATA_DIR)');
    return;
  }
  const promotions = STORES * 30;
  const seconds = (ms) => ms / 1000;
  const totalMs = timings.copyMs + timings.vacuumAnalyzeMs + timings.indexPhaseMs + timings.countsMs;
  const target = name === 'postgres' ? 'target ≥ 150,000/s' : '(PGlite: no target)';
  const each = (parts) =>
    parts.map((part) => `${part.name.replace('promotions_', '')} ${fmt(seconds(part.ms), 1)}`).join(', ');
  // PGlite runs on Node's main thread (its work is in Node's core-seconds): one thread, so a step cannot take
  // less than Node's core-seconds.
  const steps = cpu
    .account()
    .map((spent) => (postmaster === undefined ? { ...spent, busiestPgSeconds: spent.nodeSeconds } : spent));
  const coreSeconds = (step) => {
    const spent = steps.find((s) => s.step === step);
    if (spent === undefined) return '';
    const pg =
      postmaster === undefined ? ' (PGlite within)' : `, PostgreSQL ${fmt(spent.pgSeconds, 1)} core-s`;
    return `${step === 'copy' ? 'COPY: ' : ''}Node ${fmt(spent.nodeSeconds, 1)} core-s${pg}`;
  };
  line(
    `bulk load: COPY only, ${fmt(promotions)} promotions`,
    `${fmt(promotions / seconds(timings.copyMs))} promotions/s (${fmt(seconds(timings.copyMs), 1)} s)`,
    `${target}; ${coreSeconds('copy')}`,
  );
  line(
    `  + ${timings.indexes.length} indexes`,
    `${fmt(seconds(timings.indexPhaseMs), 1)} s`,
    `${name === 'postgres' ? 'two at a time; ' : ''}each: ${each(timings.indexes)}`,
  );
  if (tempBefore !== undefined) {
    const after = await tempFiles(db);
    line(
      '  temporary files written by the seed',
      `${fmt(after.files - tempBefore.files)} (${fmt((after.bytes - tempBefore.bytes) / 1e6)} MB)`,
      'parallel builds hand their sorted runs over in temporary files',
    );
  }
  line('  + VACUUM (ANALYZE)', `${fmt(seconds(timings.vacuumAnalyzeMs), 1)} s`);
  line('  + sort marks, promotion counts', `${fmt(seconds(timings.countsMs), 1)} s`, each(timings.sortMarks));
  line(
    'bulk load: COPY + indexes + VACUUM + counts',
    `${fmt(promotions / seconds(totalMs))} promotions/s (${fmt(seconds(totalMs), 1)} s)`,
    target,
  );
  // What the machine's cores allow: each step's core-seconds spread over the cores (never under its busiest
  // PostgreSQL process), steps one after another.
  const cores = availableParallelism();
  line('  CPU account of the seed (wall; core-seconds)', '', `${cores} cores`);
  for (const spent of steps) {
    line(
      `    ${spent.step}`,
      `${fmt(seconds(spent.wallMs), 1)} s`,
      `${coreSeconds(spent.step).replace('COPY: ', '')} (main thread busy ${fmt(spent.nodeBusy * 100)} %); ${postmaster === undefined ? '' : `busiest PostgreSQL process ${fmt(spent.busiestPgSeconds, 1)}; `}floor ${fmt(lowestSeconds([spent], cores), 1)} s`,
    );
  }
  const node = steps.reduce((sum, s) => sum + s.nodeSeconds, 0);
  const pg = steps.reduce((sum, s) => sum + s.pgSeconds, 0);
  const floor = lowestSeconds(steps, cores);
  line(
    '  lowest whole seed these core-seconds allow',
    `${fmt(floor, 1)} s (${fmt(promotions / floor)} promotions/s)`,
    postmaster === undefined
      ? `Node ${fmt(node, 1)} core-s (PGlite within) on ${cores} cores`
      : `Node ${fmt(node, 1)} + PostgreSQL ${fmt(pg, 1)} core-s on ${cores} cores`,
  );
}

/** Temporary files (sorts or hashes past their memory) written in `db`'s database so far. */
async function tempFiles(db) {
  const [row] = await db.query(
    'SELECT temp_files, temp_bytes FROM pg_stat_database WHERE datname = current_database()',
  );
  return { files: Number(row?.[0] ?? 0), bytes: Number(row?.[1] ?? 0) };
}

/** Times each query once on a fresh handler (no cached totals), then again (totals cached). */
async function pageLatency(db, queries = PAGE_QUERIES) {
  const fetch = createServerFetch({ db, requestTimeoutMs: 600_000 });
  const cold = [];
  const warm = [];
  for (const pass of [cold, warm]) {
    for (const [label, path] of queries) {
      const started = performance.now();
      const response = await fetch(new Request(`${ORIGIN}${path}`));
      await response.arrayBuffer();
      if (response.status !== 200) throw new Error(`${path} answered ${response.status}`);
      pass.push({ label, ms: performance.now() - started });
    }
  }
  return { cold, warm };
}

function printLatency(name, { cold, warm }) {
  const target = name === 'postgres' ? 'target p95 ≤ 50 ms' : '(PGlite: printed)';
  const p = (runs, q) =>
    fmt(
      quantile(
        runs.map((r) => r.ms),
        q,
      ),
      1,
    );
  line('page latency, first run (p50 / p95)', `${p(cold, 0.5)} / ${p(cold, 0.95)} ms`, target);
  line('page latency, totals cached (p50 / p95)', `${p(warm, 0.5)} / ${p(warm, 0.95)} ms`, target);
  const slowest = [...cold].sort((a, b) => b.ms - a.ms).slice(0, 4);
  line('slowest first runs', slowest.map((r) => `${r.label} ${fmt(r.ms)} ms`).join('; '));
  if (process.env.BENCH_EACH_QUERY === '1') {
    for (const [i, { label, ms }] of cold.entries()) {
      line(`  ${label}`, `${fmt(ms, 1)} / ${fmt(warm[i]?.ms ?? Number.NaN, 1)} ms`, 'first run / cached');
    }
  }
}

/** Export throughput; `maxRows` stops reading after that many lines (PGlite: a full export takes minutes). */
async function exportThroughput(db, maxRows = Number.POSITIVE_INFINITY) {
  const fetch = createServerFetch({ db, requestTimeoutMs: 3_600_000 });
  for (const [label, path] of [
    ['export NDJSON, every row, dataset order', '/api/promotions/export'],
    ['export CSV, category=dairy, sort -roi', '/api/promotions/export?format=csv&category=dairy&sort=-roi'],
    ['export NDJSON, q=cola, sort -revenue', '/api/promotions/export?q=cola&sort=-revenue'],
  ]) {
    const started = performance.now();
    const response = await fetch(new Request(`${ORIGIN}${path}`));
    let bytes = 0;
    let rows = 0;
    const reader = response.body.getReader();
    while (rows < maxRows) {
      const { done, value } = await reader.read();
      if (done) break;
      bytes += value.byteLength;
      for (let i = 0; i < value.length; i++) if (value[i] === 10) rows++;
    }
    await reader.cancel();
    const seconds = (performance.now() - started) / 1000;
    line(
      label,
      `${fmt(rows / seconds)} rows/s, ${fmt(bytes / 1e6 / seconds, 1)} MB/s`,
      `${fmt(rows)} lines in ${fmt(seconds, 1)} s${rows >= maxRows ? ' (stopped there)' : ''}`,
    );
  }
}

function rssMb(pid) {
  const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return match ? Number(match[1]) / 1024 : Number.NaN;
}

async function loadTest(env) {
  const child = spawn(
    process.execPath,
    [
      CLI,
      'start',
      '--port',
      '0',
      ...(env.dataDir ? ['--data-dir', env.dataDir] : []),
      ...(MAX_IN_FLIGHT ? ['--max-in-flight', MAX_IN_FLIGHT] : []),
    ],
    {
      env: {
        ...process.env,
        DATABASE_URL: env.databaseUrl ?? '',
        ...(MEMORY_LOG ? { NODE_OPTIONS: `--require ${MEMORY_LOG_SCRIPT}` } : {}),
      },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  const url = await new Promise((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (chunk) => {
      out += chunk;
      const found = /API\s+(http:\/\/\S+)\/api/.exec(out);
      if (found) resolve(found[1]);
    });
    child.on('exit', (code) => reject(new Error(`server exited with ${code}: ${out}`)));
  });
  // Warm up: every query once, so the load test measures serving, not first-time totals.
  for (const [, path] of PAGE_QUERIES) await (await fetch(`${url}${path}`)).arrayBuffer();
  // What the socket errors were (ECONNRESET, …), counted by code.
  const socketErrors = new Map();
  const load = (duration) =>
    autocannon({
      url,
      connections: 50,
      duration,
      // Past the server's own request deadline (30 s): a slower answer is the server's 503 (a non-2xx), not the
      // client giving up at the same instant and counting a timeout the server never had the chance to answer.
      timeout: CLIENT_TIMEOUT_SECONDS,
      requests: PAGE_QUERIES.map(([, path]) => ({ method: 'GET', path })),
      setupClient: (client) =>
        client.on('connError', (error) => {
          const code = error?.code ?? error?.message ?? String(error);
          socketErrors.set(code, (socketErrors.get(code) ?? 0) + 1);
        }),
    });
  // autocannon counts a timeout in `errors` too: errors (socket errors and timeouts) + non-2xx answers.
  const errorsOf = (result) => result.errors + result.non2xx;
  const started = rssMb(child.pid);
  // Then the same load as the measured window, so V8's heap has grown to what this concurrency needs: the window
  // shows whether RSS stays there ("flat once warm"), not how fast it gets there.
  const warmUp = LOAD_WARMUP_SECONDS > 0 ? await load(LOAD_WARMUP_SECONDS) : undefined;
  const before = rssMb(child.pid);
  socketErrors.clear();
  const samples = [];
  const sampler = setInterval(() => samples.push(rssMb(child.pid)), 1000);
  const result = await load(LOAD_SECONDS);
  clearInterval(sampler);
  const after = rssMb(child.pid);
  // RSS at each tenth of the window: flat, or growing then level (a plateau), or growing to the end.
  const tenths = Array.from(
    { length: 10 },
    (_, i) => samples[Math.max(0, Math.floor(((i + 1) * samples.length) / 10) - 1)],
  );
  if (warmUp) {
    line(
      `warm-up ${LOAD_WARMUP_SECONDS} s, same load: requests/s, errors`,
      `${fmt(warmUp.requests.average)}, ${fmt(errorsOf(warmUp))}`,
      `RSS ${fmt(started)} → ${fmt(before)} MB`,
    );
  }
  line(
    `load test ${LOAD_SECONDS} s, 50 connections: requests/s`,
    fmt(result.requests.average),
    `server --max-in-flight ${MAX_IN_FLIGHT ?? 'default'}`,
  );
  line('  errors (socket errors, timeouts, non-2xx)', fmt(errorsOf(result)), 'target 0');
  if (errorsOf(result) > 0) {
    line(
      '    of which',
      `${fmt(result.timeouts)} client timeouts (${CLIENT_TIMEOUT_SECONDS} s), ${fmt(result.errors - result.timeouts)} socket errors${socketErrors.size > 0 ? ` (${[...socketErrors].map(([code, n]) => `${code} ${n}`).join(', ')})` : ''}`,
      `${fmt(result.non2xx)} non-2xx (the server's 503s)`,
    );
  }
  line('  requests answered', fmt(result.requests.total));
  line('  latency p50 / p99', `${fmt(result.latency.p50)} / ${fmt(result.latency.p99)} ms`);
  line('  server RSS start → after warm-up → end', `${fmt(started)} → ${fmt(before)} → ${fmt(after)} MB`);
  line('  server RSS at each tenth of the window', tenths.map((mb) => fmt(mb ?? Number.NaN)).join(' '), 'MB');
  const trend = rssTrend(samples);
  const firstHalf = samples.slice(0, Math.floor(samples.length / 2));
  const secondHalf = samples.slice(firstHalf.length);
  const signed = (mb) => `${mb >= 0 ? '+' : ''}${fmt(mb, 1)}`;
  line(
    '  server RSS trend over the window',
    `${signed(trend.slope)} MB/min (95%: ${signed(trend.low)} to ${signed(trend.high)})`,
    `target flat: ${rssVerdict(trend)}`,
  );
  line(
    '  server RSS range, first / second half',
    `${fmt(Math.min(...firstHalf))}–${fmt(Math.max(...firstHalf))} / ${fmt(Math.min(...secondHalf))}–${fmt(Math.max(...secondHalf))} MB`,
    `flat = trend within ±${FLAT_MB_PER_MIN} MB/min, its 95% interval within ±${RESOLVED_MB_PER_MIN}`,
  );
  child.kill('SIGTERM');
  await new Promise((resolve) => child.once('exit', resolve));
}

/** Which indexes pay: each candidate's effect on the queries it could serve, built and dropped in turn. */
async function indexStudy(db) {
  console.log(
    '\n  index study (PostgreSQL): first-run latency of the queries each index could serve, without → with',
  );
  const byLabel = (labels) => PAGE_QUERIES.filter(([label]) => labels.some((l) => label.includes(l)));
  // The server no longer installs pg_trgm (no index of its own uses it); the study still measures the retired
  // trigram index against the search-parts lookup, so it installs it here, in the bench's throwaway cluster.
  await db.exec('CREATE EXTENSION IF NOT EXISTS pg_trgm');
  const candidates = [
    ['promotions_search_trgm', 'USING gin (search gin_trgm_ops)', byLabel(['q='])],
    ['promotions_roi_keys', '(roi DESC, id) INCLUDE (store_number, position, sku)', byLabel(['-roi'])],
    [
      'promotions_revenue_keys',
      '(revenue DESC, id) INCLUDE (store_number, position)',
      byLabel(['sort -revenue']),
    ],
    ['promotions_category', '(category)', byLabel(['category'])],
    [
      'promotions_sku',
      '(sku) INCLUDE (category, discount_pct, store_id, id, store_number, position)',
      byLabel(['sku', 'q=milk', 'category + q']),
    ],
    ['promotions_brand', '(brand)', byLabel(['brand'])],
    [
      'promotions_status_type',
      '(status, promo_type) INCLUDE (start_date, id, store_number, position)',
      byLabel(['status=']),
    ],
    ['promotions_region_template', '(region, template)', byLabel(['region +'])],
    [
      'promotions_incremental_margin_keys',
      '(incremental_margin DESC, id) INCLUDE (store_number, position)',
      byLabel(['-incrementalMargin']),
    ],
    [
      'promotions_promo_units_keys',
      '(promo_units DESC, id) INCLUDE (store_number, position)',
      byLabel(['-promoUnits']),
    ],
    [
      'promotions_product_name_keys',
      '(product_name, roi DESC, id) INCLUDE (store_number, position)',
      byLabel(['productName']),
    ],
    [
      'promotions_end_date_keys',
      '(end_date, id) INCLUDE (store_number, position, start_date)',
      byLabel(['startDate in']),
    ],
    ['promotions_start_date', '(start_date)', byLabel(['startDate'])],
  ];
  const run = async (queries) => (await pageLatency(db, queries)).cold.map((r) => r.ms);
  const sum = (values) => values.reduce((a, b) => a + b, 0);
  for (const [name, definition, queries] of candidates) {
    const existed = (await db.query('SELECT 1 FROM pg_indexes WHERE indexname = $1', [name])).length > 0;
    await db.exec(`DROP INDEX IF EXISTS ${name}`);
    const without = await run(queries);
    const started = performance.now();
    await db.transaction(async (tx) => {
      await tx.exec('SET LOCAL statement_timeout = 0');
      await tx.exec(`CREATE INDEX ${name} ON promotions ${definition}`);
    });
    const buildSeconds = (performance.now() - started) / 1000;
    const size = (await db.query('SELECT pg_relation_size($1::regclass)', [name]))[0]?.[0];
    await db.exec('ANALYZE promotions');
    const withIndex = await run(queries);
    if (!existed) await db.exec(`DROP INDEX ${name}`);
    line(
      `${name} (${queries.length} queries)`,
      `${fmt(sum(without))} → ${fmt(sum(withIndex))} ms`,
      `build ${fmt(buildSeconds, 1)} s, ${fmt(Number(size) / 1e6)} MB${existed ? ', kept' : ''}`,
    );
  }
}

console.log(
  `promoscale-server bench: ${fmt(STORES)} stores (${fmt(STORES * 30)} promotions), seed 42, MIXED`,
);
console.log(`Node ${process.version}, ${process.platform}; figures vary with the machine and its load.\n`);

if (DATABASES.includes('postgres')) {
  const cluster = await startPostgresCluster({
    shared_buffers: '512MB',
    work_mem: '32MB',
    max_wal_size: '4GB',
  });
  if (!cluster) console.log('PostgreSQL: not installed here (initdb not found), skipped\n');
  else {
    try {
      console.log('PostgreSQL 15 (loopback, fsync off)');
      const databaseUrl = await cluster.createDatabase('bench');
      const db = await openDatabase({ databaseUrl, statementTimeoutMs: 0 });
      await seed(db, 'postgres');
      if (!SEED_ONLY) {
        printLatency('postgres', await pageLatency(db));
        await exportThroughput(db);
        if (INDEX_STUDY) await indexStudy(db);
      }
      await db.close();
      if (!SEED_ONLY) await loadTest({ databaseUrl });
    } finally {
      cluster.stop();
    }
  }
  console.log('');
}

if (DATABASES.includes('pglite')) {
  const dir = PGLITE_DATA_DIR ?? mkdtempSync(join(tmpdir(), 'promoscale-bench-'));
  try {
    console.log('PGlite 0.5.17 (data directory on disk)');
    const started = performance.now();
    const dataDir = PGLITE_DATA_DIR ?? join(dir, 'db');
    const db = await openDatabase({ dataDir, databaseUrl: '', statementTimeoutMs: 0 });
    await seed(db, 'pglite', PGLITE_DATA_DIR !== undefined);
    if (!SEED_ONLY) {
      printLatency('pglite', await pageLatency(db));
      await exportThroughput(db, PGLITE_EXPORT_ROWS);
    }
    await db.close();
    if (!SEED_ONLY) await loadTest({ dataDir });
    line('PGlite section took', `${fmt((performance.now() - started) / 60_000, 1)} min`);
  } finally {
    if (PGLITE_DATA_DIR === undefined) rmSync(dir, { recursive: true, force: true });
  }
}
