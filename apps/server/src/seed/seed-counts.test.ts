import { type Promotion, processBatch } from '@promoscale/generator';
import { describe, expect, it } from 'vitest';
import type { SqlSession } from '../database/database.js';
import { SeedCounts } from './seed-counts.js';

/** The parameters of each `INSERT` the counts write, by its table. */
async function written(counts: SeedCounts): Promise<Map<string, unknown[][]>> {
  const inserts = new Map<string, unknown[][]>();
  const session: SqlSession = {
    async query(sql, params = []) {
      const table = /INSERT INTO (\w+)/.exec(sql)?.[1] ?? sql;
      inserts.set(table, [...(inserts.get(table) ?? []), ...[params as unknown[]]]);
      return [];
    },
    async exec() {},
    async copyIn() {},
  };
  await counts.write(session);
  return inserts;
}

describe('SeedCounts', () => {
  const [first] = processBatch(1, 1, 'URBAN_PREMIUM', { seed: 3 }).promotions;
  if (!first) throw new Error('no promotion generated');

  it('groups each combination once, past 32 values of a field too (wide keys)', async () => {
    const counts = new SeedCounts();
    // 40 templates in each of 2 regions (a code past 31 must not run into the field beside it), each met twice.
    for (let i = 0; i < 160; i++) {
      // Values no generated row holds (the counts take any text), so cast past the generator's enums.
      const promotion = {
        ...first,
        template: `template ${i % 40}`,
        region: `region ${Math.floor(i / 40) % 2}`,
      };
      counts.add(promotion as unknown as Promotion, 1);
    }
    const [params] = (await written(counts)).get('promotion_counts') ?? [];
    const [, , , regions, templates, , , ns] = params as unknown[][];
    const groups = (templates as string[]).map((template, i) => `${regions?.[i]}/${template}`);
    expect(new Set(groups).size).toBe(80);
    expect(groups).toHaveLength(80);
    expect(ns).toEqual(Array.from({ length: 80 }, () => 2));
  });

  it('counts each value of the value-counted fields, a store run repeating one value included', async () => {
    const counts = new SeedCounts();
    for (let i = 0; i < 30; i++) counts.add({ ...first, discountPct: i < 20 ? 10 : 25 }, 7);
    const inserts = (await written(counts)).get('promotion_value_counts') ?? [];
    const discounts = inserts.find((params) => params[0] === 'discount_pct');
    expect(discounts?.slice(1)).toEqual([
      [10, 25],
      [20, 10],
    ]);
  });

  it('numbers an empty text met first, apart from the values after it', async () => {
    const counts = new SeedCounts();
    counts.add({ ...first, region: '' } as unknown as Promotion, 1);
    counts.add({ ...first, region: 'North' } as unknown as Promotion, 1);
    counts.add({ ...first, region: '' } as unknown as Promotion, 1);
    const [params] = (await written(counts)).get('promotion_counts') ?? [];
    const [, , , regions, , , , ns] = params as unknown[][];
    expect(regions).toEqual(['', 'North']);
    expect(ns).toEqual([2, 1]);
  });
});
