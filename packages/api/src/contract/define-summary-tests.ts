import { SummarySchema } from '../schemas/summary-schema.js';
import type { ContractContext } from './contract-context.js';
import { createRandom, randomSummaryQuery } from './random-queries.js';
import {
  type ReferenceFigures,
  type ReferenceQuery,
  referenceSearchParams,
  referenceSummary,
} from './reference-model.js';

const GROUP_BY = ['category', 'template', 'region', 'promoType', 'status'] as const;

interface Figures {
  promotions: number;
  revenue: number;
  incrementalRevenue: number;
  avgLiftPct: number | null;
  avgRoi: number | null;
}

/** Compares `GET /api/summary?<query>` with the reference: exact counts and cents, rounded means. */
export async function expectSummaryMatches(ctx: ContractContext, q: ReferenceQuery): Promise<void> {
  const path = `/summary?${referenceSearchParams(q).toString()}`;
  const summary = await ctx.getJson(path, SummarySchema);
  const expected = referenceSummary(ctx.rows(), q);
  ctx
    .expect(
      summary.groups.map((group) => group.key),
      `group keys of ${path}`,
    )
    .toEqual(expected.groups.map((g) => g.key));
  const compare = (actual: Figures, reference: ReferenceFigures, what: string) => {
    ctx
      .expect(
        {
          promotions: actual.promotions,
          revenueCents: Math.round(actual.revenue * 100),
          incrementalRevenueCents: Math.round(actual.incrementalRevenue * 100),
        },
        `${what} of ${path}`,
      )
      .toEqual({
        promotions: reference.promotions,
        revenueCents: reference.revenueCents,
        incrementalRevenueCents: reference.incrementalRevenueCents,
      });
    if (reference.promotions === 0) {
      ctx
        .expect([actual.avgLiftPct, actual.avgRoi], `${what} averages of an empty set`)
        .toEqual([null, null]);
      return;
    }
    // Rounded to 2 and 4 decimals: within half a unit of the last place (plus float noise).
    ctx
      .expect(
        Math.abs((actual.avgLiftPct ?? Number.NaN) - reference.meanLiftPct),
        `${what} avgLiftPct of ${path}`,
      )
      .toBeLessThanOrEqual(0.0051);
    ctx
      .expect(Math.abs((actual.avgRoi ?? Number.NaN) - reference.meanRoi), `${what} avgRoi of ${path}`)
      .toBeLessThanOrEqual(0.000051);
  };
  summary.groups.forEach((group, i) => {
    compare(group, expected.groups[i] as ReferenceFigures, `group ${group.key}`);
  });
  compare(summary.totals, expected.totals, 'totals');
}

/** `/summary`. */
export function defineSummaryTests(ctx: ContractContext): void {
  const { describe } = ctx.options;
  const none = (): ReferenceQuery => ({ lists: [], booleans: [], ranges: [], sort: [] });

  describe('GET /api/summary', () => {
    ctx.it('groups by each field; the groups add up to the totals to the cent', async () => {
      for (const groupBy of GROUP_BY) {
        await expectSummaryMatches(ctx, { ...none(), groupBy });
        const summary = await ctx.getJson(`/summary?groupBy=${groupBy}`, SummarySchema);
        const sum = (pick: (g: Figures) => number) =>
          summary.groups.reduce((total, g) => total + Math.round(pick(g) * 100), 0);
        ctx
          .expect(summary.groups.reduce((total, g) => total + g.promotions, 0))
          .toBe(summary.totals.promotions);
        ctx.expect(sum((g) => g.revenue)).toBe(Math.round(summary.totals.revenue * 100));
        ctx
          .expect(sum((g) => g.incrementalRevenue))
          .toBe(Math.round(summary.totals.incrementalRevenue * 100));
        ctx.expect(summary.totals.promotions).toBe(ctx.rows().length);
      }
    });

    ctx.it('answers only totals without groupBy, and null averages when nothing matches', async () => {
      await expectSummaryMatches(ctx, none());
      const empty = await ctx.getJson('/summary?groupBy=category&q=zzqqzz', SummarySchema);
      ctx.expect(empty).toEqual({
        groups: [],
        totals: { promotions: 0, revenue: 0, incrementalRevenue: 0, avgLiftPct: null, avgRoi: null },
      });
    });

    const count = Math.max(1, Math.round((ctx.options.randomQueries ?? 200) / 5));
    ctx.it(`equals the reference aggregates for ${count} random filters`, async () => {
      const random = createRandom((ctx.options.seed ?? 20260601) + 1);
      const domain = { rows: ctx.rows(), fields: [], storeCount: ctx.spec.stores };
      for (let i = 0; i < count; i++) await expectSummaryMatches(ctx, randomSummaryQuery(random, domain));
    });
  });
}
