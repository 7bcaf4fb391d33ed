import { describe, expectTypeOf, it } from 'vitest';
import type { CATEGORIES } from './catalog/products.js';
import {
  type PROMOTION_BOOLEAN_FIELDS,
  PROMOTION_DATE_FIELDS,
  type PROMOTION_FIELDS,
  type PROMOTION_NUMBER_FIELDS,
  type PROMOTION_STRING_FIELDS,
} from './formats/promotion-fields.js';
import type { REGIONS } from './stores/cities.js';
import type { TEMPLATE_NAMES } from './templates/store-templates.js';
import type { Category, PromoType, Promotion, PromotionStatus, Region, TemplateName } from './types.js';
import { type PROMO_TYPES, PROMOTION_STATUSES } from './variance/promotion-engine.js';

type FieldOf<T> = { [K in keyof Promotion]: Promotion[K] extends T ? K : never }[keyof Promotion];

describe('exported lists', () => {
  it('list every member of their union type, as literal tuples', () => {
    expectTypeOf<(typeof CATEGORIES)[number]>().toEqualTypeOf<Category>();
    expectTypeOf<(typeof REGIONS)[number]>().toEqualTypeOf<Region>();
    expectTypeOf<(typeof TEMPLATE_NAMES)[number]>().toEqualTypeOf<TemplateName>();
    expectTypeOf<(typeof PROMO_TYPES)[number]>().toEqualTypeOf<PromoType>();
    expectTypeOf<(typeof PROMOTION_STATUSES)[number]>().toEqualTypeOf<PromotionStatus>();
    expectTypeOf(PROMOTION_STATUSES).toEqualTypeOf<readonly ['planned', 'active', 'completed']>();
  });

  it('group the Promotion fields by the type of their values', () => {
    expectTypeOf<(typeof PROMOTION_FIELDS)[number]>().toEqualTypeOf<keyof Promotion>();
    expectTypeOf<(typeof PROMOTION_STRING_FIELDS)[number]>().toEqualTypeOf<FieldOf<string>>();
    expectTypeOf<(typeof PROMOTION_NUMBER_FIELDS)[number]>().toEqualTypeOf<FieldOf<number>>();
    expectTypeOf<(typeof PROMOTION_BOOLEAN_FIELDS)[number]>().toEqualTypeOf<FieldOf<boolean>>();
    expectTypeOf(PROMOTION_DATE_FIELDS).toEqualTypeOf<readonly ['startDate', 'endDate']>();
  });
});
