import { PromoscaleError, processBatch } from '@promoscale/generator';
import { describe, expect, it } from 'vitest';
import { loadSingleBatch } from './load-single-batch.js';

describe('loadSingleBatch', () => {
  it('returns the rows and store ids of one processBatch call with the spec defaults filled in', () => {
    const result = loadSingleBatch({ stores: 7 });
    const batch = processBatch(1, 7, 'MIXED', { seed: 42, asOf: '2026-06-01' });
    expect(result.promotions).toEqual(batch.promotions);
    expect(result.storeIds).toEqual([
      'STORE_001',
      'STORE_002',
      'STORE_003',
      'STORE_004',
      'STORE_005',
      'STORE_006',
      'STORE_007',
    ]);
    expect(result.elapsedMs).toBeGreaterThanOrEqual(0);
  });

  it('throws PromoscaleError naming the field for an invalid spec', () => {
    expect(() => loadSingleBatch({ stores: 10, templates: 'DOWNTOWN' as never })).toThrow(PromoscaleError);
    expect(() => loadSingleBatch({ stores: 10, asOf: '2026-02-30' })).toThrow(/spec\.asOf/);
  });
});
