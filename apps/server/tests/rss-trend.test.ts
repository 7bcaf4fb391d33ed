import { describe, expect, it } from 'vitest';
import { rssTrend, rssVerdict } from '../bench/rss-trend.mjs';

/** `seconds` samples (one a second) of a garbage-collected heap: a 7-second saw-tooth of `amplitude` MB. */
const sawTooth = (seconds: number, level: number, amplitude: number, mbPerMin = 0) =>
  Array.from({ length: seconds }, (_, t) => level + ((t % 7) / 6) * amplitude + (mbPerMin * t) / 60);

describe("the bench's RSS verdict", () => {
  it('calls a long saw-tooth around a level flat, whatever its first sample', () => {
    const trend = rssTrend(sawTooth(120, 170, 20));
    expect(Math.abs(trend.slope)).toBeLessThan(1);
    expect(rssVerdict(trend)).toBe('flat');
  });

  it('is not tilted by one spike or dip at either end (a GC pause, a sample taken mid-collection)', () => {
    const samples = sawTooth(120, 170, 20);
    samples[0] = 120;
    samples[1] = 125;
    samples[70] = 260;
    const trend = rssTrend(samples);
    expect(Math.abs(trend.slope)).toBeLessThan(1);
    expect(rssVerdict(trend)).toBe('flat');
  });

  it('calls a steady climb of 5 MB/min growing, and measures it', () => {
    const trend = rssTrend(sawTooth(120, 170, 20, 5));
    expect(trend.slope).toBeGreaterThan(4);
    expect(trend.slope).toBeLessThan(6);
    expect(rssVerdict(trend)).toBe('growing');
  });

  it('says it cannot tell when the window is too short for its noise, or has too few samples', () => {
    expect(rssVerdict(rssTrend(sawTooth(30, 170, 40, 2)))).toMatch(/^not resolved at this length/);
    expect(rssVerdict(rssTrend(sawTooth(12, 170, 0)))).toMatch(/^not resolved: too few samples/);
    expect(rssVerdict(rssTrend([]))).toMatch(/^not resolved/);
  });
});
