import { createStore, processBatch, slicePromotions } from '@promoscale/generator';
import { describe, expect, it } from 'vitest';
import { ExportQuerySchema } from '../query/export-query-schema.js';
import { PromotionsQuerySchema } from '../query/promotions-query-schema.js';
import { SummaryQuerySchema } from '../query/summary-query-schema.js';
import { createGeneratedSource } from './create-generated-source.js';

const big = { seed: 42, stores: 50_000, templates: 'MIXED' } as const;
const promotions = (params: Record<string, string>) => PromotionsQuerySchema.parse(params);

async function collect<T>(rows: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const row of rows) out.push(row);
  return out;
}

describe('createGeneratedSource', () => {
  it('answers a far store and its promotions without generating the stores before it', async () => {
    const source = createGeneratedSource(big);
    expect(await source.getStore('STORE_40000')).toEqual(createStore(40_000, big));
    expect(await source.storePromotions('STORE_40000')).toEqual(slicePromotions(big, 39_999 * 30, 30));
    expect(source.isMaterialized()).toBe(false);
  });

  it('answers unknown and malformed store ids with null', async () => {
    const source = createGeneratedSource({ stores: 40 });
    for (const id of ['STORE_041', 'STORE_000', 'STORE_1', 'STORE_0040', 'store_001', '']) {
      expect(await source.getStore(id), id).toBeNull();
      expect(await source.storePromotions(id), id).toBeNull();
    }
  });

  it('pages promotions with no filter and no sort lazily, in dataset order', async () => {
    const source = createGeneratedSource(big);
    const page = await source.queryPromotions(promotions({ offset: String(39_999 * 30 + 5), limit: '40' }));
    expect(page.total).toBe(1_500_000);
    expect(page.items).toEqual(slicePromotions(big, 39_999 * 30 + 5, 40));
    expect((await source.queryPromotions(promotions({ offset: '1500000' }))).items).toEqual([]);
    expect(source.isMaterialized()).toBe(false);
  });

  it('answers queries filtered to a few stores by generating only those stores', async () => {
    const source = createGeneratedSource(big);
    const query = promotions({
      storeId: 'STORE_40000,STORE_003,STORE_50001',
      sort: '-roi',
      category: 'dairy,frozen',
    });
    const page = await source.queryPromotions(query);
    const rows = [...slicePromotions(big, 2 * 30, 30), ...slicePromotions(big, 39_999 * 30, 30)];
    const expected = rows
      .filter((row) => row.category === 'dairy' || row.category === 'frozen')
      .sort((a, b) => b.roi - a.roi || (a.id < b.id ? -1 : 1));
    expect(page).toEqual({ items: expected, total: expected.length, offset: 0, limit: 100 });
    const summary = await source.summary(
      SummaryQuerySchema.parse({ storeId: 'STORE_003', groupBy: 'status' }),
    );
    expect(summary.totals.promotions).toBe(30);
    expect(source.isMaterialized()).toBe(false);
  });

  it('streams an unsorted filtered export store chunk by store chunk without materialising', async () => {
    const spec = { seed: 7, stores: 120 };
    const source = createGeneratedSource(spec, { chunkStores: 25 });
    const rows = await collect(source.exportPromotions(ExportQuerySchema.parse({ promoType: 'BOGO' })));
    expect(rows).toEqual(
      processBatch(1, 120, 'MIXED', { seed: 7 }).promotions.filter((row) => row.promoType === 'BOGO'),
    );
    expect(source.isMaterialized()).toBe(false);
  });

  it('gives the same answers before and after the dataset is materialised', async () => {
    const spec = { seed: 'abc', stores: 60, templates: { URBAN_PREMIUM: 2, RURAL_VALUE: 1 } };
    const lazy = createGeneratedSource(spec);
    const eager = createGeneratedSource(spec);
    await eager.materialize();
    expect(eager.isMaterialized()).toBe(true);
    const queries = [
      promotions({}),
      promotions({ offset: '1700', limit: '50' }),
      promotions({ storeId: 'STORE_002,STORE_059', sort: 'template,-revenue' }),
    ];
    for (const query of queries)
      expect(await lazy.queryPromotions(query)).toEqual(await eager.queryPromotions(query));
    const exportQuery = ExportQuerySchema.parse({ region: 'WEST,MIDWEST', roi_gte: '0' });
    expect(await collect(lazy.exportPromotions(exportQuery))).toEqual(
      await collect(eager.exportPromotions(exportQuery)),
    );
    expect(await lazy.storePromotions('STORE_060')).toEqual(await eager.storePromotions('STORE_060'));
  });

  it('materialises once for concurrent queries that need the whole dataset', async () => {
    const source = createGeneratedSource({ stores: 30 });
    const [a, b] = await Promise.all([
      source.queryPromotions(promotions({ sort: '-roi' })),
      source.summary(SummaryQuerySchema.parse({ groupBy: 'category' })),
    ]);
    expect(a.total).toBe(900);
    expect(b.totals.promotions).toBe(900);
    expect(source.isMaterialized()).toBe(true);
  });

  it('lists stores in number order, filtered by template and region', async () => {
    const spec = { stores: 80, seed: 3 };
    const source = createGeneratedSource(spec);
    const all = Array.from({ length: 80 }, (_, i) => createStore(i + 1, spec));
    const query = {
      offset: 2,
      limit: 5,
      template: ['SUBURBAN_FAMILY' as const],
      region: ['WEST' as const, 'MIDWEST' as const],
    };
    const expected = all.filter(
      (s) => s.template === 'SUBURBAN_FAMILY' && (s.region === 'WEST' || s.region === 'MIDWEST'),
    );
    expect(await source.listStores(query)).toEqual({
      items: expected.slice(2, 7),
      total: expected.length,
      offset: 2,
      limit: 5,
    });
    expect(await source.listStores({ offset: 78, limit: 100 })).toEqual({
      items: all.slice(78),
      total: 80,
      offset: 78,
      limit: 100,
    });
  });

  it('rejects a compactAbove or cacheBytes that is not an integer >= 0 with INVALID_OPTION', () => {
    for (const options of [{ compactAbove: -1 }, { compactAbove: 1.5 }, { cacheBytes: Number.NaN }]) {
      expect(() => createGeneratedSource({ stores: 5 }, options), JSON.stringify(options)).toThrow(
        expect.objectContaining({ code: 'INVALID_OPTION' }),
      );
    }
    expect(createGeneratedSource({ stores: 5 }, { compactAbove: 0 }).storage().mode).toBe('columns');
    expect(createGeneratedSource({ stores: 5 }).storage().mode).toBe('rows');
  });

  it('describes the spec served with its defaults filled in', async () => {
    expect(await createGeneratedSource({ stores: 12 }).info()).toEqual({
      spec: { seed: 42, stores: 12, templates: 'MIXED', asOf: '2026-06-01' },
      storeCount: 12,
      promotionCount: 360,
    });
  });
});
