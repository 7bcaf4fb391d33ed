import {
  PROMOTION_BOOLEAN_FIELDS,
  PROMOTION_DATE_FIELDS,
  PROMOTION_NUMBER_FIELDS,
} from '@promoscale/generator';
import type { SortKey } from '../query/param-schemas.js';
import type { PromotionFilters } from '../query/promotion-filters-schema.js';
import {
  type BooleanFilterField,
  LIST_FILTER_FIELDS,
  type NumericField,
  SEARCH_FIELDS,
  type SortField,
} from '../query/promotion-query-fields.js';
import type { SummaryQuery } from '../query/summary-query-schema.js';
import type { Summary } from '../schemas/summary-schema.js';
import { storedRange } from './column-builders.js';
import { sortKeyString } from './compare-promotions.js';
import { countingSortSteps, identity } from './counting-sort.js';
import { filterKey } from './create-promotion-predicate.js';
import { type Ranking, rankDictionary, rankNumbersSteps } from './dense-rank.js';
import { LruCache } from './lru-cache.js';
import type {
  CodeArray,
  ColumnField,
  Dictionary,
  DictionaryField,
  NumberArray,
  PromotionColumns,
} from './promotion-columns.js';
import { inSlices, runSteps, runStepsPaused, SLICE_ROWS, type Steps } from './run-steps.js';
import { SummaryAccumulator } from './summary-accumulator.js';

/** Cache limits of a {@link ColumnQuery}. */
export interface ColumnQueryOptions {
  /** Sort orders kept, each one `Uint32Array` over every row. @default 8 */
  sortCacheSize?: number | undefined;
  /** Query results (matching row indices in order) kept, keyed by filters and sort. @default 32 */
  resultCacheSize?: number | undefined;
  /** Rows a step of a pass covers at most (see `prepare`). @default 262144 */
  sliceRows?: number | undefined;
  /**
   * Bytes each cache (sort orders, results, numeric ranks) may hold: beyond it the least recently used entries go,
   * whatever their count. @default Infinity
   */
  cacheBytes?: number | undefined;
}

const NUMERIC = new Set<string>(PROMOTION_NUMBER_FIELDS);
const BOOLEAN = new Set<string>(PROMOTION_BOOLEAN_FIELDS);
/** What a summary adds up. */
const SUMMARY_FIELDS = ['revenue', 'incrementalRevenue', 'liftPct', 'roi'] as const;
/** `id` order is `storeId` order, then `sku` (ids are `PRM-<storeId>-<sku>`). */
const ID_FIELDS = ['storeId', 'sku'] as const;

/** The sort keys that can decide anything: `id` is unique, so keys after it never do. */
function effectiveSort(sort: readonly SortKey[]): readonly SortKey[] {
  const idAt = sort.findIndex((k) => k.field === 'id');
  return idAt < 0 ? sort : sort.slice(0, idAt + 1);
}

/**
 * The columns a query reads: those of its filters, its sort keys (and `storeId` + `sku`, which give `id` order,
 * when it sorts) and, for a summary, the figures it adds up and its `groupBy`.
 */
export function requiredFields(
  filters: PromotionFilters,
  sort: readonly SortKey[],
  summary?: SummaryQuery,
): Set<ColumnField> {
  const fields = new Set<ColumnField>();
  for (const field of LIST_FILTER_FIELDS) if (filters[field] !== undefined) fields.add(field);
  for (const field of PROMOTION_BOOLEAN_FIELDS) if (filters[field] !== undefined) fields.add(field);
  for (const field of [...PROMOTION_NUMBER_FIELDS, ...PROMOTION_DATE_FIELDS])
    if (filters[`${field}_gte`] !== undefined || filters[`${field}_lte`] !== undefined) fields.add(field);
  if (filters.q !== undefined) for (const field of SEARCH_FIELDS) fields.add(field);
  const keys = effectiveSort(sort);
  if (keys.length > 0) for (const field of ID_FIELDS) fields.add(field);
  for (const { field } of keys) if (field !== 'id') fields.add(field);
  if (summary) {
    for (const field of SUMMARY_FIELDS) fields.add(field);
    if (summary.groupBy) fields.add(summary.groupBy);
  }
  return fields;
}

/**
 * Answers promotions queries over columns: every sorted field gets a dense rank (a dictionary column ranks its
 * distinct values only), a sort spec becomes a permutation by stable counting sorts over the ranks (starting from
 * the `id` order, so ties fall to `id`), and filters become one pass per filter over typed arrays. Sort orders,
 * numeric ranks and results are cached (LRU, bounded in count and bytes), so the next page of a query is a slice.
 */
export class ColumnQuery {
  readonly columns: PromotionColumns;
  readonly #orders: LruCache<string, Uint32Array>;
  readonly #results: LruCache<string, Uint32Array>;
  readonly #ranks: LruCache<SortField, Ranking>;
  readonly #slice: number;

  constructor(columns: PromotionColumns, options: ColumnQueryOptions = {}) {
    this.columns = columns;
    this.#slice = Math.max(1, Math.floor(options.sliceRows ?? SLICE_ROWS));
    const bytes = options.cacheBytes ?? Number.POSITIVE_INFINITY;
    const sortCacheSize = options.sortCacheSize ?? 8;
    this.#orders = new LruCache(sortCacheSize, bytes);
    this.#results = new LruCache(options.resultCacheSize ?? 32, bytes);
    // Dictionary and boolean ranks hold no per-row array of their own: only numeric ranks weigh anything.
    this.#ranks = new LruCache(Math.max(4, sortCacheSize * 3), bytes, (ranking) =>
      ranking.map ? ranking.map.byteLength : ranking.keys.byteLength,
    );
  }

  /** Bytes held by the caches (sort orders, results, numeric ranks). */
  cacheBytes(): number {
    return this.#orders.bytes + this.#results.bytes + this.#ranks.bytes;
  }

  /** Indices of the matching rows, in result order (cached). */
  select(filters: PromotionFilters, sort: readonly SortKey[]): Uint32Array {
    const key = `${filterKey(filters)}|${sortKeyString(sort)}`;
    const cached = this.#results.get(key);
    if (cached) return cached;
    const result = runSteps(this.#selectSteps(filters, sort));
    this.#results.set(key, result);
    return result;
  }

  /**
   * Computes and caches the result of a query a step at a time (the `id` order, each sort key's rank and counting
   * sort, each filter's pass, the merge), awaiting `pause()` between steps: a browser page never waits for more
   * than about one pass over every row. `select` then answers from the cache.
   */
  async prepare(
    filters: PromotionFilters,
    sort: readonly SortKey[],
    pause: () => Promise<void>,
  ): Promise<void> {
    const key = `${filterKey(filters)}|${sortKeyString(sort)}`;
    if (this.#results.get(key)) return;
    this.#results.set(key, await runStepsPaused(this.#selectSteps(filters, sort), pause));
  }

  *#selectSteps(filters: PromotionFilters, sort: readonly SortKey[]): Steps<Uint32Array> {
    let order: Uint32Array | undefined;
    if (sort.length > 0) {
      const key = sortKeyString(sort);
      order = this.#orders.get(key);
      if (!order) {
        order = yield* this.#orderSteps(sort);
        this.#orders.set(key, order);
        yield;
      }
    }
    const mask = yield* this.#maskSteps(filters);
    if (!mask) return order ?? identity(this.columns.size);
    return yield* matching(mask, order, this.#slice);
  }

  /** The summary of a query. */
  summary(query: SummaryQuery): Summary {
    const indices = this.select(query, []);
    const [revenue, incremental, lift, roi] = SUMMARY_FIELDS.map((field) => this.columns.number(field));
    const groups = query.groupBy ? this.columns.dictionary(query.groupBy) : undefined;
    const accumulator = new SummaryAccumulator();
    const r = revenue?.values as ArrayLike<number>;
    const ri = incremental?.values as ArrayLike<number>;
    const l = lift?.values as ArrayLike<number>;
    const o = roi?.values as ArrayLike<number>;
    const [rs, ris, ls, os] = [revenue, incremental, lift, roi].map((column) => column?.scale ?? 1);
    for (let k = 0; k < indices.length; k++) {
      const i = indices[k] as number;
      const key = groups ? groups.values[groups.codes[i] as number] : undefined;
      accumulator.add(
        key,
        (r[i] as number) / (rs as number),
        (ri[i] as number) / (ris as number),
        (l[i] as number) / (ls as number),
        (o[i] as number) / (os as number),
      );
    }
    return accumulator.result();
  }

  /**
   * 1 for each row that passes the filters, or `undefined` when there is no filter (a step per filter): the rules
   * of `createPromotionPredicate` (the row-at-a-time form, in create-promotion-predicate.ts), over columns;
   * filters-agree.test.ts holds the two to the same rows for every filter.
   */
  *#maskSteps(filters: PromotionFilters): Steps<Uint8Array | undefined> {
    const n = this.columns.size;
    let mask: Uint8Array | undefined;
    // The first filter writes the mask, later ones clear rows from it: one pass a filter, a task each.
    for (const field of LIST_FILTER_FIELDS) {
      const values = filters[field];
      if (values === undefined) continue;
      const dict = this.columns.dictionary(field);
      const allowed = new Uint8Array(dict.values.length);
      for (const value of values) {
        const code = dict.index.get(value);
        if (code !== undefined) allowed[code] = 1;
      }
      mask = yield* keepCodes(mask, n, this.#slice, dict.codes, allowed);
      yield;
    }
    for (const field of PROMOTION_BOOLEAN_FIELDS) {
      const value = filters[field];
      if (value === undefined) continue;
      mask = yield* keepCodes(
        mask,
        n,
        this.#slice,
        this.columns.boolean(field),
        Uint8Array.of(value ? 0 : 1, value ? 1 : 0),
      );
      yield;
    }
    for (const field of PROMOTION_NUMBER_FIELDS) {
      const gte = filters[`${field}_gte`] ?? Number.NEGATIVE_INFINITY;
      const lte = filters[`${field}_lte`] ?? Number.POSITIVE_INFINITY;
      if (gte === Number.NEGATIVE_INFINITY && lte === Number.POSITIVE_INFINITY) continue;
      const column = this.columns.number(field);
      const [lo, hi] = storedRange(column, gte, lte);
      mask = yield* keepRange(mask, n, this.#slice, column.values, lo, hi);
      yield;
    }
    for (const field of PROMOTION_DATE_FIELDS) {
      const gte = filters[`${field}_gte`];
      const lte = filters[`${field}_lte`];
      if (gte === undefined && lte === undefined) continue;
      const dict = this.columns.dictionary(field);
      const allowed = Uint8Array.from(dict.values, (v) =>
        (gte === undefined || v >= gte) && (lte === undefined || v <= lte) ? 1 : 0,
      );
      mask = yield* keepCodes(mask, n, this.#slice, dict.codes, allowed);
      yield;
    }
    if (filters.q !== undefined) {
      const needle = filters.q.toLowerCase();
      const tests = SEARCH_FIELDS.map((field) => {
        const dict = this.columns.dictionary(field);
        dict.lower ??= dict.values.map((value) => value.toLowerCase());
        return {
          codes: dict.codes,
          hit: Uint8Array.from(dict.lower, (value) => (value.includes(needle) ? 1 : 0)),
        };
      });
      mask = yield* keepSearch(mask, n, this.#slice, tests);
      yield;
    }
    return mask;
  }

  /**
   * The order of the sort keys from the `id` order by stable counting sorts, least significant key first (`id`
   * itself is the last key or absent), pausing (`yield`) after each step.
   */
  *#orderSteps(sort: readonly SortKey[]): Steps<Uint32Array> {
    let keys = effectiveSort(sort);
    let order = this.columns.idOrder();
    const last = keys[keys.length - 1];
    if (last?.field === 'id') {
      if (last.direction === 'desc') order = order.slice().reverse();
      keys = keys.slice(0, -1);
    }
    for (let j = keys.length - 1; j >= 0; j--) {
      const key = keys[j] as SortKey;
      const ranking = yield* this.#rank(key.field as ColumnField);
      yield;
      order = yield* countingSortSteps(order, ranking, key.direction === 'desc', this.#slice);
      if (j > 0) yield;
    }
    return order;
  }

  *#rank(field: ColumnField): Steps<Ranking> {
    const cached = this.#ranks.get(field);
    if (cached) return cached;
    let ranking: Ranking;
    if (NUMERIC.has(field)) {
      ranking = yield* rankNumbersSteps(this.columns.number(field as NumericField).values, this.#slice);
    } else if (BOOLEAN.has(field)) {
      ranking = { keys: this.columns.boolean(field as BooleanFilterField), max: 1 };
    } else {
      const dict = this.columns.dictionary(field as DictionaryField);
      ranking = rankDictionary(dict.values, dict.codes);
    }
    this.#ranks.set(field, ranking);
    return ranking;
  }
}

// The passes over every row, a slice of rows a step; the loops sit in plain closures, which V8 optimizes
// better than a generator's body.

/**
 * Keeps the rows whose code is allowed: the first filter (`mask` undefined) writes a new mask of `n` rows, later
 * ones clear rows from it. A slice of rows a step; returns the mask.
 */
function* keepCodes(
  mask: Uint8Array | undefined,
  n: number,
  slice: number,
  codes: CodeArray,
  allowed: Uint8Array,
): Steps<Uint8Array> {
  const m = mask ?? new Uint8Array(n);
  yield* inSlices(n, slice, (from, to) => {
    if (!mask) for (let i = from; i < to; i++) m[i] = allowed[codes[i] as number] as number;
    else for (let i = from; i < to; i++) if (m[i] && !allowed[codes[i] as number]) m[i] = 0;
  });
  return m;
}

/** Keeps the rows whose stored value lies in `[lo, hi]` (see {@link keepCodes}). */
function* keepRange(
  mask: Uint8Array | undefined,
  n: number,
  slice: number,
  values: NumberArray,
  lo: number,
  hi: number,
): Steps<Uint8Array> {
  const m = mask ?? new Uint8Array(n);
  yield* inSlices(n, slice, (from, to) => {
    for (let i = from; i < to; i++) {
      if (mask && !m[i]) continue;
      const v = values[i] as number;
      m[i] = v >= lo && v <= hi ? 1 : 0;
    }
  });
  return m;
}

/** Keeps the rows where any of the search columns' codes is a hit (see {@link keepCodes}). */
function* keepSearch(
  mask: Uint8Array | undefined,
  n: number,
  slice: number,
  tests: readonly { codes: CodeArray; hit: Uint8Array }[],
): Steps<Uint8Array> {
  const m = mask ?? new Uint8Array(n);
  yield* inSlices(n, slice, (from, to) => {
    for (let i = from; i < to; i++) {
      if (mask && !m[i]) continue;
      let found = 0;
      for (const { codes, hit } of tests) {
        if (hit[codes[i] as number]) {
          found = 1;
          break;
        }
      }
      m[i] = found;
    }
  });
  return m;
}

/** The rows the mask keeps, in `order` (dataset order when absent), a slice a step. */
function* matching(mask: Uint8Array, order: Uint32Array | undefined, slice: number): Steps<Uint32Array> {
  const n = mask.length;
  const out = new Uint32Array(n);
  let count = 0;
  yield* inSlices(n, slice, (from, to) => {
    if (order) {
      for (let k = from; k < to; k++) {
        const i = order[k] as number;
        if (mask[i]) out[count++] = i;
      }
    } else {
      for (let i = from; i < to; i++) if (mask[i]) out[count++] = i;
    }
  });
  return out.slice(0, count);
}

/**
 * Row indices in `id` order from the `storeId` and `sku` columns, a step at a time: `PRM-<storeId>-<sku>`
 * compares like the pair (`-` sorts before every character of a store id, so `PRM-STORE_100-…` <
 * `PRM-STORE_1000-…`, as `STORE_100` < `STORE_1000`). Rows of a store nearly always come in SKU order already:
 * one counting sort by store, checked, and a second one by SKU first only when needed.
 */
export function* idOrderSteps(storeId: Dictionary, sku: Dictionary, slice = SLICE_ROWS): Steps<Uint32Array> {
  const stores = rankDictionary(storeId.values, storeId.codes);
  const skus = rankDictionary(sku.values, sku.codes);
  yield;
  const n = storeId.codes.length;
  const order = yield* countingSortSteps(identity(n), stores, false, slice);
  yield;
  const storeCodes = storeId.codes;
  const skuCodes = sku.codes;
  const skuRank = skus.map as Uint32Array;
  let ordered = true;
  yield* inSlices(n, slice, (from, to) => {
    for (let k = Math.max(1, from); k < to && ordered; k++) {
      const a = order[k - 1] as number;
      const b = order[k] as number;
      if (
        storeCodes[a] === storeCodes[b] &&
        (skuRank[skuCodes[a] as number] as number) >= (skuRank[skuCodes[b] as number] as number)
      )
        ordered = false;
    }
  });
  if (ordered) return order;
  yield;
  const bySku = yield* countingSortSteps(identity(n), skus, false, slice);
  yield;
  return yield* countingSortSteps(bySku, stores, false, slice);
}
