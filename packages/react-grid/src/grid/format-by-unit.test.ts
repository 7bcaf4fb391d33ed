import { describe, expect, it } from 'vitest';
import { formatByUnit, MISSING_VALUE } from './format-by-unit.js';

describe('formatByUnit', () => {
  it('returns dollars with cents and grouping for money', () => {
    expect(formatByUnit(1234.56, 'money')).toBe('$1,234.56');
    expect(formatByUnit(-12.5, 'money')).toBe('-$12.50');
    expect(formatByUnit(0, 'money')).toBe('$0.00');
  });

  it('returns one decimal percentages for percent fields and for ratios', () => {
    expect(formatByUnit(25, 'percent')).toBe('25.0%');
    expect(formatByUnit(-3.25, 'percent')).toBe('-3.3%');
    expect(formatByUnit(-0.4, 'ratio')).toBe('-40.0%');
    expect(formatByUnit(1.234, 'ratio')).toBe('123.4%');
  });

  it('returns whole counts, days, Yes/No and enum, id and text values as they are', () => {
    expect(formatByUnit(12345, 'count')).toBe('12,345');
    expect(formatByUnit(14, 'days')).toBe('14 days');
    expect(formatByUnit(1, 'days')).toBe('1 day');
    expect([formatByUnit(true, 'boolean'), formatByUnit(false, 'boolean')]).toEqual(['Yes', 'No']);
    expect(formatByUnit('RURAL_VALUE', 'enum')).toBe('RURAL_VALUE');
    expect(formatByUnit('PRM-STORE_001-SKU0042', 'id')).toBe('PRM-STORE_001-SKU0042');
  });

  it('returns ISO dates as they are, or a short local date whatever the time zone', () => {
    expect(formatByUnit('2026-06-01', 'date')).toBe('2026-06-01');
    expect(formatByUnit('2026-06-01', 'date', { dates: 'locale' })).toBe('Jun 1, 2026');
    expect(formatByUnit('2026-12-31', 'date', { dates: 'locale', locale: 'de-DE' })).toBe('31.12.2026');
  });

  it('returns a dash for missing, non-finite or mistyped values instead of NaN or undefined', () => {
    const hostile = [undefined, null, Number.NaN, Number.POSITIVE_INFINITY, '12', {}];
    for (const unit of ['money', 'percent', 'ratio', 'count', 'days'] as const) {
      for (const value of hostile)
        expect(formatByUnit(value, unit), `${unit} ${String(value)}`).toBe(MISSING_VALUE);
    }
    expect(formatByUnit('', 'text')).toBe(MISSING_VALUE);
    expect(formatByUnit(42, 'text')).toBe(MISSING_VALUE);
    expect(formatByUnit('yes', 'boolean')).toBe(MISSING_VALUE);
    expect(formatByUnit('2026-13-45', 'date', { dates: 'locale' })).toBe(MISSING_VALUE);
    expect(formatByUnit('2026-02-30', 'date')).toBe(MISSING_VALUE);
    expect(formatByUnit('June 1', 'date')).toBe(MISSING_VALUE);
  });

  it('formats huge money without losing grouping', () => {
    expect(formatByUnit(1e12, 'money')).toBe('$1,000,000,000,000.00');
  });
});
