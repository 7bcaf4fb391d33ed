#!/usr/bin/env node
// Prints p50/p95 of a filtered, sorted page of promotions, promoscale against @msw/data on the same 15,000 rows
// and the same query (the rows are checked to be the same first), three ways: (a) the query engines alone, no MSW;
// (b) what a user runs, an MSW handler answering the JSON page through setupServer + fetch; (c) MSW's own floor.
// Then a search (`q`) with a three-key sort, the same two ways; the promoscale handlers at 150,000 promotions
// (5,000 stores); and the cold start (first request) at 5,000 and 500 stores. Figures only: nothing passes or
// fails. Run after `pnpm build` (it imports the built packages):
//   node bench/msw.bench.mjs [--json] [--runs=200]
import { performance } from 'node:perf_hooks';
import { Collection } from '@msw/data';
import { createApiHandler, createGeneratedSource } from '@promoscale/api';
import { parsePromotionsQuery } from '@promoscale/api/engine';
import { PromotionSchema } from '@promoscale/api/schemas';
import { processBatch } from '@promoscale/generator';
import { createHandlers } from '@promoscale/msw';
import { HttpResponse, http } from 'msw';
import { setupServer } from 'msw/node';

const args = process.argv.slice(2);
const asJson = args.includes('--json');
const runs = Number(args.find((a) => a.startsWith('--runs='))?.slice(7) ?? 200);
const WARMUP = 10;
const ORIGIN = 'http://localhost';
const SMALL = { seed: 42, stores: 500, templates: 'MIXED' };
const LARGE = { seed: 42, stores: 5_000, templates: 'MIXED' };
const LIMIT = 50;
const CATEGORIES = ['beverages', 'snacks', 'dairy', 'pantry'];
const STATUSES = ['active', 'completed'];
// Query B searches for one of these in turn (more of them than the engine caches results, so none is cached).
const NEEDLES = `an ar ch co er or in on ra ma re ea al le st ri ne la te en
  ro li ke ol il ta ca ba mi pe sh ic ho ck ee se ur ge de fr`.split(/\s+/);
const SEARCH_SORT = ['category', '-liftPct', 'storeName'];

// ---------------------------------------------------------------------------------------------------------------
// The two queries, as one plain description each side reads: the URL query string (promoscale's router, the
// @msw/data handler) or the description itself (the engines).

/**
 * Query A, request i: four categories, active or completed, roi >= floor, roi descending (ties by id), 50 rows.
 * "paging" walks ten pages of one filter (a grid scrolling); "distinct" asks a new roi floor every request, so
 * no cached result can answer it (only the cached sort order helps).
 */
const filtered = (mode) => (i) => ({
  category: CATEGORIES,
  status: STATUSES,
  roi_gte: mode === 'distinct' ? (i % 500) / 1000 : 0,
  sort: ['-roi'],
  offset: mode === 'paging' ? (i % 10) * LIMIT : 0,
  limit: LIMIT,
});
/** Query B, request i: a case-insensitive search (a new needle each request) with a three-key sort, 50 rows. */
const searched = (i) => ({ q: NEEDLES[i % NEEDLES.length], sort: SEARCH_SORT, offset: 0, limit: LIMIT });

const FIELDS = ['category', 'status', 'roi_gte', 'q', 'sort', 'offset', 'limit'];
const toSearch = (query) =>
  FIELDS.filter((field) => query[field] !== undefined)
    .map((field) => `${field}=${[query[field]].flat().map(encodeURIComponent).join(',')}`)
    .join('&');

/** One request, prepared outside the timed part: its description, URL and promoscale's typed query. */
function request(query) {
  const search = toSearch(query);
  const parsed = parsePromotionsQuery(new URLSearchParams(search));
  if (!parsed.ok) throw new Error(`${search}: ${JSON.stringify(parsed.error)}`);
  return { query, url: `${ORIGIN}/api/promotions?${search}`, typed: parsed.query };
}
/** Every request of a line: WARMUP unmeasured, then `runs` measured. */
const prepare = (describe) => Array.from({ length: WARMUP + runs }, (_, i) => request(describe(i)));

// ---------------------------------------------------------------------------------------------------------------
// @msw/data, used as its README shows. Its `where` takes an object whose values are compared with `===` or are
// predicate functions per property (no `in` / `gte` operators in 1.x), or one function of the record; `.or()` /
// `.and()` combine conditions; `orderBy` takes an array of `{ field: 'asc' | 'desc' }`.

const WHERE = {
  /** The documented way: an object `where`, a predicate function where a property is not a single value. */
  properties(q, query) {
    const condition = {};
    if (query.category) condition.category = (category) => query.category.includes(category);
    if (query.status) condition.status = (status) => query.status.includes(status);
    if (query.roi_gte !== undefined) condition.roi = (roi) => roi >= query.roi_gte;
    let where = q.where(condition);
    if (query.q) {
      const needle = query.q.toLowerCase();
      const has = (text) => text.toLowerCase().includes(needle);
      where = where.and(q.or({ productName: has }, { brand: has }, { storeName: has }, { sku: has }));
    }
    return where;
  },
  /** One function of the record (also documented): the least work per record @msw/data allows. */
  record(q, query) {
    const needle = query.q?.toLowerCase();
    const has = (text) => text.toLowerCase().includes(needle);
    return q.where(
      (p) =>
        (!query.category || query.category.includes(p.category)) &&
        (!query.status || query.status.includes(p.status)) &&
        (query.roi_gte === undefined || p.roi >= query.roi_gte) &&
        (!needle || has(p.productName) || has(p.brand) || has(p.storeName) || has(p.sku)),
    );
  },
  /** Values only where the API has lists: `{ category: 'dairy' }` conditions OR-ed (roi still needs a function). */
  equality(q, query) {
    if (query.q) throw new Error('a substring search needs a predicate function');
    let where = q.where(query.roi_gte === undefined ? {} : { roi: (roi) => roi >= query.roi_gte });
    if (query.category) where = where.and(q.or(...query.category.map((category) => ({ category }))));
    if (query.status) where = where.and(q.or(...query.status.map((status) => ({ status }))));
    return where;
  },
};

/** `['-roi', 'storeName']` -> `[{ roi: 'desc' }, { storeName: 'asc' }, { id: 'asc' }]`: the API breaks ties by id. */
const orderBy = (sort = []) => [
  ...sort.map((key) => (key.startsWith('-') ? { [key.slice(1)]: 'desc' } : { [key]: 'asc' })),
  { id: 'asc' },
];

/** A page from @msw/data: findMany (where + orderBy), then the page sliced from the sorted matches. */
function mswDataPage(promotions, query, variant = 'properties') {
  // Not `skip` / `take`: findMany applies them while scanning, before `orderBy`, so it would sort only that page.
  const matches = promotions.findMany((q) => WHERE[variant](q, query), { orderBy: orderBy(query.sort) });
  return {
    items: matches.slice(query.offset, query.offset + query.limit),
    total: matches.length,
    offset: query.offset,
    limit: query.limit,
  };
}

/** The MSW handler a user writes over @msw/data: read the URL, query the collection, answer the page as JSON. */
function mswDataHandler(promotions) {
  return http.get(`${ORIGIN}/api/promotions`, ({ request }) => {
    const params = new URL(request.url).searchParams;
    const list = (name) => params.get(name)?.split(',');
    const number = (name) => (params.has(name) ? Number(params.get(name)) : undefined);
    const query = {
      category: list('category'),
      status: list('status'),
      roi_gte: number('roi_gte'),
      q: params.get('q') ?? undefined,
      sort: list('sort'),
      offset: number('offset') ?? 0,
      limit: number('limit') ?? 100,
    };
    return HttpResponse.json(mswDataPage(promotions, query));
  });
}

// ---------------------------------------------------------------------------------------------------------------
// Measuring.

const quantile = (values, q) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
};
const round = (ms) => Math.round(ms * 1000) / 1000;

/** Runs the line's requests in turn: WARMUP unmeasured, then `runs` measured (so no measured one repeats them). */
async function sample(cases, run) {
  for (let i = 0; i < WARMUP; i++) await run(cases[i]);
  const samples = [];
  for (let i = WARMUP; i < cases.length; i++) {
    const start = performance.now();
    await run(cases[i]);
    samples.push(performance.now() - start);
  }
  return { p50Ms: round(quantile(samples, 0.5)), p95Ms: round(quantile(samples, 0.95)) };
}

async function withServer(handlers, work) {
  const server = setupServer(...handlers);
  server.listen({ onUnhandledRequest: 'error' });
  try {
    return await work();
  } finally {
    server.close();
  }
}

async function getJson(url) {
  const response = await fetch(url);
  const body = await response.json();
  if (!response.ok) throw new Error(`${url} answered ${response.status}: ${JSON.stringify(body)}`);
  return body;
}
const getText = async (url) => (await fetch(url)).text();

const A_PAGING = prepare(filtered('paging'));
const A_DISTINCT = prepare(filtered('distinct'));
const B_SEARCH = prepare(searched);

// 1. Cold start first, while nothing is warm (as in a fresh test process), then 150,000 promotions through MSW.
const large = await withServer(createHandlers({ dataset: LARGE, origin: ORIGIN }), async () => {
  const start = performance.now();
  await getJson(A_PAGING[0].url);
  const coldStartMs = round(performance.now() - start);
  return {
    coldStartMs,
    paging: await sample(A_PAGING, (c) => getJson(c.url)),
    distinct: await sample(A_DISTINCT, (c) => getJson(c.url)),
  };
});

// 2. The same 15,000 rows on both sides: promoscale's generated source, and an @msw/data collection created from
// the generator's rows with the API's zod schema (what a user of @msw/data would write).
const rows = processBatch(1, SMALL.stores, SMALL.templates, { seed: SMALL.seed }).promotions;
const promotions = new Collection({ schema: PromotionSchema });
const loadStart = performance.now();
await promotions.createMany(rows.length, (index) => rows[index]);
const mswDataLoadMs = round(performance.now() - loadStart);
const source = createGeneratedSource(SMALL);
const ours = createHandlers({ dataset: SMALL, origin: ORIGIN });
const theirs = [mswDataHandler(promotions)];

// 3. Same rows? First pages (ids, total) of six requests, from every engine and through both MSW handlers.
const CHECKED = [
  request(filtered('paging')(0)),
  request(filtered('paging')(7)),
  request(filtered('distinct')(0)),
  request(filtered('distinct')(123)),
  request(searched(0)),
  request(searched(17)),
];
const differences = [];
let coldStart500Ms;
const oursBodies = await withServer(ours, async () => {
  const start = performance.now();
  const bodies = [await getText(CHECKED[0].url)];
  coldStart500Ms = round(performance.now() - start);
  for (const c of CHECKED.slice(1)) bodies.push(await getText(c.url));
  return bodies;
});
const theirBodies = await withServer(theirs, () => Promise.all(CHECKED.map((c) => getText(c.url))));
const signature = (page) => `${page.total}: ${page.items.map((p) => p.id).join(' ')}`;
const brief = (signed) => `${signed.split(' ').slice(0, 4).join(' ')} ...`;
for (const [k, c] of CHECKED.entries()) {
  const expected = signature(await source.queryPromotions(c.typed));
  const got = {
    'promoscale handlers (MSW)': signature(JSON.parse(oursBodies[k])),
    '@msw/data handler (MSW)': signature(JSON.parse(theirBodies[k])),
  };
  for (const variant of Object.keys(WHERE)) {
    if (variant === 'equality' && c.query.q) continue;
    got[`@msw/data findMany, ${variant}`] = signature(mswDataPage(promotions, c.query, variant));
  }
  for (const [who, signed] of Object.entries(got)) {
    if (signed !== expected) {
      differences.push(
        `${who} on ${c.url}:\n    got      ${brief(signed)} (total: ids)\n    expected ${brief(expected)}`,
      );
    }
  }
  if (oursBodies[k] !== theirBodies[k]) differences.push(`JSON bodies differ on ${c.url}`);
}
const sameRows = differences.length === 0;
if (!asJson) {
  console.log(
    `@promoscale/msw bench: ${runs} requests a line (after ${WARMUP} unmeasured), Node ${process.version}`,
  );
  if (sameRows) {
    console.log(
      `same rows: yes (ids and totals of ${CHECKED.length} first pages equal on every line below; both MSW handlers answer byte-identical JSON)`,
    );
  } else {
    console.log(
      '!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!',
    );
    console.log(
      'same rows: NO. THE TWO SIDES DO NOT ANSWER THE SAME QUERY: THE COMPARISONS BELOW ARE NOT VALID.',
    );
    for (const difference of differences) console.log(`  ${difference}`);
    console.log(
      '!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!',
    );
  }
}

// 4. Query A. (a) engines alone.
const engine = (c) => source.queryPromotions(c.typed);
const router = createApiHandler({ source: createGeneratedSource(SMALL) });
const routed = async (c) => (await router.fetch(new Request(c.url))).json();
const a = {
  ours: { paging: await sample(A_PAGING, engine), distinct: await sample(A_DISTINCT, engine) },
  router: { paging: await sample(A_PAGING, routed), distinct: await sample(A_DISTINCT, routed) },
  mswData: {
    paging: await sample(A_PAGING, (c) => mswDataPage(promotions, c.query)),
    distinct: await sample(A_DISTINCT, (c) => mswDataPage(promotions, c.query)),
    recordDistinct: await sample(A_DISTINCT, (c) => mswDataPage(promotions, c.query, 'record')),
    equalityDistinct: await sample(A_DISTINCT, (c) => mswDataPage(promotions, c.query, 'equality')),
  },
};
// (b) through MSW, (c) MSW's floor: a trivial handler answering a ready-made body of the same size.
const b = {
  ours: await withServer(ours, async () => ({
    paging: await sample(A_PAGING, (c) => getJson(c.url)),
    distinct: await sample(A_DISTINCT, (c) => getJson(c.url)),
  })),
  mswData: await withServer(theirs, async () => ({
    paging: await sample(A_PAGING, (c) => getJson(c.url)),
    distinct: await sample(A_DISTINCT, (c) => getJson(c.url)),
  })),
};
const floorBody = oursBodies[0];
const floorHandler = http.get(`${ORIGIN}/floor`, () =>
  HttpResponse.text(floorBody, { headers: { 'content-type': 'application/json' } }),
);
const floor = await withServer([floorHandler], () => sample(A_PAGING, () => getJson(`${ORIGIN}/floor`)));

// 5. Query B: search + three-key sort, (a) engines alone and (b) through MSW.
const search = {
  engine: {
    ours: await sample(B_SEARCH, engine),
    mswData: await sample(B_SEARCH, (c) => mswDataPage(promotions, c.query)),
    mswDataRecord: await sample(B_SEARCH, (c) => mswDataPage(promotions, c.query, 'record')),
  },
  msw: {
    ours: await withServer(ours, () => sample(B_SEARCH, (c) => getJson(c.url))),
    mswData: await withServer(theirs, () => sample(B_SEARCH, (c) => getJson(c.url))),
  },
};

// ---------------------------------------------------------------------------------------------------------------
// Report. (Counted after measuring, so that counting fills no cache a measured request could use.)

const totals = async (cases) =>
  Promise.all(cases.map(async (c) => (await source.queryPromotions(c.typed)).total));
const matching = {
  a: (await source.queryPromotions(A_PAGING[0].typed)).total,
  aDistinct: await totals(A_DISTINCT.slice(WARMUP)),
  b: await totals(B_SEARCH.slice(0, NEEDLES.length)),
};

const ratio = (slow, fast) => Math.round((slow.p50Ms / fast.p50Ms) * 10) / 10;
const speedup = {
  engineOnly: {
    paging: ratio(a.mswData.paging, a.ours.paging),
    distinct: ratio(a.mswData.distinct, a.ours.distinct),
    distinctVsFastestMswData: ratio(
      [a.mswData.distinct, a.mswData.recordDistinct, a.mswData.equalityDistinct].reduce((x, y) =>
        y.p50Ms < x.p50Ms ? y : x,
      ),
      a.ours.distinct,
    ),
  },
  throughMsw: {
    paging: ratio(b.mswData.paging, b.ours.paging),
    distinct: ratio(b.mswData.distinct, b.ours.distinct),
  },
  // No handler answers faster than MSW's floor: the best ratio any handler could reach through MSW.
  throughMswCeiling: ratio(b.mswData.distinct, floor),
  search: {
    engineOnly: ratio(search.engine.mswData, search.engine.ours),
    throughMsw: ratio(search.msw.mswData, search.msw.ours),
  },
};
const worst = (line) => Math.max(line.paging.p50Ms, line.distinct.p50Ms);
const targets = {
  p50At15kMs: { target: 2, measured: worst(b.ours), met: worst(b.ours) <= 2 },
  p50At150kMs: { target: 20, measured: worst(large), met: worst(large) <= 20 },
  speedupAt15k: {
    target: 15,
    engineOnly: Math.min(speedup.engineOnly.paging, speedup.engineOnly.distinct),
    throughMsw: Math.min(speedup.throughMsw.paging, speedup.throughMsw.distinct),
    met: Math.min(speedup.throughMsw.paging, speedup.throughMsw.distinct) >= 15,
  },
};
const result = {
  runs,
  node: process.version,
  sameRows,
  differences,
  queryA: {
    example: A_DISTINCT[0].url.slice(ORIGIN.length),
    matching: matching.a,
    matchingDistinct: [Math.min(...matching.aDistinct), Math.max(...matching.aDistinct)],
  },
  queryB: {
    example: B_SEARCH[0].url.slice(ORIGIN.length),
    needles: NEEDLES.length,
    matching: [Math.min(...matching.b), Math.max(...matching.b)],
  },
  engineOnly15k: a,
  throughMsw15k: b,
  mswFloor: { bodyBytes: floorBody.length, ...floor },
  search15k: search,
  handlers150k: { paging: large.paging, distinct: large.distinct },
  speedup,
  coldStartMs: { stores5000: large.coldStartMs, stores500: coldStart500Ms },
  mswDataCreateMany15kMs: mswDataLoadMs,
  targets,
};

if (asJson) {
  console.log(JSON.stringify(result, null, 2));
  if (!sameRows) console.error('!!! same rows: NO: the two sides answer different rows; see "differences".');
} else {
  const n = (value) => value.toLocaleString('en-US');
  const ms = (s) => `p50 ${String(s.p50Ms).padStart(7)} ms  p95 ${String(s.p95Ms).padStart(7)} ms`;
  const line = (label, s) => console.log(`    ${label.padEnd(70)} ${ms(s)}`);
  const yes = (met) => (met ? 'met' : 'NOT met');
  const [aLow, aHigh] = result.queryA.matchingDistinct;
  const [bLow, bHigh] = result.queryB.matching;
  console.log(`A: ${result.queryA.example}`);
  console.log(
    `   "paging": roi_gte=0 (${n(matching.a)} of 15,000 rows match), its first 10 pages in turn (offset 0..450);`,
  );
  console.log(
    `   "distinct": offset 0, a new roi_gte each request (${n(aLow)}-${n(aHigh)} match): no cached result answers`,
  );
  console.log('  (a) engine only, no MSW, 15,000 rows (@msw/data: where {field: fn} is the documented form)');
  line('promoscale source.queryPromotions(query), paging (a cached slice)', a.ours.paging);
  line('promoscale source.queryPromotions(query), distinct', a.ours.distinct);
  line('  context: promoscale handler.fetch (parse + JSON), paging', a.router.paging);
  line('  context: promoscale handler.fetch (parse + JSON), distinct', a.router.distinct);
  line('@msw/data findMany + slice, where {field: fn}, paging', a.mswData.paging);
  line('@msw/data findMany + slice, where {field: fn}, distinct', a.mswData.distinct);
  line('  @msw/data variant: where(record => ...), distinct', a.mswData.recordDistinct);
  line('  @msw/data variant: equality values OR-ed, distinct', a.mswData.equalityDistinct);
  console.log(
    `    p50 ratio @msw/data / promoscale: paging ${speedup.engineOnly.paging}x, distinct ${speedup.engineOnly.distinct}x (fastest @msw/data variant: ${speedup.engineOnly.distinctVsFastestMswData}x)`,
  );
  console.log('  (b) through MSW: setupServer + fetch + response.json(), the same JSON page');
  line('promoscale createHandlers, paging', b.ours.paging);
  line('promoscale createHandlers, distinct', b.ours.distinct);
  line('@msw/data in http.get (findMany, slice, HttpResponse.json), paging', b.mswData.paging);
  line('@msw/data in http.get (findMany, slice, HttpResponse.json), distinct', b.mswData.distinct);
  console.log(
    `    p50 ratio @msw/data / promoscale: paging ${speedup.throughMsw.paging}x, distinct ${speedup.throughMsw.distinct}x`,
  );
  console.log('  (c) MSW floor');
  line(`trivial http.get answering the same ${n(floorBody.length)}-byte body`, floor);
  console.log(
    `    @msw/data handler (distinct) / floor: ${speedup.throughMswCeiling}x, the most any handler could beat it by through MSW`,
  );
  console.log(`B: ${result.queryB.example}`);
  console.log(
    `   q: case-insensitive substring of productName, brand, storeName or sku; ${NEEDLES.length} two-letter needles in turn (${n(bLow)}-${n(bHigh)} rows match)`,
  );
  line('(a) promoscale source.queryPromotions(query)', search.engine.ours);
  line('(a) @msw/data findMany + slice, where {field: fn} + q.or(...)', search.engine.mswData);
  line('(a)   @msw/data variant: where(record => ...)', search.engine.mswDataRecord);
  line('(b) promoscale createHandlers through MSW', search.msw.ours);
  line('(b) @msw/data http.get handler through MSW', search.msw.mswData);
  console.log(
    `    p50 ratio @msw/data / promoscale: engine only ${speedup.search.engineOnly}x, through MSW ${speedup.search.throughMsw}x`,
  );
  console.log('150,000 promotions (5,000 stores), query A through MSW');
  line('promoscale createHandlers, paging', large.paging);
  line('promoscale createHandlers, distinct', large.distinct);
  console.log('cold start, the first query A request (generates and indexes every row):');
  console.log(
    `    5,000 stores ${large.coldStartMs} ms (the first thing this process does), 500 stores ${coldStart500Ms} ms (JIT warm)`,
  );
  console.log(`@msw/data createMany of the 15,000 rows (zod schema): ${mswDataLoadMs} ms`);
  const t = targets;
  console.log(
    `targets: p50 <= 2 ms at 15k: ${t.p50At15kMs.measured} ms, ${yes(t.p50At15kMs.met)}; p50 <= 20 ms at 150k: ${t.p50At150kMs.measured} ms, ${yes(t.p50At150kMs.met)}`,
  );
  console.log(
    `         >= 15x @msw/data at 15k, query A, worse mode: through MSW ${t.speedupAt15k.throughMsw}x, ${yes(t.speedupAt15k.met)}; engine only ${t.speedupAt15k.engineOnly}x`,
  );
  if (!sameRows) console.log('!!! same rows: NO (see the top): the ratios above compare different queries.');
}
