import { describe, expect, it } from 'vitest';
import { generateStoreData } from './generate-store-data.js';
import { processBatch } from './process-batch.js';
import { STORE_TEMPLATES } from './templates/store-templates.js';
import { validatePromotions } from './validation/validate-promotions.js';

describe('processBatch', () => {
  // The seed POC's own unit tests ("Testing Strategy").
  it('returns 30 promotions for generateStoreData(STORE_001, SUBURBAN_FAMILY)', () => {
    const data = generateStoreData('STORE_001', STORE_TEMPLATES.SUBURBAN_FAMILY);
    expect(data).toHaveLength(30);
    expect(data.every((p) => p.storeId === 'STORE_001' && p.template === 'SUBURBAN_FAMILY')).toBe(true);
  });

  it('returns 150 promotions and 5 store ids for stores 1-5', () => {
    const result = processBatch(1, 5, 'SUBURBAN_FAMILY');
    expect(result.promotions).toHaveLength(150);
    expect(result.storeIds).toEqual(['STORE_001', 'STORE_002', 'STORE_003', 'STORE_004', 'STORE_005']);
    expect(new Set(result.promotions.map((p) => p.storeId))).toEqual(new Set(result.storeIds));
  });

  it('returns 210 promotions for the 7-store validation run', () => {
    const result = processBatch(1, 7, 'SUBURBAN_FAMILY', { includeValidation: validatePromotions });
    expect(result.promotions).toHaveLength(210);
    expect(result.storeIds).toHaveLength(7);
    expect(result.validation?.valid).toBe(true);
  });

  it('returns metadata describing the batch', () => {
    const { metadata } = processBatch(11, 25, 'SUBURBAN_FAMILY', { chunkSize: 10, seed: 'meta' });
    expect(metadata).toMatchObject({
      stores: 15,
      promotions: 450,
      startStore: 11,
      endStore: 25,
      template: 'SUBURBAN_FAMILY',
      templates: 'SUBURBAN_FAMILY',
      seed: 'meta',
      asOf: '2026-06-01',
      chunkSize: 10,
      chunks: 2,
    });
    expect(typeof metadata.durationMs).toBe('number');
    expect(metadata.durationMs).toBeGreaterThanOrEqual(0);
    expect(Number.isFinite(metadata.promotions_per_second)).toBe(true);
    expect(metadata.promotions_per_second).toBeGreaterThan(0);
    expect(metadata.memory).toBeUndefined();
  });

  it('returns default seed 42, MIXED template and chunkSize 10 in metadata when no options are given', () => {
    const { metadata } = processBatch(1, 25);
    expect(metadata).toMatchObject({
      seed: 42,
      template: 'MIXED',
      templates: 'MIXED',
      chunkSize: 10,
      chunks: 3,
    });
  });

  it('returns WEIGHTED and the normalized weights in metadata for a weights object', () => {
    const { metadata } = processBatch(1, 3, { URBAN_PREMIUM: 2, RURAL_VALUE: 0 });
    expect(metadata.template).toBe('WEIGHTED');
    expect(metadata.templates).toEqual({ URBAN_PREMIUM: 2 });
  });

  it('returns neither validation nor metrics unless asked for', () => {
    const result = processBatch(1, 2, 'MIXED');
    expect(result.validation).toBeUndefined();
    expect(result.metrics).toBeUndefined();
  });

  it('returns a valid validation result when includeValidation is validatePromotions', () => {
    const result = processBatch(1, 25, 'MIXED', {
      includeValidation: validatePromotions,
      asOf: '2025-10-01',
    });
    expect(result.validation).toEqual({
      valid: true,
      checked: 750,
      errors: [],
      truncated: false,
      errorCount: 0,
    });
  });

  it('hands the validator the rows, the asOf date and the store ids, and returns its result as it is', () => {
    const calls: unknown[][] = [];
    const result = processBatch(4, 6, 'RURAL_VALUE', {
      asOf: '2027-03-01',
      includeValidation: (...args) => {
        calls.push(args);
        return { valid: false, checked: 0, errors: [], truncated: false, errorCount: 9 };
      },
    });
    expect(calls).toEqual([
      [result.promotions, { asOf: '2027-03-01', stores: ['STORE_004', 'STORE_005', 'STORE_006'] }],
    ]);
    expect(result.validation).toEqual({
      valid: false,
      checked: 0,
      errors: [],
      truncated: false,
      errorCount: 9,
    });
  });

  it('rejects includeValidation: true before generating, naming validatePromotions as the value to pass', () => {
    const includeValidation = true as unknown as typeof validatePromotions;
    expect(() => processBatch(1, 2, 'MIXED', { includeValidation })).toThrowError(
      expect.objectContaining({
        name: 'PromoscaleError',
        code: 'INVALID_OPTION',
        field: 'options.includeValidation',
        message: expect.stringContaining('validatePromotions'),
      }),
    );
  });

  it('returns metrics that summarise the promotions when includeMetrics is set', () => {
    const { promotions, metrics } = processBatch(1, 25, 'MIXED', { includeMetrics: true });
    if (!metrics) throw new Error('metrics missing');
    const sum = (values: Iterable<number>) => [...values].reduce((a, b) => a + b, 0);
    expect(sum(Object.values(metrics.byPromoType))).toBe(promotions.length);
    expect(sum(Object.values(metrics.byStatus))).toBe(promotions.length);
    expect(sum(Object.values(metrics.byTemplate))).toBe(promotions.length);
    expect(metrics.negativeRoiShare).toBeGreaterThanOrEqual(0);
    expect(metrics.negativeRoiShare).toBeLessThanOrEqual(1);
    expect(metrics.negativeRoiShare).toBeCloseTo(
      promotions.filter((p) => p.roi < 0).length / promotions.length,
      4,
    );
    const cents = (field: 'revenue' | 'promoSpend') =>
      sum(promotions.map((p) => Math.round(p[field] * 100))) / 100;
    expect(metrics.totalRevenue).toBe(cents('revenue'));
    expect(metrics.totalPromoSpend).toBe(cents('promoSpend'));
    const lifts = promotions.map((p) => p.liftPct).sort((a, b) => a - b);
    expect(metrics.medianLiftPct).toBe(((lifts[374] as number) + (lifts[375] as number)) / 2);
  });

  it('returns a process.memoryUsage heap report when memoryMonitoring is set in Node', () => {
    const { metadata } = processBatch(1, 25, 'MIXED', { memoryMonitoring: true, chunkSize: 5 });
    const memory = metadata.memory;
    if (!memory) throw new Error('memory report missing');
    expect(memory.source).toBe('process.memoryUsage');
    expect(typeof memory.startBytes).toBe('number');
    expect(typeof memory.peakBytes).toBe('number');
    expect(memory.peakBytes as number).toBeGreaterThanOrEqual(memory.startBytes as number);
    expect(memory.peakBytes as number).toBeGreaterThanOrEqual(memory.endBytes as number);
    expect(memory.deltaBytes).toBe((memory.endBytes as number) - (memory.startBytes as number));
    // One reading before generation, one after each of the 5 chunks.
    expect(memory.samples).toBe(6);
  });

  it('returns the same rows with every option switched on', () => {
    const plain = processBatch(3, 12, 'URBAN_PREMIUM');
    const full = processBatch(3, 12, 'URBAN_PREMIUM', {
      chunkSize: 4,
      includeMetrics: true,
      includeValidation: validatePromotions,
      memoryMonitoring: true,
    });
    expect(JSON.stringify(full.promotions)).toBe(JSON.stringify(plain.promotions));
  });
});
