import {
  MAX_SEARCH_LENGTH,
  type PromotionFiltersInput,
  type SortToken,
  toSearchParams,
} from '@promoscale/api';
import { isIsoDate } from '@promoscale/api/engine';
import { LIST_FILTER_FIELDS, type ListFilterField } from '@promoscale/api/schemas';
import {
  CATEGORIES,
  formatStoreId,
  MAX_STORES,
  PRODUCTS,
  PROMO_TYPES,
  PROMOTION_BOOLEAN_FIELDS,
  PROMOTION_DATE_FIELDS,
  PROMOTION_FIELDS,
  PROMOTION_NUMBER_FIELDS,
  PROMOTION_STATUSES,
  REGIONS,
  TEMPLATE_NAMES,
} from '@promoscale/generator';
import { searchQueryText } from '../grid/create-search-matcher.js';

/** One entry of AG Grid's sort model, in sort order (multi-sort gives several). */
export interface GridSortItem {
  colId: string;
  sort?: 'asc' | 'desc' | null | undefined;
}

/** What the grid knows about the rows it wants: AG Grid's sort and filter models plus the quick-search text. */
export interface PromotionsGridState {
  /** `IGetRowsParams.sortModel` / `api.getColumnState()` order. */
  sortModel?: readonly GridSortItem[] | null | undefined;
  /** `IGetRowsParams.filterModel` / `api.getFilterModel()`: column id → AG Grid filter model. */
  filterModel?: Readonly<Record<string, unknown>> | null | undefined;
  /** The quick-search box: sent as `q`. */
  search?: string | null | undefined;
}

/** The query of `GET /api/promotions` without paging: filters, `q` and `sort`. */
export type PromotionsQueryFilters = PromotionFiltersInput & { sort?: SortToken[] };

/** Why part of the grid state was not sent as asked. */
export interface QueryNotice {
  /** The column id, `'search'` or `'sort'`. */
  field: string;
  /** `ignored`: the contract cannot express it, nothing was sent; `cut`: shortened to fit; `empty`: matches nothing. */
  kind: 'ignored' | 'cut' | 'empty';
  /** A sentence for the user. */
  message: string;
}

/** The result of {@link toPromotionsQuery}. */
export interface PromotionsQueryResult {
  /** The query to send (add `offset` and `limit`). */
  query: PromotionsQueryFilters;
  /** A canonical string of `query` (sorted keys and list values): equal for equal queries; a cache key. */
  key: string;
  /** The filters cannot match any row (an unknown category, an empty intersection): no request is needed. */
  matchesNothing: boolean;
  /** What was cut, ignored or found unsatisfiable, to show to the user. */
  notices: QueryNotice[];
}

const LIST_FIELDS = new Set<string>(LIST_FILTER_FIELDS);
const BOOLEAN_FIELDS = new Set<string>(PROMOTION_BOOLEAN_FIELDS);
const NUMBER_FIELDS = new Set<string>(PROMOTION_NUMBER_FIELDS);
const ISO_DATE_FIELDS = new Set<string>(PROMOTION_DATE_FIELDS);
const SORTABLE = new Set<string>(PROMOTION_FIELDS);
/** Fields whose values are whole numbers: a strict bound on them is an inclusive one moved by one. */
const INTEGER_FIELDS = new Set<string>(['durationDays', 'baselineUnits', 'promoUnits', 'incrementalUnits']);

const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/** Known values of the list fields, by lower case, so `Dairy` finds `dairy` and `acme` finds `Acme`. */
const KNOWN_VALUES: Record<Exclude<ListFilterField, 'storeId'>, ReadonlyMap<string, string>> = {
  template: byLowerCase(TEMPLATE_NAMES),
  region: byLowerCase(REGIONS),
  category: byLowerCase(CATEGORIES),
  promoType: byLowerCase(PROMO_TYPES),
  status: byLowerCase(PROMOTION_STATUSES),
  sku: byLowerCase(PRODUCTS.map((product) => product.sku)),
  brand: byLowerCase(PRODUCTS.map((product) => product.brand)),
};

function byLowerCase(values: readonly string[]): ReadonlyMap<string, string> {
  return new Map(values.map((value) => [value.toLowerCase(), value]));
}

type Range = { gte?: number | string; lte?: number | string };

/**
 * Maps the grid's sort model, column filters and quick search onto the query rules of `GET /api/promotions`
 * (DOMAIN.md section 6): multi-sort → `sort=-roi,storeId`; text `equals` on a list field → `<field>=a,b` (commas
 * list several values, matched case-insensitively to known values); number and date `equals` / `>=` / `<=` /
 * `inRange` (inclusive) → `<field>_gte` / `_lte`; `true`/`false` on a boolean field; the search box → `q`.
 * Pure: never throws. What the contract cannot express (`contains` on a column, `notEqual`, `OR` of ranges, a strict
 * bound on a decimal, NaN) is left out with a notice; a search over 200 characters is cut with a notice; a filter no
 * row can match (an unknown brand) sets `matchesNothing`.
 *
 * @example
 * toPromotionsQuery({
 *   sortModel: [{ colId: 'roi', sort: 'desc' }, { colId: 'storeId', sort: 'asc' }],
 *   filterModel: { category: { filterType: 'text', type: 'equals', filter: 'dairy, frozen' } },
 *   search: 'milk',
 * }).query; // { sort: ['-roi', 'storeId'], category: ['dairy', 'frozen'], q: 'milk' }
 */
export function toPromotionsQuery(state: PromotionsGridState = {}): PromotionsQueryResult {
  const notices: QueryNotice[] = [];
  const lists = new Map<string, Set<string>>();
  const ranges = new Map<string, Range>();
  const booleans = new Map<string, boolean>();
  let matchesNothing = false;

  const ignore = (field: string, why: string) =>
    notices.push({ field, kind: 'ignored', message: `${field}: ${why}; this filter is not applied.` });
  const nothing = (field: string, why: string) => {
    matchesNothing = true;
    notices.push({ field, kind: 'empty', message: `${field}: ${why}, so no promotion matches.` });
  };

  const addList = (field: string, values: string[]) => {
    const previous = lists.get(field);
    // Two conditions on one field are ANDed: keep the values in both.
    const next = previous ? new Set(values.filter((value) => previous.has(value))) : new Set(values);
    lists.set(field, next);
    if (next.size === 0) nothing(field, 'no value satisfies every condition');
  };
  const addRange = (field: string, range: Range) => {
    const current = ranges.get(field) ?? {};
    if (range.gte !== undefined && (current.gte === undefined || range.gte > current.gte))
      current.gte = range.gte;
    if (range.lte !== undefined && (current.lte === undefined || range.lte < current.lte))
      current.lte = range.lte;
    ranges.set(field, current);
  };
  const addBoolean = (field: string, value: boolean) => {
    const previous = booleans.get(field);
    if (previous !== undefined && previous !== value) nothing(field, 'it cannot be both true and false');
    booleans.set(field, value);
  };

  for (const [field, model] of Object.entries(state.filterModel ?? {})) {
    if (model === null || model === undefined) continue;
    if (!isRecord(model)) {
      ignore(field, 'the filter is not an AG Grid filter model');
      continue;
    }
    const conditions = flatten(field, model, ignore);
    if (!conditions) continue;
    if (LIST_FIELDS.has(field)) {
      const sets = conditions.map((condition) => listValues(field as ListFilterField, condition, ignore));
      if (sets.some((set) => set === undefined)) continue;
      const known = sets as { values: string[]; unknown: string[] }[];
      if (conditions.length > 1 && model.operator === 'OR') {
        // Any of A or any of B is any of (A ∪ B): still a list filter.
        const values = [...new Set(known.flatMap((set) => set.values))];
        if (values.length === 0)
          nothing(field, `${quoteList(known.flatMap((set) => set.unknown))} is unknown`);
        else lists.set(field, new Set(values));
        continue;
      }
      for (const set of known) {
        if (set.values.length === 0 && set.unknown.length === 0) nothing(field, 'no value is selected');
        else if (set.values.length === 0) nothing(field, `${quoteList(set.unknown)} is not a known value`);
        else {
          if (set.unknown.length > 0) {
            notices.push({
              field,
              kind: 'ignored',
              message: `${field}: ${quoteList(set.unknown)} is not a known value and is left out.`,
            });
          }
          addList(field, set.values);
        }
      }
    } else if (BOOLEAN_FIELDS.has(field)) {
      if (conditions.length > 1 && model.operator === 'OR') {
        ignore(field, 'OR conditions cannot be sent to the server');
        continue;
      }
      for (const condition of conditions) {
        const value = booleanValue(condition);
        if (value === undefined) ignore(field, 'only "true" or "false" can be sent to the server');
        else if (value === 'none') nothing(field, 'no value is selected');
        else if (value !== 'any') addBoolean(field, value);
      }
    } else if (NUMBER_FIELDS.has(field) || ISO_DATE_FIELDS.has(field)) {
      if (conditions.length > 1 && model.operator === 'OR') {
        ignore(field, 'OR conditions cannot be sent to the server');
        continue;
      }
      const parsed = conditions.map((condition) => rangeOf(field, condition, ignore));
      if (parsed.some((range) => range === undefined)) continue;
      for (const range of parsed as Range[]) addRange(field, range);
    } else {
      ignore(field, 'the server cannot filter this column (use the search box)');
    }
  }

  const query: PromotionsQueryFilters = {};
  const sort = sortTokens(state.sortModel, notices);
  if (sort.length > 0) query.sort = sort;

  const search = searchQueryText(state.search);
  const asked = typeof state.search === 'string' ? state.search.trim().length : 0;
  if (asked > search.length) {
    notices.push({
      field: 'search',
      kind: 'cut',
      message: `The search was cut to its first ${MAX_SEARCH_LENGTH} characters (it had ${asked}).`,
    });
  }
  const writable = query as Record<string, unknown>;
  if (search !== '') writable.q = search;
  for (const [field, values] of lists) writable[field] = [...values].sort();
  for (const [field, value] of booleans) writable[field] = value;
  for (const [field, range] of ranges) {
    if (range.gte !== undefined) writable[`${field}_gte`] = range.gte;
    if (range.lte !== undefined) writable[`${field}_lte`] = range.lte;
  }

  return { query, key: canonicalKey(query), matchesNothing, notices };
}

/** `sort` as `['-roi', 'storeId']`: only sortable fields, each once, in the grid's order. */
function sortTokens(sortModel: PromotionsGridState['sortModel'], notices: QueryNotice[]): SortToken[] {
  const tokens: SortToken[] = [];
  const seen = new Set<string>();
  for (const item of Array.isArray(sortModel) ? sortModel : []) {
    if (!isRecord(item) || typeof item.colId !== 'string') continue;
    if (item.sort !== 'asc' && item.sort !== 'desc') continue;
    if (!SORTABLE.has(item.colId)) {
      notices.push({
        field: 'sort',
        kind: 'ignored',
        message: `The server cannot sort by ${JSON.stringify(item.colId)}; that sort is not applied.`,
      });
      continue;
    }
    if (seen.has(item.colId)) continue;
    seen.add(item.colId);
    tokens.push((item.sort === 'desc' ? `-${item.colId}` : item.colId) as SortToken);
  }
  return tokens;
}

type Condition = Record<string, unknown>;

/** The simple conditions of a filter model (one, or the `conditions` of a combined model). */
function flatten(
  field: string,
  model: Record<string, unknown>,
  ignore: (field: string, why: string) => void,
): Condition[] | undefined {
  if (!Array.isArray(model.conditions)) return [model];
  if (model.operator !== 'AND' && model.operator !== 'OR') {
    ignore(field, 'the conditions are joined by neither AND nor OR');
    return undefined;
  }
  const conditions = model.conditions.filter(isRecord);
  if (conditions.length !== model.conditions.length) {
    ignore(field, 'a condition is not an AG Grid filter model');
    return undefined;
  }
  return conditions;
}

/** Values of a list filter, matched to known values: `equals` text (commas separate values) or a set model. */
function listValues(
  field: ListFilterField,
  condition: Condition,
  ignore: (field: string, why: string) => void,
): { values: string[]; unknown: string[] } | undefined {
  let raw: unknown[];
  if (isValuesModel(condition)) {
    raw = condition.values;
    // Every box unticked in a values filter: the person asked for no value at all.
    if (raw.length === 0) return { values: [], unknown: [] };
  } else if (condition.type === 'equals' && typeof condition.filter === 'string') {
    raw = condition.filter.split(',');
  } else {
    const type = typeof condition.type === 'string' ? `"${condition.type}"` : 'this condition';
    ignore(field, `${type} cannot be sent to the server (only "equals", commas for several values)`);
    return undefined;
  }
  const values: string[] = [];
  const unknown: string[] = [];
  for (const item of raw) {
    if (typeof item !== 'string') continue;
    const text = item.trim();
    if (text === '') continue;
    const known = knownValue(field, text);
    if (known === undefined) unknown.push(text);
    else if (!values.includes(known)) values.push(known);
  }
  if (values.length === 0 && unknown.length === 0) {
    ignore(field, 'no value was given');
    return undefined;
  }
  return { values, unknown };
}

/** The values filter's model (`ValuesFilter`, `filterType: 'values'`) or a Set Filter-like model (`'set'`). */
function isValuesModel(condition: Condition): condition is Condition & { values: unknown[] } {
  return (
    (condition.filterType === 'values' || condition.filterType === 'set') && Array.isArray(condition.values)
  );
}

function knownValue(field: ListFilterField, text: string): string | undefined {
  if (field === 'storeId') {
    // `STORE_7`, `store_007` and `7` all name STORE_007.
    const match = /^(?:store_)?0*(\d{1,6})$/i.exec(text);
    const number = match ? Number(match[1]) : Number.NaN;
    return number >= 1 && number <= MAX_STORES ? formatStoreId(number) : undefined;
  }
  if (field === 'sku') {
    const match = /^(?:sku)?(\d{1,4})$/i.exec(text);
    if (match) return KNOWN_VALUES.sku.get(`sku${(match[1] ?? '').padStart(4, '0')}`);
  }
  return KNOWN_VALUES[field].get(text.toLowerCase());
}

function booleanValue(condition: Condition): boolean | 'any' | 'none' | undefined {
  if (isValuesModel(condition)) {
    const chosen = new Set(condition.values.map((value) => booleanValue({ type: 'equals', filter: value })));
    chosen.delete(undefined);
    if (chosen.size === 0) return condition.values.length === 0 ? 'none' : undefined;
    return chosen.size === 2 ? 'any' : (chosen.values().next().value as boolean);
  }
  if (condition.type !== 'equals' && condition.filterType !== 'boolean') return undefined;
  const value = condition.filter ?? condition.value;
  if (typeof value === 'boolean') return value;
  if (typeof value !== 'string') return undefined;
  const text = value.trim().toLowerCase();
  if (text === 'true' || text === 'yes') return true;
  if (text === 'false' || text === 'no') return false;
  return undefined;
}

/** An inclusive range from a number or date condition, or undefined (with a notice) when it cannot be sent. */
function rangeOf(
  field: string,
  condition: Condition,
  ignore: (field: string, why: string) => void,
): Range | undefined {
  const isDate = ISO_DATE_FIELDS.has(field);
  const read = (value: unknown, which: string): number | string | undefined => {
    const parsed = isDate ? dateValue(value) : numberValue(value);
    if (parsed === undefined) {
      ignore(
        field,
        isDate
          ? `${which} ${describe(value)} is not a date YYYY-MM-DD`
          : `${which} ${describe(value)} is not a finite number`,
      );
    }
    return parsed;
  };
  const from = isDate ? condition.dateFrom : condition.filter;
  const to = isDate ? condition.dateTo : condition.filterTo;
  const type = condition.type;
  const integer = INTEGER_FIELDS.has(field);
  switch (type) {
    case 'equals': {
      const value = read(from, 'the value');
      return value === undefined ? undefined : { gte: value, lte: value };
    }
    case 'greaterThanOrEqual': {
      const value = read(from, 'the value');
      return value === undefined ? undefined : { gte: value };
    }
    case 'lessThanOrEqual': {
      const value = read(from, 'the value');
      return value === undefined ? undefined : { lte: value };
    }
    case 'greaterThan':
    case 'lessThan': {
      // Dates and whole numbers are discrete: "after 2026-05-01" is "on or after 2026-05-02".
      if (!isDate && !integer) {
        ignore(field, `"${type}" cannot be sent to the server (its ranges are inclusive: use ≥ or ≤)`);
        return undefined;
      }
      const value = read(from, 'the value');
      if (value === undefined) return undefined;
      const step = type === 'greaterThan' ? 1 : -1;
      const moved = typeof value === 'string' ? addDays(value, step) : value + step;
      return type === 'greaterThan' ? { gte: moved } : { lte: moved };
    }
    case 'inRange': {
      const low = read(from, 'the start');
      const high = read(to, 'the end');
      if (low === undefined || high === undefined) return undefined;
      // The server filters inclusively; ServerPromotionsGrid sets inRangeInclusive so the grid agrees.
      return low <= high ? { gte: low, lte: high } : { gte: high, lte: low };
    }
    default:
      ignore(
        field,
        `${typeof type === 'string' ? `"${type}"` : 'this condition'} cannot be sent to the server (use =, ≥, ≤ or a range)`,
      );
      return undefined;
  }
}

function numberValue(value: unknown): number | undefined {
  const number =
    typeof value === 'number'
      ? value
      : typeof value === 'string' && DECIMAL.test(value.trim())
        ? Number(value)
        : Number.NaN;
  if (!Number.isFinite(number)) return undefined;
  return number === 0 ? 0 : number;
}

function dateValue(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  // AG Grid writes `YYYY-MM-DD hh:mm:ss` (or `YYYY-MM-DDThh:mm:ss`); the contract takes the day.
  const day = value.trim().slice(0, 10);
  return isIsoDate(day) ? day : undefined;
}

function addDays(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

function describe(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  if (value === null || value === undefined) return '(empty)';
  return typeof value === 'number' || typeof value === 'boolean' ? String(value) : typeof value;
}

function quoteList(values: string[]): string {
  return values.map((value) => describe(value)).join(', ') || 'the value';
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The query as search parameters with sorted keys: one string for one query, whatever order it was built in. */
function canonicalKey(query: PromotionsQueryFilters): string {
  const params = toSearchParams(query);
  params.sort();
  return params.toString();
}
