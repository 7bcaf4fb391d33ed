import { processBatch, slicePromotions, validatePromotions } from '@promoscale/generator';
import { describe, expect, it } from 'vitest';
import { createGeneratedSource } from './create-generated-source.js';
import { computeLiveUpdate } from './live-update.js';

describe('live updates', () => {
  it('are a pure function of the spec and the sequence number', async () => {
    const a = createGeneratedSource({ seed: 9, stores: 50 });
    const b = createGeneratedSource({ seed: 9, stores: 50 });
    await b.materialize();
    for (const n of [1, 2, 3, 50, 1000, 123_456])
      expect(await a.liveUpdate(n)).toEqual(await b.liveUpdate(n));
    const other = createGeneratedSource({ seed: 10, stores: 50 });
    const differs = await Promise.all(
      [1, 2, 3, 4].map(
        async (n) => (await other.liveUpdate(n))?.promotion.id !== (await a.liveUpdate(n))?.promotion.id,
      ),
    );
    expect(differs).toContain(true);
  });

  it('update an active promotion, keep every invariant and only move it forward', async () => {
    const spec = { seed: 42, stores: 20 };
    const source = createGeneratedSource(spec);
    const original = new Map(processBatch(1, 20).promotions.map((row) => [row.id, row]));
    for (let n = 1; n <= 200; n++) {
      const update = await source.liveUpdate(n);
      expect(update?.sequence).toBe(n);
      const p = update?.promotion;
      if (!p) throw new Error(`no update ${n}`);
      const before = original.get(p.id);
      expect(p.status).toBe('active');
      expect(p.promoUnits).toBeGreaterThan(before?.promoUnits ?? Number.POSITIVE_INFINITY);
      expect(p.promoUnits).toBeLessThanOrEqual(Math.ceil((before?.promoUnits ?? 0) * 1.25) + 1);
      // Every invariant the generator's validation knows, on the store with the promotion replaced.
      const store = slicePromotions(spec, (Number(p.storeId.slice(6)) - 1) * 30, 30).map((row) =>
        row.id === p.id ? p : row,
      );
      expect(validatePromotions(store).errors).toEqual([]);
    }
  });

  it('answer null when no store has an active promotion', () => {
    expect(computeLiveUpdate(42, 3, 1, () => [])).toBeNull();
  });

  it('pick the same promotion whether the seed is 42 or "42"', () => {
    const rows = (storeNumber: number) =>
      slicePromotions({ seed: 42, stores: 5 }, (storeNumber - 1) * 30, 30);
    for (const n of [1, 2, 3])
      expect(computeLiveUpdate(42, 5, n, rows)).toEqual(computeLiveUpdate('42', 5, n, rows));
  });
});
