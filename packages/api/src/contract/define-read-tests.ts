import { createStore, PROMOTION_FIELDS, type Promotion, type Store } from '@promoscale/generator';
import { LIST_FILTER_FIELDS } from '../query/promotion-query-fields.js';
import { CONTRACT_VERSION } from '../schemas/contract-version.js';
import { DatasetInfoSchema } from '../schemas/dataset-info-schema.js';
import { PageSchema, StorePromotionsSchema } from '../schemas/page-schema.js';
import { PromotionSchema } from '../schemas/promotion-schema.js';
import { StoreSchema } from '../schemas/store-schema.js';
import type { ContractContext } from './contract-context.js';
import { createRandom, randomPromotionsQuery } from './random-queries.js';
import { type ReferenceQuery, referencePage, referenceSearchParams } from './reference-model.js';

const PromotionPage = PageSchema(PromotionSchema);
const StorePage = PageSchema(StoreSchema);
const ids = (rows: readonly Promotion[]) => rows.map((row) => row.id);
const query = (partial: Partial<ReferenceQuery>): ReferenceQuery => ({
  lists: [],
  booleans: [],
  ranges: [],
  sort: [],
  ...partial,
});

/** Compares `GET /api/promotions?<query>` with the reference. */
export async function expectPromotionsMatch(ctx: ContractContext, q: ReferenceQuery): Promise<void> {
  const path = `/promotions?${referenceSearchParams(q).toString()}`;
  const page = await ctx.getJson(path, PromotionPage);
  const expected = referencePage(ctx.rows(), q);
  ctx.expect({ total: page.total, offset: page.offset, limit: page.limit }, `paging of ${path}`).toEqual({
    total: expected.total,
    offset: expected.offset,
    limit: expected.limit,
  });
  ctx.expect(ids(page.items), `ids of ${path}`).toEqual(ids(expected.items));
  ctx.expect(page.items, `rows of ${path}`).toEqual(expected.items);
}

/** `/dataset`, `/stores`, `/stores/:id`, `/stores/:id/promotions` and `/promotions`. */
export function defineReadTests(ctx: ContractContext): void {
  const { describe } = ctx.options;
  const { spec } = ctx;
  const storeCount = spec.stores;
  const storeId = (n: number) => createStore(n, spec).storeId;

  describe('GET /api/dataset', () => {
    ctx.it('answers the spec served, its counts and the contract version', async () => {
      const info = await ctx.getJson('/dataset', DatasetInfoSchema);
      ctx.expect(info).toEqual({
        version: CONTRACT_VERSION,
        spec: JSON.parse(JSON.stringify(spec)),
        storeCount,
        promotionCount: storeCount * 30,
      });
    });
  });

  describe('GET /api/stores', () => {
    const allStores = (): Store[] => Array.from({ length: storeCount }, (_, i) => createStore(i + 1, spec));

    ctx.it('pages every store in store-number order with total, offset and limit', async () => {
      const first = await ctx.getJson('/stores', StorePage);
      ctx
        .expect(first)
        .toEqual({ items: allStores().slice(0, 100), total: storeCount, offset: 0, limit: 100 });
      const offset = Math.max(0, storeCount - 3);
      const last = await ctx.getJson(`/stores?offset=${offset}&limit=10`, StorePage);
      ctx.expect(last).toEqual({ items: allStores().slice(offset), total: storeCount, offset, limit: 10 });
    });

    ctx.it('filters by template and region (any-of, ANDed)', async () => {
      const stores = allStores();
      const template = (stores[0] as Store).template;
      const regions = [...new Set(stores.map((store) => store.region))].slice(0, 2);
      const path = `/stores?template=${template}&region=${regions.join(',')}&limit=1000`;
      const page = await ctx.getJson(path, StorePage);
      const expected = stores.filter(
        (store) => store.template === template && regions.includes(store.region),
      );
      ctx
        .expect(page)
        .toEqual({ items: expected.slice(0, 1000), total: expected.length, offset: 0, limit: 1000 });
    });

    ctx.it('answers an empty page past the end', async () => {
      const page = await ctx.getJson(`/stores?offset=${storeCount + 5}`, StorePage);
      ctx.expect(page).toEqual({ items: [], total: storeCount, offset: storeCount + 5, limit: 100 });
    });

    ctx.it('answers one store by id, the first and the last', async () => {
      for (const n of [1, storeCount]) {
        ctx.expect(await ctx.getJson(`/stores/${storeId(n)}`, StoreSchema)).toEqual(createStore(n, spec));
      }
    });
  });

  describe('GET /api/stores/:storeId/promotions', () => {
    ctx.it("answers the store's 30 promotions in dataset order", async () => {
      for (const n of [1, storeCount]) {
        const body = await ctx.getJson(`/stores/${storeId(n)}/promotions`, StorePromotionsSchema);
        const expected = ctx.rows().slice((n - 1) * 30, n * 30);
        ctx.expect(body).toEqual({ items: expected, total: 30 });
      }
    });
  });

  describe('GET /api/promotions', () => {
    ctx.it('answers the first 100 promotions in dataset order by default', async () => {
      const page = await ctx.getJson('/promotions', PromotionPage);
      ctx
        .expect(page)
        .toEqual({ items: ctx.rows().slice(0, 100), total: ctx.rows().length, offset: 0, limit: 100 });
      ctx.expect(Object.keys(page.items[0] ?? {}), 'JSON key order').toEqual([...PROMOTION_FIELDS]);
    });

    ctx.it('pages a filtered, sorted result without gaps or overlaps', async () => {
      const q = query({
        sort: [
          { field: 'category', desc: false },
          { field: 'roi', desc: true },
        ],
        ranges: [{ field: 'roi', lte: 5 }],
      });
      const expected = referencePage(ctx.rows(), { ...q, limit: Number.MAX_SAFE_INTEGER });
      const seen: string[] = [];
      for (let offset = 0; offset < Math.min(expected.total, 400); offset += 37) {
        const page = await ctx.getJson(
          `/promotions?${referenceSearchParams({ ...q, offset, limit: 37 })}`,
          PromotionPage,
        );
        ctx.expect(page.total).toBe(expected.total);
        seen.push(...ids(page.items));
      }
      ctx.expect(seen).toEqual(ids(expected.items).slice(0, seen.length));
      await expectPromotionsMatch(ctx, { ...q, offset: expected.total, limit: 10 });
    });

    ctx.it('filters on each list field, one value or several', async () => {
      const rows = ctx.rows();
      for (const field of LIST_FILTER_FIELDS) {
        const values = [...new Set(rows.map((row) => row[field]))];
        await expectPromotionsMatch(
          ctx,
          query({ lists: [{ field, values: values.slice(0, 1) }], limit: 1000 }),
        );
        await expectPromotionsMatch(
          ctx,
          query({ lists: [{ field, values: values.slice(-2) }], limit: 1000 }),
        );
      }
    });

    ctx.it('filters on numeric and date ranges, bounds included', async () => {
      const rows = ctx.rows();
      const middle = rows[Math.floor(rows.length / 2)] as Promotion;
      for (const field of [
        'roi',
        'revenue',
        'liftPct',
        'durationDays',
        'discountPct',
        'startDate',
        'endDate',
      ] as const) {
        const value = middle[field];
        await expectPromotionsMatch(ctx, query({ ranges: [{ field, gte: value, lte: value }], limit: 1000 }));
        await expectPromotionsMatch(
          ctx,
          query({ ranges: [{ field, gte: value }], limit: 50, sort: [{ field, desc: false }] }),
        );
        await expectPromotionsMatch(
          ctx,
          query({ ranges: [{ field, lte: value }], limit: 50, sort: [{ field, desc: true }] }),
        );
      }
    });

    ctx.it('filters on displaySupport and featureAd', async () => {
      for (const field of ['displaySupport', 'featureAd'] as const) {
        for (const value of [true, false]) {
          await expectPromotionsMatch(ctx, query({ booleans: [{ field, value }], limit: 200 }));
        }
      }
    });

    ctx.it('searches q case-insensitively over productName, brand, storeName and sku', async () => {
      const row = ctx.rows()[0] as Promotion;
      for (const q of [
        row.productName.slice(2, 7).toUpperCase(),
        row.brand.toLowerCase(),
        row.storeName,
        row.sku.toLowerCase(),
        'zzqqzz',
      ]) {
        await expectPromotionsMatch(ctx, query({ q, limit: 1000 }));
      }
    });

    ctx.it('sorts on every scalar field in both directions, ties broken by id ascending', async () => {
      for (const field of PROMOTION_FIELDS) {
        for (const desc of [false, true])
          await expectPromotionsMatch(ctx, query({ sort: [{ field, desc }], limit: 1000 }));
      }
      const page = await ctx.getJson('/promotions?sort=-status&limit=1000', PromotionPage);
      for (let i = 1; i < page.items.length; i++) {
        const a = page.items[i - 1] as Promotion;
        const b = page.items[i] as Promotion;
        if (a.status === b.status)
          ctx.expect(a.id < b.id, `id tie-break between ${a.id} and ${b.id}`).toBe(true);
      }
    });

    const count = ctx.options.randomQueries ?? 200;
    ctx.it(
      `equals a straightforward filter/sort/slice over processBatch for ${count} random queries`,
      async () => {
        const random = createRandom(ctx.options.seed ?? 20260601);
        const domain = { rows: ctx.rows(), fields: PROMOTION_FIELDS, storeCount };
        for (let i = 0; i < count; i++)
          await expectPromotionsMatch(ctx, randomPromotionsQuery(random, domain));
      },
    );
  });
}
