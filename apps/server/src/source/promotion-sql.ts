import { tryParseStoreId } from '@promoscale/generator';
import { columnOf, fieldKind, SEARCH_SEPARATOR } from './promotion-columns.js';

/** A `WHERE` condition and its parameters (`$1` … in order). */
export interface SqlWhere {
  /** `TRUE` when nothing filters. */
  readonly sql: string;
  readonly params: unknown[];
  /** Whether any filter applies (otherwise counts come from the dataset row). */
  readonly filtered: boolean;
  /** The columns the conditions read. */
  readonly columns: readonly string[];
  /**
   * `sql` and the bounds the data's invariants imply (a promotion ends on or after it starts, so
   * `start_date >= $n` implies `end_date >= $n`, and `end_date <= $n` implies `start_date <= $n`): the same rows,
   * but an index on the other date can start its walk at the bound. For statements that read rows; totals use
   * `sql`, whose columns are `columns`.
   */
  readonly rowsSql: string;
  /** The resolved `q`, when it is the only filter (its total is then a sum, see {@link SearchMatches}). */
  readonly searchOnly?: SearchMatches;
}

/**
 * What a `q` needle matches, resolved against `promotion_search_parts` (where every sku has one product part and
 * every store one name): the skus whose product part holds it, their promotions in all, and the stores whose name
 * holds it. A row matches exactly when its sku or its store is listed.
 */
export interface SearchMatches {
  readonly skus: readonly string[];
  readonly skuPromotions: number;
  readonly stores: readonly number[];
}

/** The `LIKE` pattern of a `q` needle (lower-cased, wildcards escaped), or `undefined` when it matches nothing. */
export function searchPattern(q: string): string | undefined {
  const needle = q.toLowerCase();
  // No searched field holds the separator or NUL (which PostgreSQL text cannot hold): such a needle matches
  // nothing, as in the reference.
  if (needle.includes(SEARCH_SEPARATOR) || needle.includes('\u0000')) return undefined;
  return `%${escapeLike(needle)}%`;
}

/** The bound on the other date that a date range implies (`end_date >= start_date` in every row). */
const IMPLIED_DATE_BOUNDS: Readonly<Record<string, string>> = {
  'start_date >=': 'end_date >=',
  'end_date <=': 'start_date <=',
};

/** Query keys that are not filters (paging, sort, export format, summary grouping). */
const NOT_FILTERS = new Set(['offset', 'limit', 'sort', 'format', 'groupBy']);

/** The store number of a canonical store id (`STORE_001` → 1), or `null` for anything else (the generator's rule). */
export function storeNumberOf(storeId: unknown): number | null {
  return typeof storeId === 'string' ? tryParseStoreId(storeId) : null;
}

/** `%`, `_` and `\` stand for themselves in a LIKE pattern once escaped. */
function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/**
 * The `WHERE` of a parsed promotions query (`@promoscale/api` validated it): list filters become
 * `col = ANY($n)`, booleans `col = $n`, `<field>_gte` / `<field>_lte` inclusive ranges and `q` a `LIKE` on the
 * lower-cased `search` column (or, given its {@link SearchMatches}, the skus and stores it matches), all ANDed.
 * Values only ever travel as parameters. `startAt` is the number of parameters already used by the statement.
 */
export function promotionWhere(query: object, startAt = 0, search?: SearchMatches): SqlWhere {
  let searchOnly: SearchMatches | undefined;
  const conditions: string[] = [];
  const implied: string[] = [];
  const params: unknown[] = [];
  const columns: string[] = [];
  const param = (value: unknown, cast: string) => {
    params.push(value);
    return `$${startAt + params.length}::${cast}`;
  };
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || NOT_FILTERS.has(key)) continue;
    if (key === 'q') {
      if (typeof value !== 'string' || value === '') continue;
      const pattern = searchPattern(value);
      if (pattern !== undefined && search !== undefined) {
        // Resolved: sku and store number are in the sort indexes and the primary key, `search` in no index. An
        // empty side is left out: without the OR, the sku index (which holds the category and the discount) can
        // answer alone, index-only.
        columns.push('sku', 'store_number');
        const matches = [
          ...(search.skus.length > 0 ? [`sku = ANY(${param(search.skus, 'text[]')})`] : []),
          ...(search.stores.length > 0 ? [`store_number = ANY(${param(search.stores, 'int[]')})`] : []),
        ];
        conditions.push(matches.length === 0 ? 'FALSE' : `(${matches.join(' OR ')})`);
        searchOnly = search;
        continue;
      }
      columns.push('search');
      conditions.push(pattern === undefined ? 'FALSE' : `search LIKE ${param(pattern, 'text')}`);
      continue;
    }
    const range = /^(.+)_(gte|lte)$/.exec(key);
    if (range) {
      const [, field = '', bound] = range;
      const kind = fieldKind(field);
      if (kind === 'number' || kind === 'string') {
        const operator = `${columnOf(field)} ${bound === 'gte' ? '>=' : '<='}`;
        const limitParam = param(value, kind === 'number' ? 'float8' : 'text');
        columns.push(columnOf(field));
        conditions.push(`${operator} ${limitParam}`);
        const other = IMPLIED_DATE_BOUNDS[operator];
        if (other !== undefined) implied.push(`${other} ${limitParam}`);
        continue;
      }
    }
    if (key === 'storeId' && Array.isArray(value)) {
      // By store number: the primary key's first column serves it (and, sharded by store, it names the shards).
      // A well-formed id that is not canonical (STORE_0001) is no store, as in the reference.
      const numbers = value.map(storeNumberOf).filter((n): n is number => n !== null);
      columns.push('store_number');
      conditions.push(numbers.length === 0 ? 'FALSE' : `store_number = ANY(${param(numbers, 'int[]')})`);
      continue;
    }
    const kind = fieldKind(key);
    if (kind === 'string' && Array.isArray(value)) {
      columns.push(columnOf(key));
      conditions.push(`${columnOf(key)} = ANY(${param(value, 'text[]')})`);
      continue;
    }
    if (kind === 'boolean' && typeof value === 'boolean') {
      columns.push(columnOf(key));
      conditions.push(`${columnOf(key)} = ${param(value, 'boolean')}`);
      continue;
    }
    // A new kind of filter in the contract must be mapped here, not silently ignored.
    throw new Error(`No SQL for the query parameter ${JSON.stringify(key)}`);
  }
  const sql = conditions.length === 0 ? 'TRUE' : conditions.join(' AND ');
  return {
    sql,
    params,
    filtered: conditions.length > 0,
    columns,
    rowsSql: [sql, ...implied].join(' AND '),
    ...(searchOnly !== undefined && conditions.length === 1 ? { searchOnly } : {}),
  };
}

/**
 * `ORDER BY` of a sort: each key ascending or `DESC`, then `id` to break ties; without keys, dataset order
 * (store number, then generation order). Field names come from the validated query and are checked again here.
 * `reversed` flips every key, the tie-break too: the exact reverse order, to read a deep page from the end.
 */
export function promotionOrderBy(
  sort: readonly { field: string; direction: 'asc' | 'desc' }[],
  reversed = false,
): string {
  const flip = (descending: boolean) => (descending !== reversed ? ' DESC' : '');
  if (sort.length === 0) return `store_number${flip(false)}, position${flip(false)}`;
  const keys = sort.map(({ field, direction }) => {
    if (fieldKind(field) === undefined)
      throw new Error(`No column for the sort field ${JSON.stringify(field)}`);
    return `${columnOf(field)}${flip(direction === 'desc')}`;
  });
  return [...keys, `id${flip(false)}`].join(', ');
}
