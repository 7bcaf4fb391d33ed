// The steps of large-dataset.bench.mjs, shared by its Node and Chromium runs: a sorted, filtered page through MSW
// cold (it builds what the query needs), then warm, then the memory held. `target` runs each step where it lives.

/** The sorted, filtered page every line measures: four categories, two statuses, roi >= 0, roi descending. */
export const FIRST =
  '/api/promotions?category=dairy,frozen,snacks,beverages&status=active,completed&roi_gte=0&sort=-roi&limit=100';
/** Warm, "paging": the same query, its first ten pages in turn (a grid scrolling). */
const paging = (i) => `${FIRST}&offset=${(i % 10) * 100}`;
/** Warm, "distinct": a new roi floor each request, so no cached result answers (the cached sort order does). */
const distinct = (i) => FIRST.replace('roi_gte=0', `roi_gte=${((i % 500) + 1) / 1000}`);
/** A sort on fields the first query did not read: one more generator pass in columns mode. */
export const NEW_SORT = '/api/promotions?promoType=BOGO,TPR&sort=-revenue,storeName&limit=100';
/** The KPI summary: one more pass for the figures it adds up. */
export const SUMMARY = '/api/summary?groupBy=category&roi_gte=0';

/** `GET path` (through `base` + path) as JSON, throwing on an error status. */
export const jsonGetter = (base) => async (path) => {
  const response = await fetch(base + path);
  const body = await response.json();
  if (!response.ok) throw new Error(`${path} answered ${response.status}: ${JSON.stringify(body)}`);
  return body;
};

/** Milliseconds of each request of `paths`, one after the other. */
export async function timeEach(getJson, paths) {
  const samples = [];
  for (const path of paths) {
    const start = performance.now();
    await getJson(path);
    samples.push(performance.now() - start);
  }
  return samples;
}

/** Milliseconds `source.materialize()` takes. */
export async function timeMaterialize(source) {
  const start = performance.now();
  await source.materialize();
  return performance.now() - start;
}

/**
 * Milliseconds to generate 100 stores spread over the dataset (median of five tries): what a page of 100 rows
 * from 100 different stores costs to generate again in columns mode.
 */
export function timeRegenerate(slicePromotions, spec) {
  const tries = [];
  for (let t = 0; t < 5; t++) {
    const start = performance.now();
    for (let k = 0; k < 100; k++) slicePromotions(spec, ((k * 7919 + t * 104_729) % spec.stores) * 30, 30);
    tries.push(performance.now() - start);
  }
  return quantile(tries, 0.5);
}

const quantile = (values, q) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
};
const round = (x) => Math.round(x * 100) / 100;

/**
 * Runs the steps on `target` ({ memory, cold, warm, regenerate, storage, materialize }) and returns the figures: bytes are
 * growth over the memory before the source existed, times in ms.
 */
export async function runSteps(target, warmRuns) {
  const base = await target.memory();
  const grown = async () => {
    const m = await target.memory();
    return {
      heap: m.heap - base.heap,
      buffers: m.buffers - base.buffers,
      total: m.heap + m.buffers - base.heap - base.buffers,
    };
  };
  const cold = await target.cold(FIRST);
  const warm = async (path) => {
    const samples = await target.warm(Array.from({ length: warmRuns }, (_, i) => path(i + 1)));
    return { p50: round(quantile(samples, 0.5)), p95: round(quantile(samples, 0.95)) };
  };
  const warmPaging = await warm(paging);
  const warmDistinct = await warm(distinct);
  const afterFirst = { memory: await grown(), storage: await target.storage() };
  const regenerateMs = round(await target.regenerate());
  const newSort = await target.cold(NEW_SORT);
  const summary = await target.cold(SUMMARY);
  const afterMore = { memory: await grown(), storage: await target.storage() };
  const materializeMs = round(await target.materialize());
  const afterAll = { memory: await grown(), storage: await target.storage() };
  return {
    cold,
    warmPaging,
    warmDistinct,
    regenerateMs,
    afterFirst,
    newSort,
    summary,
    afterMore,
    materializeMs,
    afterAll,
  };
}
