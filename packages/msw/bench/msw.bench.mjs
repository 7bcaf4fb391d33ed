#!/usr/bin/env node
// Prints p50/p95 latency of a filtered, sorted page through the promoscale MSW handlers (setupServer + fetch in
// Node, network profile 'none') at 15,000 and 150,000 promotions, beside @msw/data's findMany on the same 15,000
// rows, MSW's own per-request floor, and the cold start (first request) at 5,000 stores. Figures only: nothing
// passes or fails. Run after `pnpm build` (it imports the built packages):
//   node bench/msw.bench.mjs [--json] [--runs=200]
import { performance } from 'node:perf_hooks';
import { Collection } from '@msw/data';
import { createApiHandler, createGeneratedSource } from '@promoscale/api';
import { processBatch } from '@promoscale/generator';
import { setupPromoscaleServer } from '@promoscale/msw/node';
import { HttpResponse, http } from 'msw';
import { setupServer } from 'msw/node';

const args = process.argv.slice(2);
const asJson = args.includes('--json');
const runs = Number(args.find((a) => a.startsWith('--runs='))?.slice(7) ?? 200);
const ORIGIN = 'http://localhost';
const SEED = 42;
const LIMIT = 50;
const CATEGORIES = ['beverages', 'snacks', 'dairy', 'pantry'];
const STATUSES = ['active', 'completed'];

// The query, both ways: four categories, active or completed, roi >= floor, sorted by roi descending (ties by
// id), a page of 50 (about 2,000 of the 15,000 rows match).
// "paging": the same filter, ten different pages (a grid scrolling). "distinct": a new roi floor every request,
// so no cached result can answer it (only the cached sort order helps).
const params = (i, mode) => ({
  roiFloor: mode === 'distinct' ? (i % 500) / 1000 : 0,
  offset: mode === 'distinct' ? 0 : (i % 10) * LIMIT,
});
const pageQuery = (i, mode) => {
  const { roiFloor, offset } = params(i, mode);
  return `category=${CATEGORIES.join(',')}&status=${STATUSES.join(',')}&roi_gte=${roiFloor}&sort=-roi&offset=${offset}&limit=${LIMIT}`;
};

const quantile = (values, q) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
};
const round = (ms) => Math.round(ms * 1000) / 1000;
const stats = (samples) => ({ p50Ms: round(quantile(samples, 0.5)), p95Ms: round(quantile(samples, 0.95)) });

async function sample(run) {
  for (let i = 0; i < 10; i++) await run(i);
  const samples = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await run(i);
    samples.push(performance.now() - start);
  }
  return stats(samples);
}

async function getJson(url) {
  const response = await fetch(url);
  const body = await response.json();
  if (!response.ok) throw new Error(`${url} answered ${response.status}: ${JSON.stringify(body)}`);
  return body;
}

async function benchHandlers(stores) {
  const server = setupPromoscaleServer({
    dataset: { seed: SEED, stores, templates: 'MIXED' },
    origin: ORIGIN,
  });
  server.listen({ onUnhandledRequest: 'error' });
  try {
    const start = performance.now();
    const first = await getJson(`${ORIGIN}/api/promotions?${pageQuery(0, 'paging')}`);
    const coldStartMs = round(performance.now() - start);
    return {
      stores,
      promotions: stores * 30,
      matching: first.total,
      coldStartMs,
      paging: await sample((i) => getJson(`${ORIGIN}/api/promotions?${pageQuery(i, 'paging')}`)),
      distinct: await sample((i) => getJson(`${ORIGIN}/api/promotions?${pageQuery(i, 'distinct')}`)),
    };
  } finally {
    server.close();
  }
}

/** MSW's own cost per request: a handler that answers a ready-made body of the same size. */
async function benchMswFloor() {
  const api = createApiHandler({ source: createGeneratedSource({ seed: SEED, stores: 500 }) });
  const body = await (
    await api.fetch(new Request(`${ORIGIN}/api/promotions?${pageQuery(0, 'paging')}`))
  ).text();
  const server = setupServer(
    http.get(`${ORIGIN}/floor`, () =>
      HttpResponse.text(body, { headers: { 'content-type': 'application/json' } }),
    ),
  );
  server.listen({ onUnhandledRequest: 'error' });
  try {
    return { bodyBytes: body.length, ...(await sample(() => getJson(`${ORIGIN}/floor`))) };
  } finally {
    server.close();
  }
}

/** The same router without MSW: `handler.fetch(new Request(...))`, the query engine's own cost. */
async function benchRouter(stores) {
  const api = createApiHandler({ source: createGeneratedSource({ seed: SEED, stores }) });
  const run = async (i, mode) =>
    (await api.fetch(new Request(`${ORIGIN}/api/promotions?${pageQuery(i, mode)}`))).json();
  await run(0, 'paging');
  return { paging: await sample((i) => run(i, 'paging')), distinct: await sample((i) => run(i, 'distinct')) };
}

async function benchMswData(stores) {
  // A pass-through Standard Schema: the bench measures querying, not validation.
  const schema = {
    '~standard': { version: 1, vendor: 'promoscale-bench', validate: (value) => ({ value }) },
  };
  const promotions = new Collection({ schema });
  const { promotions: rows } = processBatch(1, stores, 'MIXED', { seed: SEED });
  const loadStart = performance.now();
  await promotions.createMany(rows.length, (index) => rows[index]);
  const loadMs = round(performance.now() - loadStart);
  const find = (i, mode) => {
    const { roiFloor, offset } = params(i, mode);
    return promotions
      .findMany(
        (q) =>
          q.where({
            category: (category) => CATEGORIES.includes(category),
            status: 'active',
            roi: (roi) => roi >= roiFloor,
          }),
        // @msw/data applies skip/take before orderBy, so page after sorting to get the same rows.
        { orderBy: [{ roi: 'desc' }, { id: 'asc' }] },
      )
      .slice(offset, offset + LIMIT);
  };
  return {
    promotions: rows.length,
    loadMs,
    paging: await sample((i) => find(i, 'paging')),
    distinct: await sample((i) => find(i, 'distinct')),
  };
}

const small = await benchHandlers(500);
const large = await benchHandlers(5_000);
const floor = await benchMswFloor();
const router = await benchRouter(500);
const mswData = await benchMswData(500);
const ratio = (a, b) => round(a / b);
const result = {
  runs,
  node: process.version,
  query: `/api/promotions?${pageQuery(0, 'paging')}`,
  handlers: [small, large],
  mswFloor: floor,
  router15k: router,
  mswData15k: mswData,
  speedup15k: {
    throughMsw: {
      paging: ratio(mswData.paging.p50Ms, small.paging.p50Ms),
      distinct: ratio(mswData.distinct.p50Ms, small.distinct.p50Ms),
    },
    engineOnly: {
      paging: ratio(mswData.paging.p50Ms, router.paging.p50Ms),
      distinct: ratio(mswData.distinct.p50Ms, router.distinct.p50Ms),
    },
  },
  coldStart5kStoresMs: large.coldStartMs,
  targets: { p50At15kMs: 2, p50At150kMs: 20, speedupAt15k: 15 },
};

if (asJson) {
  console.log(JSON.stringify(result, null, 2));
} else {
  const ms = (s) => `p50 ${String(s.p50Ms).padStart(7)} ms  p95 ${String(s.p95Ms).padStart(7)} ms`;
  const line = (label, s) => console.log(`  ${label.padEnd(60)} ${ms(s)}`);
  console.log(`@promoscale/msw bench: ${runs} requests a line, Node ${process.version}`);
  console.log(`query: ${result.query} (${small.matching.toLocaleString('en-US')} of 15,000 rows match)`);
  console.log(
    `  ("paging": same filter, 10 pages in turn; "distinct": a new roi_gte every request, no cached result)`,
  );
  for (const h of [small, large]) {
    const label = `MSW handlers, ${h.promotions.toLocaleString('en-US')} promotions (${h.stores.toLocaleString('en-US')} stores)`;
    line(`${label}, paging`, h.paging);
    line(`${label}, distinct`, h.distinct);
  }
  line(`MSW floor: trivial handler, same ${floor.bodyBytes.toLocaleString('en-US')}-byte body`, floor);
  line('router without MSW (handler.fetch), 15,000, paging', router.paging);
  line('router without MSW (handler.fetch), 15,000, distinct', router.distinct);
  line('@msw/data findMany + slice, 15,000 rows, paging', mswData.paging);
  line('@msw/data findMany + slice, 15,000 rows, distinct', mswData.distinct);
  const s = result.speedup15k;
  console.log(`speed-up over @msw/data at 15k (p50 ratio; target >= 15x):`);
  console.log(
    `  through MSW (setupServer + fetch): paging ${s.throughMsw.paging}x, distinct ${s.throughMsw.distinct}x`,
  );
  console.log(
    `  query engine only (no MSW):        paging ${s.engineOnly.paging}x, distinct ${s.engineOnly.distinct}x`,
  );
  console.log(`targets: p50 <= 2 ms at 15k, <= 20 ms at 150k`);
  console.log(
    `cold start (first request, generates and indexes every row): 5,000 stores ${large.coldStartMs} ms, 500 stores ${small.coldStartMs} ms`,
  );
  console.log(`@msw/data createMany of 15,000 rows: ${mswData.loadMs} ms`);
}
