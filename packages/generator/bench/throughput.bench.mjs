// Generation throughput and memory in object mode: processBatch(1, n, 'MIXED') for n = 5 … 5,000 stores, each
// size in a fresh process: promotions/s (total and median call), the same with new stores each call
// (processBatch(1, n), then (n + 1, 2n), …) and its garbage-collection pauses per row, heap bytes per retained
// promotion, JSON bytes per promotion.
//
// Run:  cd packages/generator && pnpm build && node --expose-gc bench/throughput.bench.mjs [--json]
// (`pnpm bench` runs it with the other benches, bench/generator.bench.mjs.)

import { PerformanceObserver, performance } from 'node:perf_hooks';
import { processBatch } from '@promoscale/generator';
import {
  dec1,
  heapPerRetained,
  inChild,
  int,
  isMain,
  main,
  measureThroughput,
  row,
  timingFor,
} from './harness.mjs';

/** The store counts measured. */
export const SIZES = [5, 10, 25, 50, 500, 5_000];

function jsonBytesPerPromotion(promotions) {
  return Buffer.byteLength(JSON.stringify(promotions)) / promotions.length;
}

function benchStores(stores) {
  const throughput = measureThroughput(
    () => processBatch(1, stores, 'MIXED').promotions.length,
    timingFor(stores),
  );
  const { kept, bytesPerItem } = heapPerRetained(() => processBatch(1, stores, 'MIXED').promotions);
  return {
    stores,
    promotions: kept.length,
    ...throughput,
    heapBytesPerPromotion: bytesPerItem,
    jsonBytesPerPromotion: jsonBytesPerPromotion(kept),
  };
}

/**
 * processBatch over new stores each call: each call takes the next range (1-5, 6-10, …, wrapping at 100,000, so a
 * store comes back at most every 100,000 stores). Calling processBatch(1, n) again and again replays the same draws, so for small n the
 * CPU learns the branches and keeps the few table entries in cache: 5 stores measured ~1.9x faster that way than
 * with new stores each call, which is what an application paging through stores sees.
 */
async function benchNewStores(stores) {
  let start = 1;
  const pauses = [];
  const observer = new PerformanceObserver((list) => pauses.push(...list.getEntries()));
  observer.observe({ entryTypes: ['gc'] });
  const throughput = measureThroughput(() => {
    const count = processBatch(start, start + stores - 1, 'MIXED').promotions.length;
    start += stores;
    if (start + stores - 1 > 100_000) start = 1;
    return count;
  }, timingFor(stores));
  const measuredFrom = performance.now() - throughput.ms;
  // The observer hears of a collection on a later turn of the event loop.
  await new Promise((resolve) => setTimeout(resolve, 50));
  observer.disconnect();
  const gcMs = pauses
    .filter((entry) => entry.startTime >= measuredFrom)
    .reduce((sum, entry) => sum + entry.duration, 0);
  return { stores, ...throughput, gcNsPerRow: (gcMs * 1e6) / throughput.items };
}

/** processBatch on new stores each call at `stores` stores (see benchNewStores), in a fresh Node process. */
export const measureNewStores = (stores) => inChild(import.meta.url, '--child-new-stores', String(stores));

/** Both object-mode figures at each of `sizes`, each size and mode in a fresh Node process. */
export function measure(sizes = SIZES) {
  return sizes.map((stores) => ({
    ...inChild(import.meta.url, '--child-stores', String(stores)),
    newStores: measureNewStores(stores),
  }));
}

/** The report's lines for the figures of {@link measure}. */
export function lines(sizes) {
  const header = [
    'stores',
    'promotions',
    'promotions/s',
    'median call/s',
    'calls',
    'new stores/s',
    'gc ns/row',
    'heap B/promo',
    'JSON B/promo',
  ];
  const title =
    "Object mode: processBatch(1, n, 'MIXED'), each size in a fresh process, warm-up 0.3 s then >= 1 s of calls " +
    '(5,000 stores: 0.5 s, 2.5 s)';
  const note =
    '  promotions/s: processBatch(1, n) again and again; new stores/s: each call the next n stores (1-n, n+1-2n, ...);\n' +
    '  gc ns/row: main-thread garbage-collection pauses of the new-stores run (PerformanceObserver), per row';
  const lines = [title, note, row(header)];
  for (const s of sizes) {
    const counts = [
      s.stores,
      s.promotions,
      s.perSecond,
      s.medianPerSecond,
      s.calls,
      s.newStores.perSecond,
      s.newStores.gcNsPerRow,
    ].map(int.format);
    const bytes = [s.heapBytesPerPromotion, s.jsonBytesPerPromotion].map(dec1.format);
    lines.push(row([...counts, ...bytes]) + (s.stores < 500 ? '  (heap figure noisy)' : ''));
  }
  return lines;
}

if (isMain(import.meta.url)) {
  await main({
    child: (mode, stores) =>
      mode === 'stores' ? benchStores(Number(stores)) : benchNewStores(Number(stores)),
    run: () => measure(),
    lines,
  });
}
