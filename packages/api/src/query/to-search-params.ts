import type { Category, PromoType, PromotionStatus, Region, TemplateName } from '@promoscale/generator';
import type { ExportFormat } from './export-query-schema.js';
import type { SortKey } from './param-schemas.js';
import type { DateField, NumericField, SortField, SummaryGroupBy } from './promotion-query-fields.js';

/** One value or several (sent as `a,b`). */
export type OneOrMany<T> = T | readonly T[];

/** A sort token: a field, `-` in front for descending. */
export type SortToken = SortField | `-${SortField}`;

/** Sort keys as `'-roi,storeId'`, as tokens `['-roi', 'storeId']` or as parsed keys. */
export type SortInput = string | readonly (SortToken | SortKey)[];

/** `<field>_gte` / `<field>_lte` for every numeric field (numbers) and date field (`YYYY-MM-DD`). */
export type RangeFiltersInput = {
  [K in NumericField as `${K}_gte` | `${K}_lte`]?: number | undefined;
} & {
  [K in DateField as `${K}_gte` | `${K}_lte`]?: string | undefined;
};

/** Promotion filters as a client writes them; a parsed `PromotionFilters` fits too. */
export type PromotionFiltersInput = RangeFiltersInput & {
  q?: string | undefined;
  template?: OneOrMany<TemplateName> | undefined;
  region?: OneOrMany<Region> | undefined;
  category?: OneOrMany<Category> | undefined;
  promoType?: OneOrMany<PromoType> | undefined;
  status?: OneOrMany<PromotionStatus> | undefined;
  storeId?: OneOrMany<string> | undefined;
  sku?: OneOrMany<string> | undefined;
  brand?: OneOrMany<string> | undefined;
  displaySupport?: boolean | undefined;
  featureAd?: boolean | undefined;
};

/** The query of `GET /api/promotions` as a client writes it. */
export type PromotionsQueryInput = PromotionFiltersInput & {
  offset?: number | undefined;
  limit?: number | undefined;
  sort?: SortInput | undefined;
};

/** The query of `GET /api/promotions/export` as a client writes it. */
export type ExportQueryInput = PromotionFiltersInput & {
  format?: ExportFormat | undefined;
  sort?: SortInput | undefined;
};

/** The query of `GET /api/summary` as a client writes it. */
export type SummaryQueryInput = PromotionFiltersInput & { groupBy?: SummaryGroupBy | undefined };

/** The query of `GET /api/stores` as a client writes it. */
export interface StoresQueryInput {
  offset?: number | undefined;
  limit?: number | undefined;
  template?: OneOrMany<TemplateName> | undefined;
  region?: OneOrMany<Region> | undefined;
}

type QueryValue = string | number | boolean | SortKey | readonly (string | number | SortKey)[] | undefined;

function encode(value: Exclude<QueryValue, undefined>): string {
  if (Array.isArray(value))
    return value.map((item) => encode(item as Exclude<QueryValue, undefined>)).join(',');
  if (typeof value === 'object') {
    const key = value as SortKey;
    return key.direction === 'desc' ? `-${key.field}` : key.field;
  }
  return String(value);
}

/**
 * Writes a query object as search parameters: lists joined with commas, sort keys as `-field`, booleans as
 * `true`/`false`; `undefined` values and empty lists are left out. The inverse of the query parsers for every valid query.
 *
 * @example
 * toSearchParams({ sort: ['-roi', 'storeId'], category: ['dairy', 'frozen'], roi_gte: 0 }).toString();
 * // 'sort=-roi%2CstoreId&category=dairy%2Cfrozen&roi_gte=0'
 */
export function toSearchParams(query: object = {}): URLSearchParams {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query) as [string, QueryValue][]) {
    if (value === undefined || (Array.isArray(value) && value.length === 0)) continue;
    params.set(key, encode(value));
  }
  return params;
}
