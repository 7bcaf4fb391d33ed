import type { Promotion } from '@promoscale/generator';
import {
  PROMOTION_BOOLEAN_FIELDS,
  PROMOTION_DATE_FIELDS,
  PROMOTION_NUMBER_FIELDS,
} from '@promoscale/generator';
import {
  LIST_FILTER_FIELDS,
  type ListFilterField,
  SEARCH_FIELDS,
  SUMMARY_GROUP_BY_FIELDS,
} from '../query/promotion-query-fields.js';
import type { ReferenceQuery } from './reference-model.js';

/** mulberry32: a tiny seeded PRNG, so the suite's random queries are the same on every run. */
export function createRandom(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  const pick = <T>(items: readonly T[]): T => items[int(items.length)] as T;
  return { next, int, pick, chance: (p: number) => next() < p };
}

/** The suite's PRNG. */
export type Random = ReturnType<typeof createRandom>;

/** Fields with many ties, picked often as sort keys so the `id` tie-break is exercised. */
const TIE_FIELDS = [
  'template',
  'region',
  'category',
  'promoType',
  'status',
  'durationDays',
  'displaySupport',
  'featureAd',
] as const;

/** Where the random values come from: the dataset's own rows plus a few well-formed values it lacks. */
export interface RandomDomain {
  rows: readonly Promotion[];
  fields: readonly (keyof Promotion)[];
  storeCount: number;
}

function listValues(random: Random, domain: RandomDomain, field: ListFilterField): string[] {
  const count = 1 + random.int(3);
  const values = new Set<string>();
  for (let i = 0; i < count; i++) {
    if (field === 'storeId' && random.chance(0.15)) {
      const n = domain.storeCount + 1 + random.int(5);
      values.add(`STORE_${String(n).padStart(3, '0')}`);
    } else {
      values.add(String(random.pick(domain.rows)[field]));
    }
  }
  return [...values];
}

/** A random filter set: list filters, ranges bounded by real values, booleans and `q`. */
export function randomFilters(random: Random, domain: RandomDomain): ReferenceQuery {
  const query: ReferenceQuery = { lists: [], booleans: [], ranges: [], sort: [] };
  const listCount = random.pick([0, 0, 1, 1, 1, 2, 3]);
  for (let i = 0; i < listCount; i++) {
    const field = random.pick(LIST_FILTER_FIELDS);
    if (query.lists.some((list) => list.field === field)) continue;
    query.lists.push({ field, values: listValues(random, domain, field) });
  }
  const rangeCount = random.pick([0, 0, 1, 1, 2]);
  for (let i = 0; i < rangeCount; i++) {
    const field = random.chance(0.2)
      ? random.pick(PROMOTION_DATE_FIELDS)
      : random.pick(PROMOTION_NUMBER_FIELDS);
    if (query.ranges.some((range) => range.field === field)) continue;
    const a = random.pick(domain.rows)[field];
    const b = random.pick(domain.rows)[field];
    const [low, high] = a <= b ? [a, b] : [b, a];
    const which = random.int(3);
    query.ranges.push(
      which === 0 ? { field, gte: low } : which === 1 ? { field, lte: high } : { field, gte: low, lte: high },
    );
  }
  if (random.chance(0.15))
    query.booleans.push({
      field: random.pick(PROMOTION_BOOLEAN_FIELDS),
      value: random.chance(0.5),
    });
  if (random.chance(0.25)) {
    const text = String(random.pick(domain.rows)[random.pick(SEARCH_FIELDS)]);
    const start = random.int(text.length);
    const piece = text.slice(start, start + 1 + random.int(6));
    query.q = random.chance(0.5) ? piece.toUpperCase() : piece;
  }
  return query;
}

/** Random sort keys: up to three fields, often ones with many ties, random directions. */
export function randomSort(random: Random, domain: RandomDomain): ReferenceQuery['sort'] {
  const sort: ReferenceQuery['sort'] = [];
  const count = random.pick([0, 1, 1, 1, 2, 2, 3]);
  for (let i = 0; i < count; i++) {
    const field = random.chance(0.5) ? random.pick(TIE_FIELDS) : random.pick(domain.fields);
    if (sort.some((key) => key.field === field)) continue;
    sort.push({ field, desc: random.chance(0.5) });
  }
  return sort;
}

/** A random promotions query: filters, sort, and paging that sometimes runs past the end. */
export function randomPromotionsQuery(random: Random, domain: RandomDomain): ReferenceQuery {
  const query = randomFilters(random, domain);
  query.sort = randomSort(random, domain);
  const total = domain.rows.length;
  if (random.chance(0.7)) query.limit = random.pick([1, 7, 25, 100, 250, 1000, 1 + random.int(1000)]);
  if (random.chance(0.6))
    query.offset = random.pick([0, 0, random.int(50), random.int(total + 10), total + random.int(5)]);
  return query;
}

/** A random summary query. */
export function randomSummaryQuery(random: Random, domain: RandomDomain): ReferenceQuery {
  const query = randomFilters(random, domain);
  if (random.chance(0.85)) query.groupBy = random.pick(SUMMARY_GROUP_BY_FIELDS);
  return query;
}
