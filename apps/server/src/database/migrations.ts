/** One schema change, applied once, in `version` order, inside a transaction. */
export interface Migration {
  readonly version: number;
  readonly name: string;
  readonly sql: string;
}

/**
 * The columns of `promotion_value_counts`, by kind: range filters (`discountPct_gte`, a `startDate` range) on
 * one of them have a total summed over its few hundred values at most, not counted over the promotions. Each
 * holds few distinct values (the generator's discounts are tenths of a percent, its dates weekly, its durations
 * 7 to 28 days).
 */
export const VALUE_COUNTED_COLUMNS: ReadonlyMap<string, 'number' | 'text'> = new Map([
  ['discount_pct', 'number'],
  ['duration_days', 'number'],
  ['start_date', 'text'],
  ['end_date', 'text'],
]);

/** Fills `promotion_value_counts` from the promotions, one scan for every column (grouping sets). */
function refreshValueCounts(): string {
  const columns = [...VALUE_COUNTED_COLUMNS];
  const value = (kind: 'number' | 'text') =>
    columns.map(([column, k]) => (k === kind ? column : 'NULL')).join(', ');
  return `INSERT INTO promotion_value_counts
  SELECT CASE ${columns.map(([column], i) => `WHEN g = ${i} THEN '${column}'`).join(' ')} END,
    coalesce(${value('number')}), coalesce(${value('text')}), n
  FROM (
    SELECT ${columns.map(([column]) => column).join(', ')}, count(*) AS n,
      CASE ${columns.map(([column], i) => `WHEN GROUPING(${column}) = 0 THEN ${i}`).join(' ')} END AS g
    FROM promotions GROUP BY GROUPING SETS (${columns.map(([column]) => `(${column})`).join(', ')})
  ) AS grouped`;
}

/**
 * The columns whose descending sort (ties by id, the contract's order) has marks in `promotion_sort_marks`:
 * the key of every {@link SORT_MARK_EVERY}th row of that order, with its rank. An unfiltered page at a deep offset
 * starts its walk at the mark before it (at most that many index entries) instead of walking the whole offset.
 * Each has a covering index in that order (indexes.ts), which the marks are read from.
 */
export const SORT_MARK_COLUMNS: readonly string[] = ['roi', 'revenue'];

/** Rows between two marks of a sort in `promotion_sort_marks`. */
export const SORT_MARK_EVERY = 1000;

/** Fills `promotion_sort_marks` from the promotions, one walk of each column's index. */
function refreshSortMarks(): string {
  return SORT_MARK_COLUMNS.map(insertSortMarks).join(';\n');
}

/** Inserts the marks of one of {@link SORT_MARK_COLUMNS}: one walk of its covering index. */
function insertSortMarks(column: string): string {
  return `INSERT INTO promotion_sort_marks
  SELECT '${column}', rank, ${column}, id FROM (
    SELECT ${column}, id, row_number() OVER (ORDER BY ${column} DESC, id) - 1 AS rank FROM promotions
  ) AS ranked WHERE rank % ${SORT_MARK_EVERY} = 0`;
}

/**
 * Replaces the marks of one of {@link SORT_MARK_COLUMNS} (a seed runs it once that column's covering index is
 * built, beside the other index builds).
 */
export function refreshSortMarksOf(column: string): string {
  if (!SORT_MARK_COLUMNS.includes(column)) throw new Error(`No sort marks for the column ${column}`);
  return `DELETE FROM promotion_sort_marks WHERE column_name = '${column}';\n${insertSortMarks(column)}`;
}

/**
 * Fills `promotion_search_parts`, one scan: for each sku (with its product name and brand) the product part of
 * the `search` column (product name, brand and sku: everything but the store name) and its count, and for each
 * store (with its name) the store part. A `q` needle cannot hold the separator, so it matches a row exactly when
 * it matches one of these parts: the source resolves it against this small table first (create-sql-source.ts).
 * A sku with two names (or a store with two) gives two rows, and the source then searches the column instead.
 */
function refreshSearchParts(): string {
  return `INSERT INTO promotion_search_parts
  SELECT sku, store_number, CASE WHEN sku IS NOT NULL
      THEN split_part(s, chr(1), 1) || chr(1) || split_part(s, chr(1), 2) || chr(1) || split_part(s, chr(1), 4)
      ELSE split_part(s, chr(1), 3) END, n
  FROM (
    SELECT sku, store_number, min(search) AS s, count(*) AS n FROM promotions
    GROUP BY GROUPING SETS ((sku, product_name, brand), (store_number, store_name))
  ) AS parts`;
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
  {
    version: 3,
    name: 'promotion counts by each value of the discrete range fields, sort marks, search parts; promotions end after they start',
    sql: `
-- Every promotion ends on or after its start (the generator's invariant): range filters on one date bound the
-- other (promotion-sql.ts), which is only right if the database holds to it.
ALTER TABLE promotions ADD CONSTRAINT promotions_ends_after_start CHECK (end_date >= start_date);
CREATE TABLE promotion_value_counts (
  column_name text COLLATE "C" NOT NULL,
  number_value float8,
  text_value text COLLATE "C",
  n integer NOT NULL
);
${refreshValueCounts()};
CREATE TABLE promotion_sort_marks (
  column_name text COLLATE "C" NOT NULL,
  rank bigint NOT NULL,
  value float8 NOT NULL,
  id text COLLATE "C" NOT NULL,
  PRIMARY KEY (column_name, rank)
);
${refreshSortMarks()};
CREATE TABLE promotion_search_parts (
  sku text COLLATE "C",
  store_number integer,
  part text COLLATE "C" NOT NULL,
  n integer NOT NULL
);
${refreshSearchParts()};
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

/**
 * Rebuilds `promotion_counts`, `promotion_value_counts` and `promotion_search_parts` from the promotions, three
 * scans (a seed that wrote every row itself sums them while the rows stream instead: seed-counts.ts).
 */
export const REFRESH_SUMMARY_COUNTS = `DELETE FROM promotion_counts;
INSERT INTO promotion_counts
  SELECT category, status, promo_type, region, template, display_support, feature_ad, count(*)
  FROM promotions GROUP BY 1, 2, 3, 4, 5, 6, 7;
DELETE FROM promotion_value_counts;
${refreshValueCounts()};
DELETE FROM promotion_search_parts;
${refreshSearchParts()}`;

/**
 * Rebuilds `promotion_counts`, `promotion_value_counts`, `promotion_sort_marks` and `promotion_search_parts` from
 * the promotions (after their rows were edited in the database).
 */
export const REFRESH_PROMOTION_COUNTS = `${REFRESH_SUMMARY_COUNTS};
DELETE FROM promotion_sort_marks;
${refreshSortMarks()}`;
