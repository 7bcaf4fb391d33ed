import { MAX_STORES } from '@promoscale/generator';
import { ScalingAnalysis } from '@promoscale/scaling';
import { DatasetEstimateSchema } from '../schemas/dataset-estimate-schema.js';
import type { BadInputCase } from './bad-input-cases.js';
import type { ContractContext } from './contract-context.js';

/** Bad inputs of `/scaling/estimate`. */
export function estimateBadInputCases(): BadInputCase[] {
  return [
    { path: '/scaling/estimate', status: 400, issues: ['stores'] },
    { path: '/scaling/estimate?stores=0', status: 400, issues: ['stores'] },
    { path: `/scaling/estimate?stores=${MAX_STORES + 1}`, status: 400, issues: ['stores'] },
    { path: '/scaling/estimate?stores=2.5', status: 400, issues: ['stores'] },
    { path: '/scaling/estimate?stores=50&stores=60', status: 400, issues: ['stores'] },
    { path: '/scaling/estimate?stores=50&templates=MIXED', status: 400, issues: ['templates'] },
    { path: '/scaling/estimate?stores=50', status: 405, method: 'POST' },
  ];
}

/** `/scaling/estimate`: the estimate of `@promoscale/scaling` for a dataset like the one served. */
export function defineEstimateTests(ctx: ContractContext): void {
  ctx.options.describe('GET /api/scaling/estimate', () => {
    ctx.it("answers @promoscale/scaling's estimate for the served templates and seed", async () => {
      const options = { templates: ctx.spec.templates, seed: ctx.spec.seed };
      for (const stores of [1, 10, 50, ctx.spec.stores, MAX_STORES]) {
        const estimate = await ctx.getJson(`/scaling/estimate?stores=${stores}`, DatasetEstimateSchema);
        ctx
          .expect(estimate, `estimate for ${stores} stores`)
          .toEqual(ScalingAnalysis.estimateDatasetSize(stores, options));
      }
    });
  });
}
