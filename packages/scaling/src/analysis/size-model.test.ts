import { describe, expect, it } from 'vitest';
import { interpolateTime, utf8Length } from './size-model.js';

describe('utf8Length', () => {
  it('counts UTF-8 bytes like an encoder, without encoding', () => {
    for (const text of ['STORE_001', 'Crème brûlée', '€ 3 for $10', '🍓 bowl', '', '\ud800 lone']) {
      expect(utf8Length(text)).toBe(new TextEncoder().encode(text).length);
    }
  });
});

describe('interpolateTime', () => {
  const points = [
    [100, 1],
    [1000, 20],
    [2000, 50],
  ] as const;

  it('is proportional below the first point and linear between points', () => {
    expect(interpolateTime(50, points)).toBeCloseTo(0.5, 9);
    expect(interpolateTime(550, points)).toBeCloseTo(10.5, 9);
    expect(interpolateTime(1500, points)).toBeCloseTo(35, 9);
  });

  it("extrapolates along the last segment's slope, never below the last average rate", () => {
    expect(interpolateTime(3000, points)).toBeCloseTo(80, 9);
    expect(
      interpolateTime(4000, [
        [1000, 10],
        [2000, 12],
      ]),
    ).toBeCloseTo(24, 9); // slope 0.002 < average 0.006
  });

  it('stays non-decreasing over noisy, unsorted points and ignores empty ones', () => {
    const noisy = [
      [1000, 8],
      [100, 1],
      [500, 9],
      [0, 0],
    ] as const;
    let previous = 0;
    for (let x = 1; x <= 3000; x += 7) {
      const t = interpolateTime(x, noisy);
      expect(t).toBeGreaterThanOrEqual(previous);
      previous = t;
    }
    expect(interpolateTime(10, [])).toBe(0);
  });
});
