import { describe, expect, it } from 'vitest';
import { DEFAULT_SEED, normalizeSpec } from './dataset-spec.js';

describe('normalizeSpec', () => {
  it('returns seed 42, MIXED and asOf 2026-06-01 when only stores is given', () => {
    expect(normalizeSpec({ stores: 50 })).toEqual({
      seed: 42,
      stores: 50,
      templates: 'MIXED',
      asOf: '2026-06-01',
    });
    expect(DEFAULT_SEED).toBe(42);
  });

  it('returns the given values when every field is set', () => {
    expect(
      normalizeSpec({ seed: 'demo', stores: 100_000, templates: 'URBAN_PREMIUM', asOf: '2025-12-31' }),
    ).toEqual({ seed: 'demo', stores: 100_000, templates: 'URBAN_PREMIUM', asOf: '2025-12-31' });
  });

  it('returns a weights object without its zero weights', () => {
    expect(
      normalizeSpec({ stores: 1, templates: { RURAL_VALUE: 0, CAMPUS_EXPRESS: 2.5 } }).templates,
    ).toEqual({
      CAMPUS_EXPRESS: 2.5,
    });
  });
});
