import {
  CATEGORIES,
  PROMO_TYPES,
  PROMOTION_STATUSES,
  type PromotionField,
  REGIONS,
  TEMPLATE_NAMES,
} from '@promoscale/generator';

/** The header of each Promotion field, in words. */
export const PROMOTION_FIELD_LABELS: Readonly<Record<PromotionField, string>> = Object.freeze({
  id: 'Promotion ID',
  storeId: 'Store ID',
  storeName: 'Store',
  template: 'Template',
  region: 'Region',
  sku: 'SKU',
  productName: 'Product',
  brand: 'Brand',
  category: 'Category',
  promoType: 'Promo type',
  mechanic: 'Mechanic',
  startDate: 'Start date',
  endDate: 'End date',
  durationDays: 'Duration',
  status: 'Status',
  regularPrice: 'Regular price',
  promoPrice: 'Promo price',
  discountPct: 'Discount',
  unitCost: 'Unit cost',
  baselineUnits: 'Baseline units',
  promoUnits: 'Promo units',
  liftPct: 'Lift',
  incrementalUnits: 'Incremental units',
  baselineRevenue: 'Baseline revenue',
  revenue: 'Revenue',
  incrementalRevenue: 'Incremental revenue',
  grossMargin: 'Gross margin',
  marginPct: 'Margin %',
  incrementalMargin: 'Incremental margin',
  promoSpend: 'Promo spend',
  roi: 'ROI',
  displaySupport: 'Display',
  featureAd: 'Feature ad',
  redemptionRate: 'Redemption rate',
});

/** The column groups of the promotions grid, in display order. */
export const PROMOTION_COLUMN_GROUPS = [
  'Promotion',
  'Store',
  'Product',
  'Pricing',
  'Schedule',
  'Performance',
  'Margin',
] as const;

/** A column group of the promotions grid. */
export type PromotionColumnGroup = (typeof PROMOTION_COLUMN_GROUPS)[number];

/** The group each Promotion field's column sits in (inside a group, columns keep the canonical field order). */
export const PROMOTION_FIELD_GROUPS: Readonly<Record<PromotionField, PromotionColumnGroup>> = Object.freeze({
  id: 'Promotion',
  storeId: 'Promotion',
  storeName: 'Store',
  template: 'Store',
  region: 'Store',
  sku: 'Product',
  productName: 'Product',
  brand: 'Product',
  category: 'Product',
  promoType: 'Pricing',
  mechanic: 'Pricing',
  startDate: 'Schedule',
  endDate: 'Schedule',
  durationDays: 'Schedule',
  status: 'Schedule',
  regularPrice: 'Pricing',
  promoPrice: 'Pricing',
  discountPct: 'Pricing',
  unitCost: 'Pricing',
  baselineUnits: 'Performance',
  promoUnits: 'Performance',
  liftPct: 'Performance',
  incrementalUnits: 'Performance',
  baselineRevenue: 'Performance',
  revenue: 'Performance',
  incrementalRevenue: 'Performance',
  grossMargin: 'Margin',
  marginPct: 'Margin',
  incrementalMargin: 'Margin',
  promoSpend: 'Margin',
  roi: 'Margin',
  displaySupport: 'Performance',
  featureAd: 'Performance',
  redemptionRate: 'Performance',
});

/** The Promotion fields pinned to the left edge of the grid: they stay in view while scrolling sideways. */
export const PINNED_PROMOTION_FIELDS = ['id', 'storeId'] as const satisfies readonly PromotionField[];

/** The known values of each enumerated Promotion field (the generator's lists), offered by the values filter. */
export const PROMOTION_ENUM_VALUES = Object.freeze({
  template: TEMPLATE_NAMES,
  region: REGIONS,
  category: CATEGORIES,
  promoType: PROMO_TYPES,
  status: PROMOTION_STATUSES,
}) satisfies Partial<Record<PromotionField, readonly string[]>>;
