import type { Category, PROMOTION_FIELDS, TemplateName } from '@promoscale/generator';
import { describe, expectTypeOf, it } from 'vitest';
import type { z } from 'zod';
import type { PromoscaleClient } from '../client/create-client.js';
import type { Page } from '../schemas/page-schema.js';
import type { Promotion } from '../schemas/promotion-schema.js';
import type { ExportQuery, ExportQuerySchema } from './export-query-schema.js';
import type { SortKey } from './param-schemas.js';
import type { PromotionFilters, PromotionFiltersSchema } from './promotion-filters-schema.js';
import type { SUMMARY_GROUP_BY_FIELDS, SummaryGroupBy } from './promotion-query-fields.js';
import type { PromotionsQuery, PromotionsQuerySchema } from './promotions-query-schema.js';
import type { StoresQuery, StoresQuerySchema } from './stores-query-schema.js';
import type { SummaryQuery, SummaryQuerySchema } from './summary-query-schema.js';
import type {
  ExportQueryInput,
  PromotionsQueryInput,
  SortToken,
  StoresQueryInput,
  SummaryQueryInput,
} from './to-search-params.js';

/** The properties of `T` as one object type: the schemas' output is one, a written type may be an intersection. */
type Flat<T> = { [K in keyof T]: T[K] };

describe('query types', () => {
  // The main entry's query types are written out; the schemas (in @promoscale/api/schemas) are the rule. These
  // keep the two one: a field added to a schema and not to its type, or typed otherwise, fails the typecheck.
  it('are the output of their schemas, exactly', () => {
    expectTypeOf<Flat<PromotionFilters>>().toEqualTypeOf<z.output<typeof PromotionFiltersSchema>>();
    expectTypeOf<Flat<PromotionsQuery>>().toEqualTypeOf<z.output<typeof PromotionsQuerySchema>>();
    expectTypeOf<StoresQuery>().toEqualTypeOf<z.output<typeof StoresQuerySchema>>();
    expectTypeOf<Flat<SummaryQuery>>().toEqualTypeOf<z.output<typeof SummaryQuerySchema>>();
    expectTypeOf<Flat<ExportQuery>>().toEqualTypeOf<z.output<typeof ExportQuerySchema>>();
    expectTypeOf<SummaryGroupBy>().toEqualTypeOf<(typeof SUMMARY_GROUP_BY_FIELDS)[number]>();
    expectTypeOf<SortKey['field']>().toEqualTypeOf<(typeof PROMOTION_FIELDS)[number]>();
  });

  it('accept a parsed query as the client input of the same route', () => {
    expectTypeOf<PromotionsQuery>().toExtend<PromotionsQueryInput>();
    expectTypeOf<StoresQuery>().toExtend<StoresQueryInput>();
    expectTypeOf<SummaryQuery>().toExtend<SummaryQueryInput>();
    expectTypeOf<ExportQuery>().toExtend<ExportQueryInput>();
    expectTypeOf<'-roi'>().toExtend<SortToken>();
    expectTypeOf<'-nope'>().not.toExtend<SortToken>();
  });

  it('type a parsed promotions query precisely', () => {
    expectTypeOf<PromotionsQuery['limit']>().toEqualTypeOf<number>();
    expectTypeOf<PromotionsQuery['sort']>().toEqualTypeOf<SortKey[]>();
    expectTypeOf<NonNullable<PromotionsQuery['template']>>().toEqualTypeOf<TemplateName[]>();
    expectTypeOf<NonNullable<PromotionsQuery['category']>>().toEqualTypeOf<Category[]>();
    expectTypeOf<NonNullable<PromotionsQuery['roi_gte']>>().toEqualTypeOf<number>();
    expectTypeOf<NonNullable<PromotionsQuery['startDate_lte']>>().toEqualTypeOf<string>();
  });

  it('accept client queries as strings, single values or lists, and parsed queries', () => {
    expectTypeOf<{ sort: '-roi,storeId'; category: 'dairy'; roi_gte: 0 }>().toExtend<PromotionsQueryInput>();
    expectTypeOf<{
      sort: ['-roi', 'storeId'];
      category: ['dairy', 'frozen'];
    }>().toExtend<PromotionsQueryInput>();
    expectTypeOf<PromotionsQuery>().toExtend<PromotionsQueryInput>();
    expectTypeOf<{ sort: ['-nope'] }>().not.toExtend<PromotionsQueryInput>();
    expectTypeOf<{ category: 'candy' }>().not.toExtend<PromotionsQueryInput>();
    expectTypeOf<{ roi_gte: '0' }>().not.toExtend<PromotionsQueryInput>();
  });

  it('type the client methods by route', () => {
    expectTypeOf<ReturnType<PromoscaleClient['promotions']>>().toEqualTypeOf<Promise<Page<Promotion>>>();
  });
});
