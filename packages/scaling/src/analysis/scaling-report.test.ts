import v8 from 'node:v8';
import vm from 'node:vm';
import { processBatch } from '@promoscale/generator';
import { describe, expect, it } from 'vitest';
import { estimateDatasetSize } from './estimate-dataset-size.js';
import { generateScalingReport, SEED_TABLE_SIZES } from './scaling-report.js';

const MB = 1_048_576;

describe('generateScalingReport', () => {
  it('estimates the seed table sizes in the seed table layout when not measuring', async () => {
    const report = await generateScalingReport(undefined, { measure: false });
    expect(report.rows.map((row) => row.estimate)).toEqual(
      SEED_TABLE_SIZES.map((n) => estimateDatasetSize(n)),
    );
    expect(report.rows.every((row) => row.measured === undefined && row.error_pct === undefined)).toBe(true);
    const lines = report.markdown.split('\n');
    expect(lines[0]).toBe(
      '| Store Count | Promotions | Base Size | JSON Size | Memory Req | Load Time | Risk Level | Approach |',
    );
    expect(lines[1]).toMatch(/^\|-+\|-+\|/);
    expect(lines).toHaveLength(2 + SEED_TABLE_SIZES.length);
    expect(lines[2]).toMatch(
      /^\| 5 \| 150 \| 0\.063MB \| 0\.11MB \| <1MB \| [\d.]+ms \| LOW \| SINGLE_BATCH \|$/,
    );
    expect(lines[8]).toMatch(
      /^\| 500 \| 15,000 \| 6\.31MB \| 10\.61MB \| 21MB \| \d+ms \| HIGH \| DATABASE_BACKEND \|$/,
    );
  });

  it('measures each size beside its estimate, with the error of each figure', async () => {
    const report = await generateScalingReport([1, 7], { runs: 1 });
    for (const row of report.rows) {
      const n = row.estimate.store_count;
      const actual = Buffer.byteLength(JSON.stringify(processBatch(1, n, 'MIXED').promotions)) / MB;
      expect(row.measured?.json_size_mb).toBeCloseTo(actual, 9);
      expect(row.error_pct?.json_size_mb).toBeCloseTo(
        (100 * (row.estimate.json_size_mb - actual)) / actual,
        1,
      );
      expect(Math.abs(row.error_pct?.json_size_mb ?? 100)).toBeLessThan(3);
      expect(row.measured?.load_time_ms).toBeGreaterThan(0);
      expect(row.measured?.heap_mb).toBeNull(); // no gc() exposed in this process
      expect(row.error_pct?.heap_mb).toBeNull();
    }
    expect(report.markdown.split('\n')[0]).toBe(
      '| Store Count | Promotions | Base Size | Measured Heap | JSON Size | Measured JSON | Memory Req | Load Time | ' +
        'Measured Load | Risk Level | Approach |',
    );
    expect(report.markdown).toMatch(
      /\| 7 \| 210 \| 0\.088MB \| n\/a \| 0\.15MB \| 0\.15MB \((\+|-|±)\d\.\d%\) \|/,
    );
  });

  it('measures retained heap where a gc is given', async () => {
    v8.setFlagsFromString('--expose-gc');
    const gc = vm.runInNewContext('gc') as () => void;
    const report = await generateScalingReport([200], { runs: 3, gc });
    const [row] = report.rows;
    expect(row?.measured?.heap_mb).toBeGreaterThan(0);
    expect(Math.abs(row?.error_pct?.heap_mb ?? 100)).toBeLessThan(15);
  });

  it('only estimates sizes above measureMaxStores', async () => {
    const report = await generateScalingReport([2, 50_000], { runs: 1, measureMaxStores: 10 });
    expect(report.rows[0]?.measured).toBeDefined();
    expect(report.rows[1]?.measured).toBeUndefined();
    expect(report.markdown).toMatch(/\| 50,000 \| 1,500,000 \| [\d.]+MB \| — \|/);
  });

  it('passes estimate options through (templates, calibration)', async () => {
    const report = await generateScalingReport([3], { measure: false, templates: 'URBAN_PREMIUM' });
    expect(report.rows[0]?.estimate).toEqual(estimateDatasetSize(3, { templates: 'URBAN_PREMIUM' }));
  });

  it('rejects bad sizes and an aborted signal', async () => {
    await expect(generateScalingReport([5, 0])).rejects.toMatchObject({
      code: 'INVALID_STORE_COUNT',
      field: 'sizes[1]',
    });
    const reason = new Error('stop');
    await expect(generateScalingReport([5], { signal: AbortSignal.abort(reason) })).rejects.toBe(reason);
  });
});
