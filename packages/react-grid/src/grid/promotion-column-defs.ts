import { LIST_FILTER_FIELDS, SEARCH_FIELDS } from '@promoscale/api/schemas';
import {
  PROMOTION_BOOLEAN_FIELDS,
  PROMOTION_DATE_FIELDS,
  PROMOTION_FIELD_UNITS,
  PROMOTION_FIELDS,
  PROMOTION_NUMBER_FIELDS,
  type Promotion,
  type PromotionField,
  type PromotionFieldUnit,
} from '@promoscale/generator';
import type {
  ColDef,
  ColGroupDef,
  IDateFilterParams,
  INumberFilterParams,
  ITextFilterParams,
} from 'ag-grid-community';
import { type FormatOptions, formatByUnit } from './format-by-unit.js';
import {
  PINNED_PROMOTION_FIELDS,
  PROMOTION_COLUMN_GROUPS,
  PROMOTION_ENUM_VALUES,
  PROMOTION_FIELD_GROUPS,
  PROMOTION_FIELD_LABELS,
} from './promotion-columns.js';
import { type FilterValue, ValuesFilter, type ValuesFilterParams } from './values-filter.js';

/**
 * Where the rows are filtered and sorted: `'client'` by AG Grid over loaded rows (phases 1-3); `'server'` by the API
 * (phase 4), where a column offers only the filters the contract can express (DOMAIN.md section 6).
 */
export type PromotionColumnMode = 'client' | 'server';

/** Options of {@link promotionColumnDefs}. */
export interface PromotionColumnDefsOptions extends FormatOptions {
  /** @default 'client' */
  mode?: PromotionColumnMode;
}

/** Column width by unit, in px: wide enough for the formatted values of generated rows and their headers. */
const WIDTH: Record<PromotionFieldUnit, number> = {
  id: 130,
  text: 190,
  enum: 150,
  date: 150,
  days: 112,
  money: 132,
  count: 120,
  percent: 112,
  ratio: 120,
  boolean: 110,
};
const FIELD_WIDTH: Partial<Record<PromotionField, number>> = {
  id: 218,
  storeId: 140,
  storeName: 230,
  productName: 250,
  template: 178,
  category: 140,
  mechanic: 150,
};

const NUMERIC_UNITS = new Set<PromotionFieldUnit>(['days', 'money', 'count', 'percent', 'ratio']);
const SIGNED_UNITS = new Set<PromotionFieldUnit>(['money', 'count', 'percent', 'ratio']);
const LIST = new Set<string>(LIST_FILTER_FIELDS);
const BOOLEAN = new Set<string>(PROMOTION_BOOLEAN_FIELDS);
const NUMERIC = new Set<string>(PROMOTION_NUMBER_FIELDS);
const DATE = new Set<string>(PROMOTION_DATE_FIELDS);
const SEARCH = new Set<string>(SEARCH_FIELDS);
const SORT = new Set<string>(PROMOTION_FIELDS);
const PINNED = new Set<string>(PINNED_PROMOTION_FIELDS);

/** Orders an ISO date cell against the date filter's local midnight, as the date filter expects. */
function compareIsoDate(filterDate: Date, cellValue: unknown): number {
  if (typeof cellValue !== 'string') return -1;
  const pad = (n: number) => String(n).padStart(2, '0');
  const filterIso = `${filterDate.getFullYear()}-${pad(filterDate.getMonth() + 1)}-${pad(filterDate.getDate())}`;
  return cellValue < filterIso ? -1 : cellValue > filterIso ? 1 : 0;
}

// The contract's ranges are inclusive (`_gte`, `_lte`): in server mode a range filter offers only those.
const RANGE_OPTIONS = ['inRange', 'greaterThanOrEqual', 'lessThanOrEqual'] as const;

function ratioFilterParams(): Pick<
  INumberFilterParams,
  'numberParser' | 'numberFormatter' | 'allowedCharPattern'
> {
  // Ratios are shown as percentages, so a person types `-40` for `roi <= -0.4`; the model keeps the field's unit.
  return {
    allowedCharPattern: '\\d\\-\\.',
    numberParser: (text) => {
      if (text === null || text.trim() === '') return null;
      const value = Number(text);
      return Number.isFinite(value) ? value / 100 : null;
    },
    numberFormatter: (value) => (value === null ? null : String(Math.round(value * 1e8) / 1e6)),
  };
}

function filterOf(
  field: PromotionField,
  unit: PromotionFieldUnit,
  mode: PromotionColumnMode,
): Partial<ColDef<Promotion>> {
  const server = mode === 'server';
  if (unit === 'enum' || unit === 'boolean') {
    if (server && !LIST.has(field) && !BOOLEAN.has(field)) return { filter: false };
    const values: readonly FilterValue[] =
      unit === 'boolean' ? [true, false] : PROMOTION_ENUM_VALUES[field as keyof typeof PROMOTION_ENUM_VALUES];
    const filterParams: ValuesFilterParams = {
      values,
      formatValue: (value) => formatByUnit(value, unit),
    };
    return { filter: ValuesFilter, filterParams };
  }
  if (NUMERIC_UNITS.has(unit)) {
    if (server && !NUMERIC.has(field)) return { filter: false };
    const filterParams: INumberFilterParams = {
      maxNumConditions: server ? 1 : 2,
      ...(server ? { filterOptions: [...RANGE_OPTIONS], inRangeInclusive: true } : {}),
      ...(unit === 'ratio' ? ratioFilterParams() : {}),
    } as INumberFilterParams;
    return { filter: 'agNumberColumnFilter', filterParams };
  }
  if (unit === 'date') {
    if (server && !DATE.has(field)) return { filter: false };
    const filterParams: IDateFilterParams = {
      comparator: compareIsoDate,
      maxNumConditions: server ? 1 : 2,
      ...(server ? { filterOptions: [...RANGE_OPTIONS], inRangeInclusive: true } : {}),
    };
    return { filter: 'agDateColumnFilter', filterParams };
  }
  // Ids and text: the contract filters the list fields by exact value and searches the rest only through `q`.
  if (server && !LIST.has(field)) return { filter: false };
  const filterParams: ITextFilterParams = server
    ? { filterOptions: ['equals'], maxNumConditions: 1 }
    : { maxNumConditions: 2 };
  return { filter: 'agTextColumnFilter', filterParams };
}

/** The column of one Promotion field: header in words, width, formatter, filter, sorting and quick-search text. */
function columnOf(field: PromotionField, options: PromotionColumnDefsOptions): ColDef<Promotion> {
  const unit = PROMOTION_FIELD_UNITS[field];
  const numeric = NUMERIC_UNITS.has(unit);
  const column: ColDef<Promotion> = {
    colId: field,
    field,
    headerName: PROMOTION_FIELD_LABELS[field],
    width: FIELD_WIDTH[field] ?? WIDTH[unit],
    minWidth: 80,
    // Our formatters decide how a value reads: no inferred data type (it would draw booleans as checkboxes).
    cellDataType: false,
    // Long headers ("Incremental revenue") wrap onto a second line instead of being cut off.
    wrapHeaderText: true,
    autoHeaderHeight: true,
    sortable: SORT.has(field),
    resizable: true,
    valueFormatter: ({ value }) => formatByUnit(value, unit, options),
    // The quick search covers the fields the contract's `q` searches, so every phase finds the same rows.
    getQuickFilterText: SEARCH.has(field)
      ? ({ value }) => (typeof value === 'string' ? value : '')
      : () => '',
    ...filterOf(field, unit, options.mode ?? 'client'),
  };
  // A floating filter row under the headers: filters are visible and typed into without opening a menu.
  column.floatingFilter = column.filter !== false;
  if (numeric) {
    column.type = 'rightAligned';
    if (SIGNED_UNITS.has(unit)) {
      // Losses read in a darker red as well as with their minus sign: colour is never the only cue.
      column.cellStyle = ({ value }) =>
        typeof value === 'number' && value < 0 ? { color: '#a4000f' } : null;
    }
  }
  if (PINNED.has(field)) {
    column.pinned = 'left';
    column.lockPinned = true;
  }
  return column;
}

/**
 * The promotions grid's columns: one for every Promotion field (the generator's `PROMOTION_FIELDS`), formatted by its
 * unit (`PROMOTION_FIELD_UNITS`), in the groups Promotion (pinned id and store id), Store, Product, Pricing,
 * Schedule, Performance and Margin. Sorting and filters follow the API's field lists (`PROMOTION_FIELDS`,
 * `LIST_FILTER_FIELDS`, `PROMOTION_NUMBER_FIELDS`, `PROMOTION_DATE_FIELDS`, `SEARCH_FIELDS`), so a server-mode grid offers only what
 * the contract can answer.
 *
 * @example
 * const columnDefs = promotionColumnDefs(); // client-side filtering and sorting
 * const serverColumns = promotionColumnDefs({ mode: 'server' }); // only contract-expressible filters
 */
export function promotionColumnDefs(options: PromotionColumnDefsOptions = {}): ColGroupDef<Promotion>[] {
  return PROMOTION_COLUMN_GROUPS.map((group) => ({
    groupId: group,
    headerName: group,
    children: PROMOTION_FIELDS.filter((field) => PROMOTION_FIELD_GROUPS[field] === group).map((field) =>
      columnOf(field, options),
    ),
  }));
}
