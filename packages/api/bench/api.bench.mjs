// Prints request latencies of createApiHandler over createGeneratedSource: cold start, then p50/p95 of
// filtered, sorted pages. Each size runs in its own process so its cold figures are honest. Figures only;
// nothing passes or fails.
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { createApiHandler, createGeneratedSource } from '../dist/index.js';

const sorts = [
  '-roi',
  'revenue',
  '-liftPct,storeId',
  'category,-incrementalRevenue',
  'startDate,-discountPct',
];
const categories = ['dairy', 'frozen', 'snacks', 'beverages', 'pantry,household'];

async function time(handler, path) {
  const start = performance.now();
  const response = await handler.fetch(new Request(`http://localhost${path}`));
  await response.text();
  if (response.status !== 200) throw new Error(`${path}: ${response.status}`);
  return performance.now() - start;
}

const percentile = (values, p) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
};

const only = Number(process.argv[2]);
if (!only) {
  for (const stores of [500, 5000]) {
    process.stdout.write(execFileSync(process.execPath, [fileURLToPath(import.meta.url), String(stores)]));
  }
}

for (const stores of only ? [only] : []) {
  const handler = createApiHandler({
    source: createGeneratedSource({ seed: 42, stores, templates: 'MIXED' }),
  });
  const cold = await time(handler, '/api/stores/STORE_001/promotions');
  const coldPage = await time(handler, '/api/promotions?limit=100');
  const coldFull = await time(handler, '/api/promotions?sort=-roi&category=dairy&limit=100');
  const exportStart = performance.now();
  const exported = await (
    await handler.fetch(new Request('http://localhost/api/promotions/export?format=ndjson'))
  ).text();
  const exportMs = performance.now() - exportStart;
  const same = [];
  for (let i = 0; i < 200; i++) {
    same.push(
      await time(
        handler,
        `/api/promotions?sort=-roi&category=dairy&roi_gte=0&offset=${(i % 10) * 100}&limit=100`,
      ),
    );
  }
  const varied = [];
  for (let i = 0; i < 200; i++) {
    const sort = sorts[i % sorts.length];
    const category = categories[(i * 7) % categories.length];
    varied.push(
      await time(
        handler,
        `/api/promotions?sort=${sort}&category=${category}&liftPct_gte=${i % 50}&limit=100&offset=${(i % 5) * 100}`,
      ),
    );
  }
  const summary = [];
  for (let i = 0; i < 50; i++)
    summary.push(await time(handler, `/api/summary?groupBy=category&roi_gte=${(i % 10) / 10 - 0.5}`));
  const f = (x) => x.toFixed(2);
  console.log(
    `${stores} stores (${stores * 30} promotions): first store page ${f(cold)} ms, first unsorted page ${f(coldPage)} ms, ` +
      `first filtered sorted page (materialise + index) ${f(coldFull)} ms`,
  );
  console.log(
    `  same filter+sort, paging: p50 ${f(percentile(same, 50))} ms, p95 ${f(percentile(same, 95))} ms`,
  );
  console.log(
    `  varied filters/sorts:     p50 ${f(percentile(varied, 50))} ms, p95 ${f(percentile(varied, 95))} ms`,
  );
  console.log(`  summary varied filters:   p50 ${f(percentile(summary, 50))} ms`);
  console.log(`  NDJSON export of every row: ${f(exportMs)} ms (${(exported.length / 1e6).toFixed(1)} MB)`);
}
