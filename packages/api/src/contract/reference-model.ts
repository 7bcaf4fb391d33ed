import type { Promotion } from '@promoscale/generator';

/**
 * A query as the contract suite writes it, independently of the package's parser: what the reference below
 * evaluates and what `referenceSearchParams` turns into a URL.
 */
export interface ReferenceQuery {
  lists: { field: keyof Promotion; values: string[] }[];
  booleans: { field: 'displaySupport' | 'featureAd'; value: boolean }[];
  ranges: { field: keyof Promotion; gte?: number | string | undefined; lte?: number | string | undefined }[];
  q?: string | undefined;
  sort: { field: keyof Promotion; desc: boolean }[];
  offset?: number | undefined;
  limit?: number | undefined;
  groupBy?: 'category' | 'template' | 'region' | 'promoType' | 'status' | undefined;
}

/** The search parameters of a reference query, in a shuffled but deterministic order. */
export function referenceSearchParams(
  query: ReferenceQuery,
  extra: Record<string, string> = {},
): URLSearchParams {
  const entries: [string, string][] = [];
  for (const { field, values } of query.lists) entries.push([field, values.join(',')]);
  for (const { field, value } of query.booleans) entries.push([field, String(value)]);
  for (const { field, gte, lte } of query.ranges) {
    if (gte !== undefined) entries.push([`${field}_gte`, String(gte)]);
    if (lte !== undefined) entries.push([`${field}_lte`, String(lte)]);
  }
  if (query.q !== undefined) entries.push(['q', query.q]);
  if (query.sort.length > 0)
    entries.push(['sort', query.sort.map((k) => (k.desc ? `-${k.field}` : k.field)).join(',')]);
  if (query.offset !== undefined) entries.push(['offset', String(query.offset)]);
  if (query.limit !== undefined) entries.push(['limit', String(query.limit)]);
  if (query.groupBy !== undefined) entries.push(['groupBy', query.groupBy]);
  for (const [key, value] of Object.entries(extra)) entries.push([key, value]);
  entries.sort((a, b) => ((a[0].length * 31 + a[1].length) % 7) - ((b[0].length * 31 + b[1].length) % 7));
  return new URLSearchParams(entries);
}

/** The straightforward answer: filter, then sort with `id` breaking ties (dataset order without sort keys). */
export function referenceSelect(rows: readonly Promotion[], query: ReferenceQuery): Promotion[] {
  const needle = query.q?.toLowerCase();
  const matching = rows.filter((row) => {
    for (const { field, values } of query.lists) if (!values.includes(String(row[field]))) return false;
    for (const { field, value } of query.booleans) if (row[field] !== value) return false;
    for (const { field, gte, lte } of query.ranges) {
      const value = row[field] as number | string;
      if (gte !== undefined && !(value >= gte)) return false;
      if (lte !== undefined && !(value <= lte)) return false;
    }
    if (needle !== undefined) {
      const hay = [row.productName, row.brand, row.storeName, row.sku];
      if (!hay.some((text) => text.toLowerCase().includes(needle))) return false;
    }
    return true;
  });
  if (query.sort.length === 0) return matching;
  return [...matching].sort((a, b) => {
    for (const { field, desc } of query.sort) {
      const x = a[field];
      const y = b[field];
      if (x < y) return desc ? 1 : -1;
      if (x > y) return desc ? -1 : 1;
    }
    return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
  });
}

/** The expected page of a promotions query. */
export function referencePage(rows: readonly Promotion[], query: ReferenceQuery) {
  const all = referenceSelect(rows, query);
  const offset = query.offset ?? 0;
  const limit = query.limit ?? 100;
  return { items: all.slice(offset, offset + limit), total: all.length, offset, limit };
}

/** Exact sums and unrounded means of a set of promotions. */
export interface ReferenceFigures {
  promotions: number;
  revenueCents: number;
  incrementalRevenueCents: number;
  meanLiftPct: number;
  meanRoi: number;
}

function figures(rows: readonly Promotion[]): ReferenceFigures {
  let revenueCents = 0;
  let incrementalRevenueCents = 0;
  let lift = 0;
  let roi = 0;
  for (const row of rows) {
    revenueCents += Math.round(row.revenue * 100);
    incrementalRevenueCents += Math.round(row.incrementalRevenue * 100);
    lift += row.liftPct;
    roi += row.roi;
  }
  const n = rows.length;
  return {
    promotions: n,
    revenueCents,
    incrementalRevenueCents,
    meanLiftPct: n ? lift / n : Number.NaN,
    meanRoi: n ? roi / n : Number.NaN,
  };
}

/** The expected summary: groups by key (code-unit order) and totals. */
export function referenceSummary(rows: readonly Promotion[], query: ReferenceQuery) {
  const matching = referenceSelect(rows, { ...query, sort: [] });
  const groups = new Map<string, Promotion[]>();
  if (query.groupBy) {
    for (const row of matching) {
      const key = row[query.groupBy];
      const list = groups.get(key) ?? [];
      list.push(row);
      groups.set(key, list);
    }
  }
  return {
    groups: [...groups.keys()].sort().map((key) => ({ key, ...figures(groups.get(key) ?? []) })),
    totals: figures(matching),
  };
}
