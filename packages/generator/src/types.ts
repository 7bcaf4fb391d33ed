// The enum unions are derived from their value lists (`as const` tuples), so each has one home: the list.
// `Extract<…, string>` (a no-op on these string literals) makes TypeScript keep the union's name where a type is
// inferred, so hovers, errors and the declarations of dependent packages read `TemplateName`, not its five members.
import type { CATEGORIES } from './catalog/products.js';
import type { REGIONS } from './stores/cities.js';
import type { TEMPLATE_NAMES } from './templates/store-templates.js';
import type { PROMO_TYPES, PROMOTION_STATUSES } from './variance/promotion-engine.js';

/** The five store templates (`TEMPLATE_NAMES`), in the order of the `MIXED` weights (35/20/20/10/15). */
export type TemplateName = Extract<(typeof TEMPLATE_NAMES)[number], string>;

/** A template name, `'MIXED'` (the fixed 35/20/20/10/15 mix) or relative weights per template. */
export type TemplateSelection = TemplateName | 'MIXED' | TemplateWeights;

/** Relative weights per template, e.g. `{ URBAN_PREMIUM: 3, RURAL_VALUE: 1 }`. Missing names weigh 0. */
export type TemplateWeights = Partial<Record<TemplateName, number>>;

/** US census-style regions a store can be in (`REGIONS`). */
export type Region = Extract<(typeof REGIONS)[number], string>;

/** The product categories of the catalog (`CATEGORIES`). */
export type Category = Extract<(typeof CATEGORIES)[number], string>;

/** Promotion mechanics (`PROMO_TYPES`): temporary price reduction, buy-one-get-one, multi-buy, coupon, bundle. */
export type PromoType = Extract<(typeof PROMO_TYPES)[number], string>;

/** Status of a promotion against the dataset's `asOf` date (`PROMOTION_STATUSES`). */
export type PromotionStatus = Extract<(typeof PROMOTION_STATUSES)[number], string>;

/** Seasonality shape of a template. */
export type Seasonality = 'mild' | 'academic year' | 'strong summer peak';

/** A store template: the parameters the variance engine reads. Data, not code. */
export interface StoreTemplate {
  readonly name: TemplateName;
  /** Human label, e.g. "Suburban family". */
  readonly label: string;
  /** Multiplies catalog regular prices (1.00 = catalog price). */
  readonly priceIndex: number;
  /** Multiplies baseline unit sales. */
  readonly traffic: number;
  /** Multiplies promotional lift. */
  readonly promoSensitivity: number;
  /** Coefficient of variation of the lognormal noise on units and lift. */
  readonly variance: number;
  readonly seasonality: Seasonality;
  /** Categories this template promotes more often. */
  readonly categoryTilt: readonly Category[];
  /** Share of `MIXED` stores with this template, in percent. */
  readonly mixWeight: number;
  /** Suffix of generated store names, e.g. "Family Market". */
  readonly storeNameSuffix: string;
  /** Store size range in square feet. */
  readonly sqft: readonly [min: number, max: number];
}

/** A catalog product. */
export interface Product {
  /** `SKU0001` … */
  readonly sku: string;
  readonly name: string;
  readonly brand: string;
  readonly category: Category;
  /** Catalog shelf price in dollars (before the template's price index). */
  readonly regularPrice: number;
  /** Unit cost in dollars at catalog price. */
  readonly unitCost: number;
  /** e.g. "1 gal", "16 oz", "12 ct". */
  readonly packSize: string;
  readonly privateLabel: boolean;
  /** Average units a week at regular price in a store of traffic 1.0 (extension of the data model). */
  readonly baseWeeklyUnits: number;
}

/** A generated store. */
export interface Store {
  /** `STORE_001` … `STORE_999`, `STORE_1000` … */
  readonly storeId: string;
  readonly storeNumber: number;
  readonly name: string;
  readonly template: TemplateName;
  readonly region: Region;
  readonly city: string;
  readonly openedYear: number;
  readonly sqft: number;
  /** Shopper visits a week. */
  readonly weeklyTraffic: number;
}

/** One promotion of one product in one store (34 fields). Money in dollars, `…Pct` in percent, ratios as ratios. */
export interface Promotion {
  /** `PRM-STORE_001-SKU0042`, unique in a dataset. */
  id: string;
  storeId: string;
  storeName: string;
  template: TemplateName;
  region: Region;
  sku: string;
  productName: string;
  brand: string;
  category: Category;
  promoType: PromoType;
  /** Human text: "25% off", "Buy 1 Get 1 Free", "3 for $10". */
  mechanic: string;
  /** ISO date `YYYY-MM-DD`. */
  startDate: string;
  /** ISO date; `endDate - startDate = durationDays - 1`. */
  endDate: string;
  durationDays: 7 | 14 | 21 | 28;
  status: PromotionStatus;
  regularPrice: number;
  /** Effective unit price under the mechanic. */
  promoPrice: number;
  discountPct: number;
  unitCost: number;
  /** Units expected without the promotion over the same days. */
  baselineUnits: number;
  promoUnits: number;
  liftPct: number;
  incrementalUnits: number;
  baselineRevenue: number;
  revenue: number;
  incrementalRevenue: number;
  grossMargin: number;
  marginPct: number;
  /** Profit change against not running the promotion, after vendor funding and fixed costs. */
  incrementalMargin: number;
  /** The retailer's net investment: unfunded markdown plus display and feature-ad costs. */
  promoSpend: number;
  /** `incrementalMargin / promoSpend` (a ratio: -0.4 is -40%). */
  roi: number;
  displaySupport: boolean;
  featureAd: boolean;
  /** Share of promoted units sold under the mechanic's condition (coupons: share of buyers redeeming). */
  redemptionRate: number;
}

/** Everything that defines a dataset: same spec, same bytes. */
export interface DatasetSpec {
  /** @default 42 */
  seed?: number | string | undefined;
  /** Store count, 1..100,000. */
  stores: number;
  /** @default 'MIXED' */
  templates?: TemplateSelection | undefined;
  /** ISO date deciding promotion status and anchoring the promotion calendar. @default '2026-06-01' */
  asOf?: string | undefined;
}

/** Options shared by every generation function. */
export interface GenerationOptions {
  /** @default 42 */
  seed?: number | string | undefined;
  /** ISO date `YYYY-MM-DD`. @default '2026-06-01' */
  asOf?: string | undefined;
}
