import { describe, expectTypeOf, it } from 'vitest';
import { CATEGORIES } from './catalog/products.js';
import {
  type PROMOTION_BOOLEAN_FIELDS,
  PROMOTION_DATE_FIELDS,
  type PROMOTION_FIELDS,
  type PROMOTION_NUMBER_FIELDS,
  type PROMOTION_STRING_FIELDS,
} from './formats/promotion-fields.js';
import { REGIONS } from './stores/cities.js';
import { TEMPLATE_NAMES } from './templates/store-templates.js';
import type { Category, PromoType, Promotion, PromotionStatus, Region, TemplateName } from './types.js';
import { PROMO_TYPES, PROMOTION_STATUSES } from './variance/promotion-engine.js';

type FieldOf<T> = { [K in keyof Promotion]: Promotion[K] extends T ? K : never }[keyof Promotion];

describe('exported lists', () => {
  // The unions are derived from these lists (types.ts), so the lists are pinned here as the API promises them:
  // literal tuples in their documented order (the engine indexes PROMO_TYPES, MIXED weighs TEMPLATE_NAMES in
  // order). A list widened to string[] (say, `as const` dropped) or changed fails here and in every union below.
  it('are literal tuples in their documented order', () => {
    expectTypeOf(CATEGORIES).toEqualTypeOf<
      readonly [
        'produce',
        'dairy',
        'bakery',
        'meat & seafood',
        'deli',
        'frozen',
        'snacks',
        'beverages',
        'pantry',
        'household',
        'personal care',
      ]
    >();
    expectTypeOf(REGIONS).toEqualTypeOf<
      readonly ['NORTHEAST', 'SOUTHEAST', 'MIDWEST', 'SOUTHWEST', 'WEST']
    >();
    expectTypeOf(TEMPLATE_NAMES).toEqualTypeOf<
      readonly ['SUBURBAN_FAMILY', 'URBAN_PREMIUM', 'RURAL_VALUE', 'CAMPUS_EXPRESS', 'COASTAL_SEASONAL']
    >();
    expectTypeOf(PROMO_TYPES).toEqualTypeOf<readonly ['TPR', 'BOGO', 'MULTI_BUY', 'COUPON', 'BUNDLE']>();
    expectTypeOf(PROMOTION_STATUSES).toEqualTypeOf<readonly ['planned', 'active', 'completed']>();
  });

  it('give unions of exactly their members, which reject any other string', () => {
    expectTypeOf<Region>().toEqualTypeOf<'NORTHEAST' | 'SOUTHEAST' | 'MIDWEST' | 'SOUTHWEST' | 'WEST'>();
    expectTypeOf<PromoType>().toEqualTypeOf<'TPR' | 'BOGO' | 'MULTI_BUY' | 'COUPON' | 'BUNDLE'>();
    expectTypeOf<PromotionStatus>().toEqualTypeOf<'planned' | 'active' | 'completed'>();
    expectTypeOf<TemplateName>().toEqualTypeOf<
      'SUBURBAN_FAMILY' | 'URBAN_PREMIUM' | 'RURAL_VALUE' | 'CAMPUS_EXPRESS' | 'COASTAL_SEASONAL'
    >();
    expectTypeOf<'dairy' | 'personal care'>().toExtend<Category>();
    expectTypeOf<string>().not.toExtend<Category>();
    expectTypeOf<string>().not.toExtend<Region>();
    expectTypeOf<string>().not.toExtend<TemplateName>();
    expectTypeOf<string>().not.toExtend<PromoType>();
    expectTypeOf<string>().not.toExtend<PromotionStatus>();
  });

  it('group the Promotion fields by the type of their values', () => {
    expectTypeOf<(typeof PROMOTION_FIELDS)[number]>().toEqualTypeOf<keyof Promotion>();
    expectTypeOf<(typeof PROMOTION_STRING_FIELDS)[number]>().toEqualTypeOf<FieldOf<string>>();
    expectTypeOf<(typeof PROMOTION_NUMBER_FIELDS)[number]>().toEqualTypeOf<FieldOf<number>>();
    expectTypeOf<(typeof PROMOTION_BOOLEAN_FIELDS)[number]>().toEqualTypeOf<FieldOf<boolean>>();
    expectTypeOf(PROMOTION_DATE_FIELDS).toEqualTypeOf<readonly ['startDate', 'endDate']>();
  });
});
