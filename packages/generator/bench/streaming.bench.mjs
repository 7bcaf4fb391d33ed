// Memory while streaming: storeDataIterator(100000, 100, 'MIXED') (3,000,000 promotions) in a fresh child
// process, so that its peak RSS is the streaming's alone: promotions/s, RSS at start and peak RSS.
//
// Run:  cd packages/generator && pnpm build && node bench/streaming.bench.mjs [--json]
// (`pnpm bench` runs it with the other benches, bench/generator.bench.mjs.)

import { performance } from 'node:perf_hooks';
import { storeDataIterator } from '@promoscale/generator';
import { inChild, int, isMain, main, mb } from './harness.mjs';

const STREAM_STORES = 100_000;
const STREAM_CHUNK = 100;

function streamRun() {
  const rssAtStart = process.memoryUsage().rss;
  let promotions = 0;
  let revenue = 0;
  const started = performance.now();
  for (const chunk of storeDataIterator(STREAM_STORES, STREAM_CHUNK, 'MIXED')) {
    for (const promotion of chunk.promotions) revenue += promotion.revenue;
    promotions += chunk.promotions.length;
  }
  const ms = performance.now() - started;
  return {
    stores: STREAM_STORES,
    chunkSize: STREAM_CHUNK,
    promotions,
    ms,
    perSecond: (promotions * 1000) / ms,
    revenueChecksum: Math.round(revenue),
    rssAtStartBytes: rssAtStart,
    peakRssBytes: process.resourceUsage().maxRSS * 1024,
  };
}

/** The streaming figures, measured in a fresh Node process. */
export const measure = () => inChild(import.meta.url, '--child-stream');

/** The report's lines for the figures of {@link measure}. */
export function lines(stream) {
  const { stores, chunkSize, promotions, ms, perSecond, revenueChecksum } = stream;
  return [
    `Streaming: storeDataIterator(${int.format(stores)}, ${chunkSize}, 'MIXED') in a child process`,
    `  ${int.format(promotions)} promotions in ${int.format(ms)} ms: ${int.format(perSecond)} promotions/s`,
    `  RSS at start ${mb(stream.rssAtStartBytes)} MB, peak RSS ${mb(stream.peakRssBytes)} MB`,
    `  (revenue checksum $${int.format(revenueChecksum)})`,
  ];
}

if (isMain(import.meta.url)) await main({ child: () => streamRun(), run: measure, lines });
