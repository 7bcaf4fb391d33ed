// What it costs the main thread to receive promotions from a worker, per chunk encoding, in headless Chromium
// (Debian's /usr/bin/chromium, or CHROMIUM_PATH, through Playwright; see storybook-page.mjs). A worker generates the rows with the built
// @promoscale/generator and sends them chunk by chunk under the same credit window as streamPromotionsInWorker
// (2 chunks ahead); the page times each message handler from the moment it reads `event.data` (Chromium
// deserializes a structured clone lazily, on that read) until the chunk's rows are objects the grid can take.
//
//   node bench/worker-encoding.bench.mjs [--runs=3] [--json]
//
// Encodings: clone (the chunk object, structured clone), json-bytes (UTF-8 JSON in a transferred ArrayBuffer:
// @promoscale/scaling's two encodings, same code) and columnar (numbers in Float64Arrays, booleans in a
// Uint8Array, strings as a dictionary + Uint32Array indices, all buffers transferred; rows rebuilt as objects on
// the main thread, field by field). Prints medians over --runs runs, each in a new browser context. Never a test.

import { readFile } from 'node:fs/promises';
import http from 'node:http';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { median } from '@promoscale/generator/internal';
import { launchChromium } from './storybook-page.mjs';

const argv = process.argv.slice(2);
const RUNS = Number(argv.find((a) => a.startsWith('--runs='))?.slice(7) ?? 3);
const JSON_OUT = argv.includes('--json');
const ENCODINGS = ['clone', 'json-bytes', 'columnar'];
const CASES = [
  { stores: 500, chunkSize: 10 },
  { stores: 5000, chunkSize: 10 },
  { stores: 5000, chunkSize: 100 },
];

const WORKER = `
import { processBatch, PROMOTION_NUMBER_FIELDS, PROMOTION_BOOLEAN_FIELDS, PROMOTION_FIELDS } from '/generator.js';
const STRING_FIELDS = PROMOTION_FIELDS.filter((f) => !PROMOTION_NUMBER_FIELDS.includes(f) && !PROMOTION_BOOLEAN_FIELDS.includes(f));
const encoder = new TextEncoder();
let job = null, credits = 0, next = 1, index = 0;
function encode(chunk, encoding) {
  if (encoding === 'clone') return [{ index: chunk.index, chunk }, []];
  if (encoding === 'json-bytes') {
    const bytes = encoder.encode(JSON.stringify(chunk));
    return [{ index: chunk.index, bytes }, [bytes.buffer]];
  }
  const rows = chunk.promotions, n = rows.length, transfer = [];
  const numbers = {}, booleans = {}, strings = {};
  for (const f of PROMOTION_NUMBER_FIELDS) {
    const a = new Float64Array(n);
    for (let i = 0; i < n; i++) a[i] = rows[i][f];
    numbers[f] = a; transfer.push(a.buffer);
  }
  for (const f of PROMOTION_BOOLEAN_FIELDS) {
    const a = new Uint8Array(n);
    for (let i = 0; i < n; i++) a[i] = rows[i][f] ? 1 : 0;
    booleans[f] = a; transfer.push(a.buffer);
  }
  for (const f of STRING_FIELDS) {
    const dict = new Map(), values = [], a = new Uint32Array(n);
    for (let i = 0; i < n; i++) {
      const v = rows[i][f];
      let k = dict.get(v);
      if (k === undefined) { k = values.length; values.push(v); dict.set(v, k); }
      a[i] = k;
    }
    strings[f] = { values, indices: a }; transfer.push(a.buffer);
  }
  const { promotions, ...rest } = chunk;
  return [{ index: chunk.index, columns: { n, numbers, booleans, strings, rest } }, transfer];
}
function pump() {
  while (job && credits > 0 && next <= job.stores) {
    const end = Math.min(job.stores, next + job.chunkSize - 1);
    const { promotions, storeIds } = processBatch(next, end, 'MIXED', { seed: 42 });
    const chunk = { index: index++, startStore: next, endStore: end, storeIds, promotions,
      progress: { storesDone: end, totalStores: job.stores } };
    const [message, transfer] = encode(chunk, job.encoding);
    postMessage(message, transfer);
    credits--; next = end + 1;
  }
  if (job && next > job.stores) { postMessage({ done: true }); job = null; }
}
onmessage = ({ data }) => {
  if (data.start) { job = data.start; credits = data.credits; next = 1; index = 0; }
  else credits += data.credits;
  pump();
};
`;

/** Runs in the page: streams one case from the worker and times the main thread's handling of every message. */
async function receiveInPage({ stores, chunkSize, encoding }) {
  const { PROMOTION_NUMBER_FIELDS, PROMOTION_BOOLEAN_FIELDS, PROMOTION_FIELDS } = await import(
    '/generator.js'
  );
  const STRING_FIELDS = PROMOTION_FIELDS.filter(
    (f) => !PROMOTION_NUMBER_FIELDS.includes(f) && !PROMOTION_BOOLEAN_FIELDS.includes(f),
  );
  const decoder = new TextDecoder();
  const decode = (data) => {
    if (data.chunk) return data.chunk.promotions;
    if (data.bytes) return JSON.parse(decoder.decode(data.bytes)).promotions;
    const { n, numbers, booleans, strings } = data.columns;
    const rows = new Array(n);
    for (let i = 0; i < n; i++) {
      const row = {};
      for (const f of STRING_FIELDS) row[f] = strings[f].values[strings[f].indices[i]];
      for (const f of PROMOTION_NUMBER_FIELDS) row[f] = numbers[f][i];
      for (const f of PROMOTION_BOOLEAN_FIELDS) row[f] = booleans[f][i] === 1;
      rows[i] = row;
    }
    return rows;
  };
  const worker = new Worker('/bench-worker.js', { type: 'module' });
  const kept = [];
  let busy = 0;
  let longest = 0;
  let firstMs = null;
  const started = performance.now();
  await new Promise((resolve, reject) => {
    worker.onerror = (event) => reject(new Error(event.message));
    worker.onmessage = (event) => {
      const t0 = performance.now();
      const data = event.data;
      if (data.done) {
        resolve();
        return;
      }
      const rows = decode(data);
      for (let i = 0; i < rows.length; i++) kept.push(rows[i]);
      const spent = performance.now() - t0;
      busy += spent;
      if (spent > longest) longest = spent;
      if (firstMs === null) firstMs = performance.now() - started;
      worker.postMessage({ credits: 1 });
    };
    worker.postMessage({ start: { stores, chunkSize, encoding }, credits: 2 });
  });
  const wallMs = performance.now() - started;
  worker.terminate();
  // The rows must be what the generator makes: check one value of each kind.
  const last = kept[kept.length - 1];
  return {
    rows: kept.length,
    busyMs: busy,
    longestMs: longest,
    firstMs,
    wallMs,
    check: `${last.id} ${typeof last.revenue} ${typeof last.featureAd}`,
  };
}

async function serve() {
  const generator = await readFile(fileURLToPath(import.meta.resolve('@promoscale/generator')));
  const server = http.createServer((request, response) => {
    if (request.url === '/generator.js' || request.url === '/bench-worker.js') {
      response.writeHead(200, { 'content-type': 'text/javascript' });
      response.end(request.url === '/generator.js' ? generator : WORKER);
    } else {
      response.writeHead(200, { 'content-type': 'text/html' });
      response.end('<!doctype html><title>promoscale worker encoding bench</title>');
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, origin: `http://127.0.0.1:${server.address().port}` };
}

const fmt = (n, digits = 1) => n.toFixed(digits).padStart(8);

const browser = await launchChromium();
const { server, origin } = await serve();
const results = [];
try {
  for (const testCase of CASES) {
    const runs = Object.fromEntries(ENCODINGS.map((e) => [e, []]));
    for (let run = 0; run < RUNS; run++) {
      // Rotate the order so no encoding always runs first (a cold JIT) or last.
      const order = ENCODINGS.map((_, i) => ENCODINGS[(i + run) % ENCODINGS.length]);
      for (const encoding of order) {
        const context = await browser.newContext();
        const page = await context.newPage();
        await page.goto(origin);
        runs[encoding].push(await page.evaluate(receiveInPage, { ...testCase, encoding }));
        await context.close();
      }
    }
    for (const encoding of ENCODINGS) {
      const r = runs[encoding];
      const per10k = 10_000 / r[0].rows;
      results.push({
        ...testCase,
        encoding,
        rows: r[0].rows,
        check: r[0].check,
        busyMsPer10k: median(r.map((x) => x.busyMs)) * per10k,
        longestMs: median(r.map((x) => x.longestMs)),
        firstMs: median(r.map((x) => x.firstMs)),
        wallMs: median(r.map((x) => x.wallMs)),
        runs: r,
      });
    }
  }
} finally {
  server.close();
  await browser.close();
}

if (JSON_OUT) {
  console.log(JSON.stringify({ chromium: browser.version(), runs: RUNS, results }, null, 2));
} else {
  console.log(
    `@promoscale/react-grid worker encoding bench (Chromium ${browser.version()}, ${os.cpus().length} CPUs, median of ${RUNS} runs)`,
  );
  console.log('main-thread receive cost = event.data read + decode to row objects, per message, summed');
  console.log(' stores  chunk  encoding     main busy / 10k rows  longest message  first rows     all rows');
  for (const r of results) {
    console.log(
      `${String(r.stores).padStart(7)}  ${String(r.chunkSize).padStart(5)}  ${r.encoding.padEnd(11)}  ${fmt(r.busyMsPer10k, 2)} ms          ${fmt(r.longestMs, 2)} ms    ${fmt(r.firstMs)} ms  ${fmt(r.wallMs)} ms`,
    );
  }
  const totals = Object.fromEntries(
    ENCODINGS.map((e) => [
      e,
      results.filter((r) => r.encoding === e).reduce((s, r) => s + r.busyMsPer10k, 0),
    ]),
  );
  const winner = ENCODINGS.reduce((a, b) => (totals[a] <= totals[b] ? a : b));
  console.log(
    `least main-thread time over all cases: ${winner} (${ENCODINGS.map((e) => `${e} ${totals[e].toFixed(1)}`).join(', ')} ms per 10k rows, summed over the cases)`,
  );
}
