/** One schema change, applied once, in `version` order, inside a transaction. */
export interface Migration {
  readonly version: number;
  readonly name: string;
  readonly sql: string;
}

/**
 * The schema of both back ends (PGlite and PostgreSQL: one SQL dialect). Text columns use `COLLATE "C"` so
 * sorts compare by code point like the contract (`STORE_100` < `STORE_1000` < `STORE_101`); numbers are `float8`,
 * which round-trips every JavaScript number exactly; dates are ISO text (`YYYY-MM-DD` sorts as a date).
 * Never edit a migration that has shipped: add the next one.
 */
export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'dataset, stores and promotions',
    sql: `
CREATE TABLE promoscale_dataset (
  id integer PRIMARY KEY CHECK (id = 1),
  spec text NOT NULL,
  store_count integer NOT NULL,
  promotion_count integer NOT NULL,
  stores_loaded integer NOT NULL DEFAULT 0,
  complete boolean NOT NULL DEFAULT false
);
CREATE TABLE stores (
  store_number integer PRIMARY KEY,
  store_id text COLLATE "C" NOT NULL,
  name text COLLATE "C" NOT NULL,
  template text COLLATE "C" NOT NULL,
  region text COLLATE "C" NOT NULL,
  city text COLLATE "C" NOT NULL,
  opened_year integer NOT NULL,
  sqft integer NOT NULL,
  weekly_traffic integer NOT NULL
);
CREATE UNIQUE INDEX stores_store_id ON stores (store_id);
CREATE TABLE promotions (
  store_number integer NOT NULL,
  position smallint NOT NULL,
  id text COLLATE "C" NOT NULL,
  store_id text COLLATE "C" NOT NULL,
  store_name text COLLATE "C" NOT NULL,
  template text COLLATE "C" NOT NULL,
  region text COLLATE "C" NOT NULL,
  sku text COLLATE "C" NOT NULL,
  product_name text COLLATE "C" NOT NULL,
  brand text COLLATE "C" NOT NULL,
  category text COLLATE "C" NOT NULL,
  promo_type text COLLATE "C" NOT NULL,
  mechanic text COLLATE "C" NOT NULL,
  start_date text COLLATE "C" NOT NULL,
  end_date text COLLATE "C" NOT NULL,
  duration_days float8 NOT NULL,
  status text COLLATE "C" NOT NULL,
  regular_price float8 NOT NULL,
  promo_price float8 NOT NULL,
  discount_pct float8 NOT NULL,
  unit_cost float8 NOT NULL,
  baseline_units float8 NOT NULL,
  promo_units float8 NOT NULL,
  lift_pct float8 NOT NULL,
  incremental_units float8 NOT NULL,
  baseline_revenue float8 NOT NULL,
  revenue float8 NOT NULL,
  incremental_revenue float8 NOT NULL,
  gross_margin float8 NOT NULL,
  margin_pct float8 NOT NULL,
  incremental_margin float8 NOT NULL,
  promo_spend float8 NOT NULL,
  roi float8 NOT NULL,
  display_support boolean NOT NULL,
  feature_ad boolean NOT NULL,
  redemption_rate float8 NOT NULL,
  -- lower-cased product name, brand, store name and sku joined by U+0001 (the q search)
  search text COLLATE "C" NOT NULL,
  PRIMARY KEY (store_number, position)
);
`,
  },
  {
    version: 2,
    name: 'promotion counts by every enum and boolean field',
    sql: `
CREATE TABLE promotion_counts (
  category text COLLATE "C" NOT NULL,
  status text COLLATE "C" NOT NULL,
  promo_type text COLLATE "C" NOT NULL,
  region text COLLATE "C" NOT NULL,
  template text COLLATE "C" NOT NULL,
  display_support boolean NOT NULL,
  feature_ad boolean NOT NULL,
  n integer NOT NULL
);
INSERT INTO promotion_counts
  SELECT category, status, promo_type, region, template, display_support, feature_ad, count(*)
  FROM promotions GROUP BY 1, 2, 3, 4, 5, 6, 7;
`,
  },
];

/**
 * The columns of `promotion_counts`, which holds the number of promotions of every combination of them (a few
 * thousand rows at any dataset size): a total filtered on these columns only is a sum over it, not a count of
 * the promotions.
 */
export const COUNTED_COLUMNS: ReadonlySet<string> = new Set([
  'category',
  'status',
  'promo_type',
  'region',
  'template',
  'display_support',
  'feature_ad',
]);

/** Rebuilds `promotion_counts` from the promotions (after a seed's load). */
export const REFRESH_PROMOTION_COUNTS = `DELETE FROM promotion_counts;
INSERT INTO promotion_counts
  SELECT category, status, promo_type, region, template, display_support, feature_ad, count(*)
  FROM promotions GROUP BY 1, 2, 3, 4, 5, 6, 7`;
