import type { Category, TemplateName } from '@promoscale/generator';
import { describe, expectTypeOf, it } from 'vitest';
import type { PromoscaleClient } from '../client/create-client.js';
import type { Page } from '../schemas/page-schema.js';
import type { Promotion } from '../schemas/promotion-schema.js';
import type { SortKey } from './param-schemas.js';
import type { PromotionsQuery } from './promotions-query-schema.js';
import type { PromotionsQueryInput } from './to-search-params.js';

describe('query types', () => {
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
