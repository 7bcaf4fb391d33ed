import type { SortKey } from '../query/param-schemas.js';
import type { PromotionFilters } from '../query/promotion-filters-schema.js';
import type { BooleanFilterField, NumericField } from '../query/promotion-query-fields.js';
import type { PromotionsQuery } from '../query/promotions-query-schema.js';
import type { SummaryQuery } from '../query/summary-query-schema.js';
import type { Page } from '../schemas/page-schema.js';
import type { Promotion } from '../schemas/promotion-schema.js';
import type { Summary } from '../schemas/summary-schema.js';
import { DictionaryBuilder, NumberColumnBuilder } from './column-builders.js';
import { ColumnQuery, idOrderSteps } from './column-query.js';
import { identity } from './counting-sort.js';
import type { Dictionary, DictionaryField, NumberColumn, PromotionColumns } from './promotion-columns.js';
import { runSteps } from './run-steps.js';

/** Options of {@link PromotionTable}. */
export interface PromotionTableOptions {
  /** Sort orders kept, each one `Uint32Array` over every row. @default 8 */
  sortCacheSize?: number | undefined;
  /** Query results (matching row indices in order) kept, keyed by filters and sort. @default 32 */
  resultCacheSize?: number | undefined;
}

/**
 * A column store over a whole dataset (rows in dataset order) that answers promotions queries fast: columns are
 * built on first use (numbers as exact scaled integers, strings as dictionary codes), every field gets a dense
 * rank once, a sort spec becomes a permutation by stable counting sorts over the ranks (starting from the `id`
 * order, so ties fall to `id`), and filters become one pass per filter over typed arrays. Sort orders and results
 * are cached (LRU), so the next page of the same query is a slice. It keeps `rows`: for datasets too big to hold
 * as objects, `createGeneratedSource` keeps only the columns and generates a page's rows again.
 */
export class PromotionTable {
  /** The rows, in dataset order. */
  readonly rows: readonly Promotion[];
  readonly size: number;
  readonly #query: ColumnQuery;

  constructor(rows: readonly Promotion[], options: PromotionTableOptions = {}) {
    this.rows = rows;
    this.size = rows.length;
    this.#query = new ColumnQuery(new RowColumns(rows), options);
  }

  /** Indices of the matching rows, in result order (cached). */
  select(filters: PromotionFilters, sort: readonly SortKey[]): Uint32Array {
    return this.#query.select(filters, sort);
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
    return this.#query.summary(query);
  }
}

/** Columns read from row objects, each built on first use. */
class RowColumns implements PromotionColumns {
  readonly size: number;
  readonly #rows: readonly Promotion[];
  readonly #numbers = new Map<NumericField, NumberColumn>();
  readonly #strings = new Map<DictionaryField, Dictionary>();
  readonly #booleans = new Map<BooleanFilterField, Uint8Array>();
  #idOrder: Uint32Array | undefined;

  constructor(rows: readonly Promotion[]) {
    this.#rows = rows;
    this.size = rows.length;
  }

  number(field: NumericField): NumberColumn {
    let column = this.#numbers.get(field);
    if (!column) {
      const builder = new NumberColumnBuilder(this.size);
      for (let i = 0; i < this.size; i++) builder.set(i, (this.#rows[i] as Promotion)[field]);
      column = builder.finish();
      this.#numbers.set(field, column);
    }
    return column;
  }

  boolean(field: BooleanFilterField): Uint8Array {
    let column = this.#booleans.get(field);
    if (!column) {
      column = new Uint8Array(this.size);
      for (let i = 0; i < this.size; i++) column[i] = (this.#rows[i] as Promotion)[field] ? 1 : 0;
      this.#booleans.set(field, column);
    }
    return column;
  }

  dictionary(field: DictionaryField): Dictionary {
    let dict = this.#strings.get(field);
    if (!dict) {
      const builder = new DictionaryBuilder(this.size);
      for (let i = 0; i < this.size; i++) builder.set(i, (this.#rows[i] as Promotion)[field]);
      dict = builder.finish();
      this.#strings.set(field, dict);
    }
    return dict;
  }

  /** `storeId` then `sku` order, checked against the rows' own ids (sorted by id outright if they disagree). */
  idOrder(): Uint32Array {
    if (this.#idOrder) return this.#idOrder;
    let order = runSteps(idOrderSteps(this.dictionary('storeId'), this.dictionary('sku')));
    const rows = this.#rows;
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
}
