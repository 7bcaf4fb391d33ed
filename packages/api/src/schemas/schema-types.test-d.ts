import type { Promotion as GeneratorPromotion, Store as GeneratorStore } from '@promoscale/generator';
import type { DatasetSizeEstimate } from '@promoscale/scaling';
import { describe, expectTypeOf, it } from 'vitest';
import type { z } from 'zod';
import type { ApiErrorBody, ApiErrorSchema, QueryIssue, QueryIssueSchema } from './api-error-schema.js';
import type { DatasetEstimate, DatasetEstimateSchema } from './dataset-estimate-schema.js';
import type {
  DatasetInfo,
  DatasetInfoSchema,
  DatasetSpecSchema,
  ServedDatasetSpec,
} from './dataset-info-schema.js';
import type { LiveUpdate, LiveUpdateSchema } from './live-update-schema.js';
import type { Page, PageSchema, StorePromotions, StorePromotionsSchema } from './page-schema.js';
import type { Promotion, PromotionSchema } from './promotion-schema.js';
import type { Store, StoreSchema } from './store-schema.js';
import type {
  Summary,
  SummaryGroup,
  SummaryGroupSchema,
  SummarySchema,
  SummaryTotals,
  SummaryTotalsSchema,
} from './summary-schema.js';

// The main entry's entity and answer types are written out (or are the generator's and scaling's own); the
// schemas (in @promoscale/api/schemas) check what a server sends. These keep the two one: a field added to a
// schema and not to its type, or typed otherwise, fails the typecheck.
describe('answer types', () => {
  it('are the output of their schemas, exactly', () => {
    expectTypeOf<Promotion>().toEqualTypeOf<z.output<typeof PromotionSchema>>();
    expectTypeOf<Store>().toEqualTypeOf<z.output<typeof StoreSchema>>();
    expectTypeOf<Page<Promotion>>().toEqualTypeOf<
      z.output<ReturnType<typeof PageSchema<typeof PromotionSchema>>>
    >();
    expectTypeOf<StorePromotions>().toEqualTypeOf<z.output<typeof StorePromotionsSchema>>();
    expectTypeOf<Summary>().toEqualTypeOf<z.output<typeof SummarySchema>>();
    expectTypeOf<SummaryGroup>().toEqualTypeOf<z.output<typeof SummaryGroupSchema>>();
    expectTypeOf<SummaryTotals>().toEqualTypeOf<z.output<typeof SummaryTotalsSchema>>();
    expectTypeOf<DatasetInfo>().toEqualTypeOf<z.output<typeof DatasetInfoSchema>>();
    expectTypeOf<ServedDatasetSpec>().toEqualTypeOf<z.output<typeof DatasetSpecSchema>>();
    expectTypeOf<DatasetEstimate>().toEqualTypeOf<z.output<typeof DatasetEstimateSchema>>();
    expectTypeOf<LiveUpdate>().toEqualTypeOf<z.output<typeof LiveUpdateSchema>>();
    expectTypeOf<ApiErrorBody>().toEqualTypeOf<z.output<typeof ApiErrorSchema>>();
    expectTypeOf<QueryIssue>().toEqualTypeOf<z.output<typeof QueryIssueSchema>>();
  });

  it('are the rows the generator makes and the estimates scaling makes', () => {
    expectTypeOf<Promotion>().toEqualTypeOf<GeneratorPromotion>();
    expectTypeOf<Store>().toEqualTypeOf<{ -readonly [K in keyof GeneratorStore]: GeneratorStore[K] }>();
    expectTypeOf<DatasetEstimate>().toEqualTypeOf<DatasetSizeEstimate>();
  });
});
