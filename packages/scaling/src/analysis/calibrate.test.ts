import v8 from 'node:v8';
import vm from 'node:vm';
import { TEMPLATE_NAMES } from '@promoscale/generator';
import { describe, expect, it } from 'vitest';
import { calibrate } from './calibrate.js';
import { DEFAULT_CALIBRATION } from './default-calibration.js';
import { estimateDatasetSize } from './estimate-dataset-size.js';

const QUICK = { stores: [5, 40], jsonStores: 40, storeTextSample: 300, heapStores: 200, runs: 1 } as const;

function exposedGc(): () => void {
  v8.setFlagsFromString('--expose-gc');
  return vm.runInNewContext('gc') as () => void;
}

describe('calibrate', () => {
  it('returns constants in the shape of DEFAULT_CALIBRATION', async () => {
    const calibration = await calibrate(QUICK);
    expect(Object.keys(calibration).sort()).toEqual(Object.keys(DEFAULT_CALIBRATION).sort());
    expect(Object.keys(calibration.jsonBytesPerPromotion)).toEqual([...TEMPLATE_NAMES]);
    expect(calibration.runtime).toBe(`node ${process.version}`);
    expect(calibration.throughput.map((p) => [p.stores, p.promotions])).toEqual([
      [5, 150],
      [40, 1200],
    ]);
    for (const point of calibration.throughput) {
      expect(point.generatePromotionsPerMs).toBeGreaterThan(0);
      expect(point.parseBytesPerMs).toBeGreaterThan(0);
    }
  });

  it('measures the same JSON constants as the defaults (same generator) to within 0.5%', async () => {
    const calibration = await calibrate(QUICK);
    expect(calibration.sources.json).toBe('measured');
    for (const name of TEMPLATE_NAMES) {
      const measured = calibration.jsonBytesPerPromotion[name] + calibration.storeTextBytes[name];
      const known =
        DEFAULT_CALIBRATION.jsonBytesPerPromotion[name] + DEFAULT_CALIBRATION.storeTextBytes[name];
      expect(Math.abs(measured - known) / known).toBeLessThan(0.005);
    }
    const ratio =
      estimateDatasetSize(33, { calibration }).json_size_mb / estimateDatasetSize(33).json_size_mb;
    expect(ratio).toBeCloseTo(1, 2);
  });

  it('falls back to the default heap figure without gc(), and says why', async () => {
    const calibration = await calibrate(QUICK);
    expect(typeof (globalThis as { gc?: unknown }).gc).not.toBe('function');
    expect(calibration.sources.heap).toBe('default');
    expect(calibration.heapBytesPerPromotion).toBe(DEFAULT_CALIBRATION.heapBytesPerPromotion);
    expect(calibration.notes.join(' ')).toMatch(/no gc\(\) exposed.*--expose-gc/);
  });

  it('falls back when the runtime gives no memory reading, even with gc()', async () => {
    const calibration = await calibrate({ ...QUICK, gc: () => {}, memoryEnvironment: {} });
    expect(calibration.sources.heap).toBe('default');
    expect(calibration.notes.join(' ')).toMatch(/no memory reading/);
  });

  it('measures heap per promotion where gc() is exposed', async () => {
    const calibration = await calibrate({ ...QUICK, heapStores: 500, runs: 3, gc: exposedGc() });
    expect(calibration.sources.heap).toBe('measured');
    expect(calibration.heapBytesPerPromotion).toBeGreaterThan(
      DEFAULT_CALIBRATION.heapBytesPerPromotion * 0.85,
    );
    expect(calibration.heapBytesPerPromotion).toBeLessThan(DEFAULT_CALIBRATION.heapBytesPerPromotion * 1.15);
  });

  it('yields to the event loop between measurements', async () => {
    let ticks = 0;
    const timer = setInterval(() => ticks++, 0);
    await calibrate(QUICK);
    clearInterval(timer);
    expect(ticks).toBeGreaterThan(0);
  });

  it('rejects with the reason of an aborted signal, before or during the run', async () => {
    const reason = new Error('stop');
    await expect(calibrate({ ...QUICK, signal: AbortSignal.abort(reason) })).rejects.toBe(reason);

    const controller = new AbortController();
    const run = calibrate({ ...QUICK, signal: controller.signal });
    setImmediate(() => controller.abort(reason));
    await expect(run).rejects.toBe(reason);
  });

  it('validates its store counts', async () => {
    await expect(calibrate({ stores: [0] })).rejects.toMatchObject({
      code: 'INVALID_STORE_COUNT',
      field: 'options.stores[0]',
    });
    await expect(calibrate({ runs: 0 })).rejects.toMatchObject({
      code: 'INVALID_OPTION',
      field: 'options.runs',
    });
  });
});
