import type {
  Category,
  PromoType,
  PromotionField,
  PromotionStatus,
  Region,
  TemplateName,
} from '@promoscale/generator';
import type { ExportFormat } from './export-query-schema.js';
import type { SortKey } from './param-schemas.js';
import type { RangeFilters } from './promotion-filters-schema.js';
import type { SummaryGroupBy } from './promotion-query-fields.js';

// The client's query types: each list filter takes one value or several (`T | readonly T[]`, sent as `a,b`);
// a parsed query of the same route fits too (query-types.test-d.ts).

/** A sort token: a field, `-` in front for descending. */
export type SortToken = PromotionField | `-${PromotionField}`;

/** Promotion filters as a client writes them; a parsed `PromotionFilters` fits too. */
export type PromotionFiltersInput = RangeFilters & {
  q?: string | undefined;
  template?: TemplateName | readonly TemplateName[] | undefined;
  region?: Region | readonly Region[] | undefined;
  category?: Category | readonly Category[] | undefined;
  promoType?: PromoType | readonly PromoType[] | undefined;
  status?: PromotionStatus | readonly PromotionStatus[] | undefined;
  storeId?: string | readonly string[] | undefined;
  sku?: string | readonly string[] | undefined;
  brand?: string | readonly string[] | undefined;
  displaySupport?: boolean | undefined;
  featureAd?: boolean | undefined;
};

/** The query of `GET /api/promotions` as a client writes it. */
export type PromotionsQueryInput = PromotionFiltersInput & {
  offset?: number | undefined;
  limit?: number | undefined;
  /** Sort keys as `'-roi,storeId'`, as tokens `['-roi', 'storeId']` or as parsed keys. */
  sort?: string | readonly (SortToken | SortKey)[] | undefined;
};

/** The query of `GET /api/promotions/export` as a client writes it. */
export type ExportQueryInput = PromotionFiltersInput & {
  format?: ExportFormat | undefined;
  sort?: PromotionsQueryInput['sort'];
};

/** The query of `GET /api/summary` as a client writes it. */
export type SummaryQueryInput = PromotionFiltersInput & { groupBy?: SummaryGroupBy | undefined };

/** The query of `GET /api/stores` as a client writes it. */
export interface StoresQueryInput {
  offset?: number | undefined;
  limit?: number | undefined;
  template?: TemplateName | readonly TemplateName[] | undefined;
  region?: Region | readonly Region[] | undefined;
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
