import type { SortKey } from '../query/param-schemas.js';
import type { PromotionFilters } from '../query/promotion-filters-schema.js';
import {
  BOOLEAN_FILTER_FIELDS,
  type BooleanFilterField,
  DATE_FIELDS,
  LIST_FILTER_FIELDS,
  NUMERIC_FIELDS,
  type NumericField,
  SEARCH_FIELDS,
  type SortField,
  type StringField,
} from '../query/promotion-query-fields.js';
import type { PromotionsQuery } from '../query/promotions-query-schema.js';
import type { SummaryQuery } from '../query/summary-query-schema.js';
import type { Page } from '../schemas/page-schema.js';
import type { Promotion } from '../schemas/promotion-schema.js';
import type { Summary } from '../schemas/summary-schema.js';
import { sortKeyString } from './compare-promotions.js';
import { countingSort, identity } from './counting-sort.js';
import { filterKey } from './create-promotion-predicate.js';
import { type Ranking, rankDictionary, rankNumbers } from './dense-rank.js';
import { LruCache } from './lru-cache.js';
import { SummaryAccumulator } from './summary-accumulator.js';

/** Options of {@link PromotionTable}. */
export interface PromotionTableOptions {
  /** Sort orders kept, each one `Uint32Array` over every row. @default 8 */
  sortCacheSize?: number;
  /** Query results (matching row indices in order) kept, keyed by filters and sort. @default 32 */
  resultCacheSize?: number;
}

interface Dictionary {
  /** Distinct values, in first-seen order; a row's code indexes this. */
  readonly values: string[];
  readonly index: Map<string, number>;
  readonly codes: Uint32Array;
  lower?: string[];
}

const NUMERIC = new Set<string>(NUMERIC_FIELDS);
const BOOLEAN = new Set<string>(BOOLEAN_FILTER_FIELDS);

/**
 * A column store over a whole dataset (rows in dataset order) that answers promotions queries fast: columns are
 * built on first use (`Float64Array` per numeric field, dictionary codes per string field), every field gets a
 * dense rank once, a sort spec becomes a permutation by stable counting sorts over the ranks (starting from the
 * `id` order, so ties fall to `id`), and filters become one pass per filter over typed arrays. Sort orders and
 * results are cached (LRU), so the next page of the same query is a slice.
 */
export class PromotionTable {
  /** The rows, in dataset order. */
  readonly rows: readonly Promotion[];
  readonly size: number;
  readonly #numbers = new Map<NumericField, Float64Array>();
  readonly #strings = new Map<StringField, Dictionary>();
  readonly #booleans = new Map<BooleanFilterField, Uint8Array>();
  readonly #ranks = new Map<SortField, Ranking>();
  #idOrder: Uint32Array | undefined;
  readonly #orders: LruCache<string, Uint32Array>;
  readonly #results: LruCache<string, Uint32Array>;

  constructor(rows: readonly Promotion[], options: PromotionTableOptions = {}) {
    this.rows = rows;
    this.size = rows.length;
    this.#orders = new LruCache(options.sortCacheSize ?? 8);
    this.#results = new LruCache(options.resultCacheSize ?? 32);
  }

  /** Indices of the matching rows, in result order (cached). */
  select(filters: PromotionFilters, sort: readonly SortKey[]): Uint32Array {
    const key = `${filterKey(filters)}|${sortKeyString(sort)}`;
    const cached = this.#results.get(key);
    if (cached) return cached;
    const mask = this.#mask(filters);
    const order = sort.length > 0 ? this.#order(sort) : undefined;
    const n = this.size;
    let result: Uint32Array;
    if (!mask) {
      result = order ?? identity(n);
    } else {
      const out = new Uint32Array(n);
      let count = 0;
      if (order) {
        for (let k = 0; k < n; k++) {
          const i = order[k] as number;
          if (mask[i]) out[count++] = i;
        }
      } else {
        for (let i = 0; i < n; i++) if (mask[i]) out[count++] = i;
      }
      result = out.slice(0, count);
    }
    this.#results.set(key, result);
    return result;
  }

  /** One page of a promotions query. */
  page(query: PromotionsQuery): Page<Promotion> {
    const indices = this.select(query, query.sort);
    const end = Math.min(indices.length, query.offset + query.limit);
    const items: Promotion[] = [];
    for (let k = query.offset; k < end; k++) items.push(this.rows[indices[k] as number] as Promotion);
    return { items, total: indices.length, offset: query.offset, limit: query.limit };
  }

  /** The rows at `indices`, in that order. */
  *rowsAt(indices: Uint32Array): Generator<Promotion> {
    for (let k = 0; k < indices.length; k++) yield this.rows[indices[k] as number] as Promotion;
  }

  /** The summary of a query. */
  summary(query: SummaryQuery): Summary {
    const indices = this.select(query, []);
    const revenue = this.#number('revenue');
    const incremental = this.#number('incrementalRevenue');
    const lift = this.#number('liftPct');
    const roi = this.#number('roi');
    const groups = query.groupBy ? this.#string(query.groupBy) : undefined;
    const accumulator = new SummaryAccumulator();
    for (let k = 0; k < indices.length; k++) {
      const i = indices[k] as number;
      const key = groups ? groups.values[groups.codes[i] as number] : undefined;
      accumulator.add(
        key,
        revenue[i] as number,
        incremental[i] as number,
        lift[i] as number,
        roi[i] as number,
      );
    }
    return accumulator.result();
  }

  /** 1 for each row that passes the filters, or `undefined` when there is no filter. */
  #mask(filters: PromotionFilters): Uint8Array | undefined {
    const n = this.size;
    let mask: Uint8Array | undefined;
    const start = () => {
      if (!mask) mask = new Uint8Array(n).fill(1);
      return mask;
    };
    for (const field of LIST_FILTER_FIELDS) {
      const values = filters[field];
      if (values === undefined) continue;
      const dict = this.#string(field);
      const allowed = new Uint8Array(dict.values.length);
      for (const value of values) {
        const code = dict.index.get(value);
        if (code !== undefined) allowed[code] = 1;
      }
      const m = start();
      const codes = dict.codes;
      for (let i = 0; i < n; i++) if (m[i] && !allowed[codes[i] as number]) m[i] = 0;
    }
    for (const field of BOOLEAN_FILTER_FIELDS) {
      const value = filters[field];
      if (value === undefined) continue;
      const column = this.#boolean(field);
      const want = value ? 1 : 0;
      const m = start();
      for (let i = 0; i < n; i++) if (m[i] && column[i] !== want) m[i] = 0;
    }
    for (const field of NUMERIC_FIELDS) {
      const gte = filters[`${field}_gte`] ?? Number.NEGATIVE_INFINITY;
      const lte = filters[`${field}_lte`] ?? Number.POSITIVE_INFINITY;
      if (gte === Number.NEGATIVE_INFINITY && lte === Number.POSITIVE_INFINITY) continue;
      const column = this.#number(field);
      const m = start();
      for (let i = 0; i < n; i++) {
        const v = column[i] as number;
        if (m[i] && (v < gte || v > lte)) m[i] = 0;
      }
    }
    for (const field of DATE_FIELDS) {
      const gte = filters[`${field}_gte`];
      const lte = filters[`${field}_lte`];
      if (gte === undefined && lte === undefined) continue;
      const dict = this.#string(field);
      const allowed = dict.values.map(
        (v) => (gte === undefined || v >= gte) && (lte === undefined || v <= lte),
      );
      const m = start();
      const codes = dict.codes;
      for (let i = 0; i < n; i++) if (m[i] && !allowed[codes[i] as number]) m[i] = 0;
    }
    if (filters.q !== undefined) {
      const needle = filters.q.toLowerCase();
      const tests = SEARCH_FIELDS.map((field) => {
        const dict = this.#string(field);
        dict.lower ??= dict.values.map((value) => value.toLowerCase());
        return {
          codes: dict.codes,
          hit: Uint8Array.from(dict.lower, (value) => (value.includes(needle) ? 1 : 0)),
        };
      });
      const m = start();
      for (let i = 0; i < n; i++) {
        if (!m[i]) continue;
        let found = false;
        for (const { codes, hit } of tests) {
          if (hit[codes[i] as number]) {
            found = true;
            break;
          }
        }
        if (!found) m[i] = 0;
      }
    }
    return mask;
  }

  /** Row indices in the order of the sort keys, ties by `id` ascending (cached). */
  #order(sort: readonly SortKey[]): Uint32Array {
    const key = sortKeyString(sort);
    const cached = this.#orders.get(key);
    if (cached) return cached;
    // `id` is unique: keys after it never decide anything.
    const idAt = sort.findIndex((k) => k.field === 'id');
    const keys = idAt < 0 ? sort : sort.slice(0, idAt + 1);
    let order = this.#ids();
    const last = keys[keys.length - 1];
    if (last?.field === 'id') {
      if (last.direction === 'desc') order = order.slice().reverse();
      if (keys.length > 1) order = this.#sortBy(order, keys.slice(0, -1));
    } else {
      order = this.#sortBy(order, keys);
    }
    this.#orders.set(key, order);
    return order;
  }

  /** Stable counting sorts, least significant key first. */
  #sortBy(start: Uint32Array, keys: readonly SortKey[]): Uint32Array {
    let order = start;
    for (let j = keys.length - 1; j >= 0; j--) {
      const key = keys[j] as SortKey;
      const { rank, max } = this.#rank(key.field);
      order = countingSort(order, rank, max, key.direction === 'desc');
    }
    return order;
  }

  /** Row indices in `id` order (code units). */
  #ids(): Uint32Array {
    if (this.#idOrder) return this.#idOrder;
    // Ids are `PRM-<storeId>-<sku>`: ordering by storeId, keeping dataset order inside a store, is nearly always
    // the id order already; check it and fall back to a full sort if not.
    const { rank, max } = this.#rank('storeId');
    let order = countingSort(identity(this.size), rank, max, false);
    const rows = this.rows;
    for (let k = 1; k < order.length; k++) {
      if (!((rows[order[k - 1] as number] as Promotion).id < (rows[order[k] as number] as Promotion).id)) {
        order = Uint32Array.from(
          [...identity(this.size)].sort((a, b) => {
            const x = (rows[a] as Promotion).id;
            const y = (rows[b] as Promotion).id;
            return x < y ? -1 : x > y ? 1 : 0;
          }),
        );
        break;
      }
    }
    this.#idOrder = order;
    return order;
  }

  #rank(field: SortField): Ranking {
    const cached = this.#ranks.get(field);
    if (cached) return cached;
    let ranking: Ranking;
    if (field === 'id') {
      const order = this.#ids();
      const rank = new Uint32Array(this.size);
      for (let k = 0; k < order.length; k++) rank[order[k] as number] = k;
      ranking = { rank, max: Math.max(0, this.size - 1) };
    } else if (NUMERIC.has(field)) {
      ranking = rankNumbers(this.#number(field as NumericField));
    } else if (BOOLEAN.has(field)) {
      ranking = { rank: Uint32Array.from(this.#boolean(field as BooleanFilterField)), max: 1 };
    } else {
      const dict = this.#string(field as StringField);
      ranking = rankDictionary(dict.values, dict.codes);
    }
    this.#ranks.set(field, ranking);
    return ranking;
  }

  #number(field: NumericField): Float64Array {
    let column = this.#numbers.get(field);
    if (!column) {
      column = new Float64Array(this.size);
      for (let i = 0; i < this.size; i++) column[i] = (this.rows[i] as Promotion)[field];
      this.#numbers.set(field, column);
    }
    return column;
  }

  #boolean(field: BooleanFilterField): Uint8Array {
    let column = this.#booleans.get(field);
    if (!column) {
      column = new Uint8Array(this.size);
      for (let i = 0; i < this.size; i++) column[i] = (this.rows[i] as Promotion)[field] ? 1 : 0;
      this.#booleans.set(field, column);
    }
    return column;
  }

  #string(field: StringField): Dictionary {
    let dict = this.#strings.get(field);
    if (!dict) {
      const values: string[] = [];
      const index = new Map<string, number>();
      const codes = new Uint32Array(this.size);
      for (let i = 0; i < this.size; i++) {
        const value = (this.rows[i] as Promotion)[field];
        let code = index.get(value);
        if (code === undefined) {
          code = values.length;
          values.push(value);
          index.set(value, code);
        }
        codes[i] = code;
      }
      dict = { values, index, codes };
      this.#strings.set(field, dict);
    }
    return dict;
  }
}
