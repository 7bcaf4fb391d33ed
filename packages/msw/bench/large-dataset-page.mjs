// The page of large-dataset.bench.mjs in Chromium (bundled by the bench with Vite): MSW's service worker with the
// promoscale handlers over a generated source, and the steps' primitives on `window.bench`.
import { createGeneratedSource } from '@promoscale/api';
import { slicePromotions } from '@promoscale/generator';
import { setupPromoscaleWorker } from '@promoscale/msw/browser';
import { jsonGetter, timeEach, timeMaterialize, timeRegenerate } from './large-dataset-steps.mjs';

let source;
let dataset;
const longTasks = [];
new PerformanceObserver((list) => longTasks.push(...list.getEntries())).observe({
  type: 'longtask',
  buffered: true,
});

const getJson = jsonGetter('');

window.bench = {
  async start(spec, options) {
    dataset = spec;
    source = createGeneratedSource(spec, options);
    const worker = setupPromoscaleWorker({ dataset: spec, source });
    await worker.start({ quiet: true, onUnhandledRequest: 'bypass' });
  },
  async cold(path) {
    const start = performance.now();
    const body = await getJson(path);
    const end = performance.now();
    // Long tasks are reported a little after they end.
    await new Promise((resolve) => setTimeout(resolve, 50));
    const during = longTasks.filter((task) => task.startTime >= start && task.startTime < end);
    return {
      ms: end - start,
      longestTaskMs: Math.max(0, ...during.map((task) => task.duration)),
      total: body.total ?? body.totals?.promotions,
    };
  },
  warm: (paths) => timeEach(getJson, paths),
  regenerate: () => timeRegenerate(slicePromotions, dataset),
  storage: () => source.storage(),
  materialize: () => timeMaterialize(source),
};
