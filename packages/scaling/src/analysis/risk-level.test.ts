import { describe, expect, it } from 'vitest';
import { classifyRisk, RISK_LEVELS, RISK_LIMITS } from './risk-level.js';

// The seed's "Memory Usage Analysis" table: JSON size, memory requirement and load time, and its risk column.
const SEED_TABLE = [
  { stores: 5, json_size_mb: 0.26, memory_requirement_mb: 1, load_time_ms: 8, risk: 'LOW' },
  { stores: 10, json_size_mb: 0.53, memory_requirement_mb: 1, load_time_ms: 15, risk: 'LOW' },
  { stores: 25, json_size_mb: 1.32, memory_requirement_mb: 2, load_time_ms: 37, risk: 'LOW' },
  { stores: 50, json_size_mb: 2.64, memory_requirement_mb: 3, load_time_ms: 72, risk: 'LOW' },
  { stores: 100, json_size_mb: 5.29, memory_requirement_mb: 7, load_time_ms: 144, risk: 'MEDIUM' },
  { stores: 250, json_size_mb: 13.22, memory_requirement_mb: 17, load_time_ms: 361, risk: 'HIGH' },
  { stores: 500, json_size_mb: 26.44, memory_requirement_mb: 34, load_time_ms: 721, risk: 'HIGH' },
] as const;

describe('classifyRisk', () => {
  it.each(SEED_TABLE)('gives the seed table its own risk column ($stores stores: $risk)', (row) => {
    expect(classifyRisk(row)).toBe(row.risk);
  });

  it('answers the levels of RISK_LEVELS, each level stricter than the one before', () => {
    expect(RISK_LEVELS).toEqual(['LOW', 'MEDIUM', 'HIGH', 'CRITICAL']);
    expect(Object.isFrozen(RISK_LEVELS)).toBe(true);
    const seen = SEED_TABLE.map((row) => RISK_LEVELS.indexOf(classifyRisk(row)));
    expect(seen).toEqual([...seen].sort((a, b) => a - b));
    expect(Math.min(...seen)).toBeGreaterThanOrEqual(0);
  });

  it('escalates on any one figure, strictly above its limit', () => {
    const low = { json_size_mb: 1, memory_requirement_mb: 1, load_time_ms: 1 };
    expect(classifyRisk({ ...low, json_size_mb: 5 })).toBe('LOW');
    expect(classifyRisk({ ...low, json_size_mb: 5.01 })).toBe('MEDIUM');
    expect(classifyRisk({ ...low, load_time_ms: 200.5 })).toBe('MEDIUM');
    expect(classifyRisk({ ...low, load_time_ms: 2001 })).toBe('HIGH');
    expect(classifyRisk({ ...low, memory_requirement_mb: 500 })).toBe('LOW');
    expect(classifyRisk({ ...low, memory_requirement_mb: 501 })).toBe('CRITICAL');
    expect(classifyRisk({ ...low, load_time_ms: 5001 })).toBe('CRITICAL');
  });

  it('takes other limits', () => {
    const limits = { ...RISK_LIMITS, MEDIUM: { memoryMb: 0.5 } };
    expect(classifyRisk({ json_size_mb: 0.1, memory_requirement_mb: 0.6, load_time_ms: 1 }, limits)).toBe(
      'MEDIUM',
    );
  });
});
