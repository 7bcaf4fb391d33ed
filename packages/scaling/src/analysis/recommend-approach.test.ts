import { describe, expect, it } from 'vitest';
import { DEFAULT_THRESHOLDS } from './approach-thresholds.js';
import { DEFAULT_CALIBRATION, type ScalingCalibration } from './default-calibration.js';
import { estimateDatasetSize } from './estimate-dataset-size.js';
import { recommendApproach } from './recommend-approach.js';

/** The largest store count whose figure stays within `limit` (figures grow with the count). */
function lastWithin(figure: (n: number) => number, limit: number): number {
  let n = 1;
  while (figure(n + 1) <= limit) n++;
  return n;
}

const slowDevice: ScalingCalibration = {
  ...DEFAULT_CALIBRATION,
  throughput: DEFAULT_CALIBRATION.throughput.map((p) => ({
    ...p,
    generatePromotionsPerMs: p.generatePromotionsPerMs / 4,
    parseBytesPerMs: p.parseBytesPerMs / 4,
  })),
};

describe('recommendApproach', () => {
  it.each([
    [1, 'SINGLE_BATCH'],
    [10, 'SINGLE_BATCH'],
    [11, 'CHUNKED_PROCESSING'],
    [25, 'CHUNKED_PROCESSING'],
    [26, 'STREAMING_ITERATOR'],
    [50, 'STREAMING_ITERATOR'],
    [51, 'DATABASE_BACKEND'],
    [100_000, 'DATABASE_BACKEND'],
  ])('recommends %i stores %s by default (the seed ranges 1-10, 11-25, 26-50, 51+)', (stores, approach) => {
    const recommendation = recommendApproach(stores);
    expect(recommendation.approach).toBe(approach);
    expect(recommendation.byStoreCount).toBe(approach);
    expect(recommendation.estimate).toEqual(estimateDatasetSize(stores));
    expect(recommendation.estimate.approach).toBe(approach);
    expect(recommendation.thresholds).toEqual(DEFAULT_THRESHOLDS);
    expect(recommendation.exceeded).toEqual([]);
  });

  it('says which range the count falls in and what it will take', () => {
    const { reason } = recommendApproach(12);
    expect(reason).toMatch(/^12 stores \(360 promotions: ~[\d.]+ MB peak, ~[\d.]+ ms to load, LOW risk\)/);
    expect(reason).toContain('falls in 11-25, the CHUNKED_PROCESSING range.');
  });

  it.each([
    [5, 'SINGLE_BATCH'],
    [6, 'CHUNKED_PROCESSING'],
    [15, 'CHUNKED_PROCESSING'],
    [16, 'STREAMING_ITERATOR'],
    [100, 'STREAMING_ITERATOR'],
    [101, 'DATABASE_BACKEND'],
  ])('moves the boundaries with configured thresholds 5/15/100: %i stores → %s', (stores, approach) => {
    const thresholds = { singleBatchMax: 5, chunkedMax: 15, streamingMax: 100 };
    expect(recommendApproach(stores, undefined, { thresholds }).approach).toBe(approach);
    expect(estimateDatasetSize(stores, { thresholds }).approach).toBe(approach);
  });

  it('lets a zero threshold skip an approach', () => {
    const thresholds = { singleBatchMax: 0, chunkedMax: 0 };
    expect(recommendApproach(1, undefined, { thresholds }).approach).toBe('STREAMING_ITERATOR');
  });

  describe('with a memory budget', () => {
    // Budget = the peak of 7 stores: a single batch and chunked loading (both hold rows + JSON) stop at 7;
    // streaming holds only the rows, which fit up to a larger count.
    const memoryMb = estimateDatasetSize(7).memory_requirement_mb;
    const rowsFit = lastWithin((n) => estimateDatasetSize(n).base_size_mb, memoryMb);

    it('moves the single-batch and chunked boundaries to 7/8 and the streaming one to where the rows fit', () => {
      expect(rowsFit).toBeGreaterThan(7);
      expect(rowsFit).toBeLessThan(50);
      expect(recommendApproach(7, { memoryMb }).approach).toBe('SINGLE_BATCH');
      expect(recommendApproach(8, { memoryMb }).approach).toBe('STREAMING_ITERATOR');
      expect(recommendApproach(rowsFit, { memoryMb }).approach).toBe('STREAMING_ITERATOR');
      expect(recommendApproach(rowsFit + 1, { memoryMb }).approach).toBe('DATABASE_BACKEND');
      expect(recommendApproach(8, { memoryMb }).thresholds).toEqual({
        singleBatchMax: 7,
        chunkedMax: 7,
        streamingMax: rowsFit,
      });
    });

    it('says which figure exceeded the budget and by how much', () => {
      const recommendation = recommendApproach(8, { memoryMb });
      const peak = recommendation.estimate.memory_requirement_mb;
      expect(recommendation.byStoreCount).toBe('SINGLE_BATCH');
      expect(recommendation.exceeded).toEqual([
        expect.objectContaining({
          approach: 'SINGLE_BATCH',
          figure: 'memory_requirement_mb',
          value: expect.closeTo(peak, 5),
        }),
        expect.objectContaining({ approach: 'CHUNKED_PROCESSING', figure: 'memory_requirement_mb' }),
      ]);
      const [excess] = recommendation.exceeded;
      expect(excess?.budget).toBe(memoryMb);
      expect(excess?.over).toBeCloseTo(peak - memoryMb, 5);
      expect(excess?.overPct).toBeCloseTo((100 * (peak - memoryMb)) / memoryMb, 3);
      expect(recommendation.reason).toContain(
        'a single batch and chunked processing do not fit the budget (peak memory',
      );
      expect(recommendation.reason).toContain(`(+${excess?.overPct.toFixed(1)}%)`);
      const [, budgetText, overText] =
        /exceeds the ([\d.]+) MB budget by ([\d.]+) MB/.exec(recommendation.reason) ?? [];
      expect(Number(budgetText)).toBeCloseTo(memoryMb, 2);
      expect(Number(overText)).toBeCloseTo(peak - memoryMb, 2);
      expect(recommendation.reason).toMatch(/STREAMING_ITERATOR instead\.$/);
    });

    it('gives the same approach in the estimate when the budget is passed to it', () => {
      expect(estimateDatasetSize(8, { budget: { memoryMb } }).approach).toBe('STREAMING_ITERATOR');
    });
  });

  describe('with a time budget', () => {
    const timeMs = estimateDatasetSize(7).load_time_ms;

    it('moves only the single-batch boundary (chunks yield between them) to 7/8', () => {
      expect(recommendApproach(7, { timeMs }).approach).toBe('SINGLE_BATCH');
      const eight = recommendApproach(8, { timeMs });
      expect(eight.approach).toBe('CHUNKED_PROCESSING');
      expect(eight.thresholds).toEqual({ ...DEFAULT_THRESHOLDS, singleBatchMax: 7 });
      expect(eight.exceeded).toEqual([
        expect.objectContaining({ approach: 'SINGLE_BATCH', figure: 'load_time_ms' }),
      ]);
      expect(eight.reason).toContain('load time');
      const [, budgetText] =
        /load time [\d.]+ ms exceeds the ([\d.]+) ms budget by [\d.]+ ms/.exec(eight.reason) ?? [];
      expect(Number(budgetText)).toBeCloseTo(timeMs, 2);
      expect(recommendApproach(25, { timeMs }).approach).toBe('CHUNKED_PROCESSING');
    });

    it('moves it lower on a slower device (a calibration from calibrate())', () => {
      const slowFit = lastWithin(
        (n) => estimateDatasetSize(n, { calibration: slowDevice }).load_time_ms,
        timeMs,
      );
      expect(slowFit).toBeLessThan(7);
      const options = { calibration: slowDevice };
      expect(recommendApproach(slowFit, { timeMs }, options).approach).toBe('SINGLE_BATCH');
      expect(recommendApproach(slowFit + 1, { timeMs }, options).approach).toBe('CHUNKED_PROCESSING');
      expect(recommendApproach(slowFit + 1, { timeMs }).approach).toBe('SINGLE_BATCH');
    });
  });

  it('escalates to DATABASE_BACKEND when not even the rows of one store fit', () => {
    const recommendation = recommendApproach(1, { memoryMb: 0.001 });
    expect(recommendation.approach).toBe('DATABASE_BACKEND');
    expect(recommendation.thresholds).toEqual({ singleBatchMax: 0, chunkedMax: 0, streamingMax: 0 });
    expect(recommendation.exceeded.map((e) => e.approach)).toEqual([
      'SINGLE_BATCH',
      'CHUNKED_PROCESSING',
      'STREAMING_ITERATOR',
    ]);
  });

  it('keeps the count-based approach when the budget is generous', () => {
    const recommendation = recommendApproach(40, { memoryMb: 1000, timeMs: 10_000 });
    expect(recommendation.approach).toBe('STREAMING_ITERATOR');
    expect(recommendation.thresholds).toEqual(DEFAULT_THRESHOLDS);
    expect(recommendation.exceeded).toEqual([]);
  });

  it.each([
    [{ memoryMb: 0 }, 'budget.memoryMb'],
    [{ timeMs: -5 }, 'budget.timeMs'],
    [{ timeMs: Number.POSITIVE_INFINITY }, 'budget.timeMs'],
  ])('throws INVALID_OPTION for the budget %j', (budget, field) => {
    expect(() => recommendApproach(5, budget)).toThrow(
      expect.objectContaining({ code: 'INVALID_OPTION', field }),
    );
  });

  it('throws INVALID_STORE_COUNT for thresholds out of order or a bad store count', () => {
    expect(() => recommendApproach(5, undefined, { thresholds: { singleBatchMax: 30 } })).toThrow(
      expect.objectContaining({ code: 'INVALID_STORE_COUNT', field: 'options.thresholds.chunkedMax' }),
    );
    expect(() => recommendApproach(5, undefined, { thresholds: { streamingMax: 2.5 } })).toThrow(
      /options\.thresholds\.streamingMax must be an integer from 25 to 100000/,
    );
    expect(() => recommendApproach(0)).toThrow(expect.objectContaining({ code: 'INVALID_STORE_COUNT' }));
  });
});
