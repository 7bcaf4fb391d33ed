import type { Promotion } from '@promoscale/generator';
import type {
  ColDef,
  ColGroupDef,
  GetRowIdParams,
  GridApi,
  GridOptions,
  GridReadyEvent,
  IRowNode,
  IsExternalFilterPresentParams,
  ModelUpdatedEvent,
  Module,
  PostSortRowsParams,
  Theme,
} from 'ag-grid-community';
import { AgGridReact } from 'ag-grid-react';
import {
  type CSSProperties,
  useCallback,
  useDeferredValue,
  useEffect,
  useId,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
} from 'react';
import { createSearchMatcher, searchQueryText } from './create-search-matcher.js';
import { promotionColumnDefs } from './promotion-column-defs.js';
import { PROMOTIONS_GRID_MODULES } from './promotions-grid-modules.js';
import { promotionsGridTheme } from './promotions-grid-theme.js';
import { sortRowsByField, withFieldSort } from './sort-rows-by-field.js';

/** Props of {@link PromotionsGrid}. */
export interface PromotionsGridProps {
  /**
   * The rows, all at once (phases 1-2). Give a new array for each change, as React state: one that keeps the rows
   * shown before, in order, and adds rows at the end reaches the grid as an `add` transaction of the new rows; any
   * other new array replaces the grid's rows (matched by promotion id). Leave it out when rows arrive another way,
   * e.g. through `api.applyTransactionAsync` from `onGridReady` (phase 3) or an infinite datasource (phase 4).
   */
  rows?: readonly Promotion[] | undefined;
  /** Shows AG Grid's loading overlay. @default false */
  loading?: boolean;
  /** A load that failed: shown as an alert with a Retry button instead of the grid. @default undefined */
  error?: unknown;
  /** Called by the Retry button of the error alert. */
  onRetry?: () => void;
  /** The rows expected in all, for the count line when `rows` is not given. @default rows.length or the grid's own count */
  totalRows?: number | undefined;
  /** The grid's accessible name. @default 'Promotions' */
  label?: string;
  /** Height of the grid area; rows are virtualized inside it. @default 520 */
  height?: CSSProperties['height'];
  /** An AG Grid theme from the theming API. @default promotionsGridTheme */
  theme?: Theme;
  /** Columns to show instead of the defaults. @default promotionColumnDefs() */
  columnDefs?: (ColDef<Promotion> | ColGroupDef<Promotion>)[];
  /** Shows the labelled quick search box. @default true */
  quickSearch?: boolean;
  /** The search text, when the parent owns it (e.g. to send it as `q` to the API). */
  searchText?: string;
  /** Called with the search text as the person types. */
  onSearchTextChange?: (text: string) => void;
  /** Called once the grid is ready, with its API (for `applyTransactionAsync`, `setGridOption`, …). */
  onGridReady?: (api: GridApi<Promotion>) => void;
  /** AG Grid modules to register besides {@link PROMOTIONS_GRID_MODULES}, e.g. `InfiniteRowModelModule`. */
  modules?: readonly Module[];
  /**
   * Further AG Grid options (e.g. `rowModelType: 'infinite'` and a `datasource`); they override the grid's own,
   * except the handlers it needs: `onGridReady`, `onModelUpdated`, `postSortRows` and the external filter
   * (`isExternalFilterPresent` / `doesExternalFilterPass`) run the grid's own first, then yours.
   */
  gridOptions?: GridOptions<Promotion>;
  /** The text shown when there are no rows. @default 'No promotions to show.' */
  emptyMessage?: string;
}

const EMPTY: readonly Module[] = [];
const syntheticIds = new WeakMap<object, string>();
let syntheticCount = 0;

/**
 * Whether `next` is `previous` with rows added at the end (the same row objects first, in the same order): phase 2's
 * chunks, or any caller's growing array. One reference comparison a row, far cheaper than AG Grid's diff by id.
 */
export function extendsRows(previous: readonly Promotion[], next: readonly Promotion[]): boolean {
  if (next.length <= previous.length) return false;
  for (let i = 0; i < previous.length; i += 1) if (next[i] !== previous[i]) return false;
  return true;
}

/** Rows are keyed by promotion id; a row without one (hostile input) still gets a stable, unique key. */
function rowId({ data }: GetRowIdParams<Promotion>): string {
  if (typeof data?.id === 'string' && data.id !== '') return data.id;
  let id = syntheticIds.get(data);
  if (!id) {
    syntheticCount += 1;
    id = `row-without-id-${syntheticCount}`;
    syntheticIds.set(data, id);
  }
  return id;
}

function errorText(error: unknown): string {
  if (error instanceof Error) return error.message;
  if (typeof error === 'string') return error;
  return 'Something went wrong.';
}

const count = (n: number) => n.toLocaleString('en-US');

function countLine(shown: number | null, total: number | null): string {
  if (shown === null) return '';
  const noun = (n: number) => (n === 1 ? 'promotion' : 'promotions');
  if (total === null || total === shown) return `${count(shown)} ${noun(shown)}`;
  return `${count(shown)} of ${count(total)} ${noun(total)}`;
}

/**
 * The promotions grid: AG Grid Community with a column for every Promotion field (formatted by unit, grouped,
 * id and store id pinned), sorting, column filters, a labelled quick search over product, brand, store and SKU,
 * row virtualization and a count of the rows shown. A failed load shows an alert with a Retry button instead of a
 * blank grid; no rows show an empty message.
 *
 * @example
 * import { processBatch } from '@promoscale/generator';
 * import { PromotionsGrid } from '@promoscale/react-grid';
 *
 * const { promotions } = processBatch(1, 5, 'MIXED', { seed: 42 });
 * export const App = () => <PromotionsGrid rows={promotions} height={600} />;
 *
 * @example
 * // Rows appended as they arrive (phase 3): keep the API from onGridReady.
 * <PromotionsGrid onGridReady={(api) => (gridApi.current = api)} totalRows={150_000} />;
 * gridApi.current?.applyTransactionAsync({ add: chunk.promotions });
 */
export function PromotionsGrid({
  rows,
  loading = false,
  error,
  onRetry,
  totalRows,
  label = 'Promotions',
  height = 520,
  theme = promotionsGridTheme,
  columnDefs,
  quickSearch = true,
  searchText,
  onSearchTextChange,
  onGridReady,
  modules = EMPTY,
  gridOptions,
  emptyMessage = 'No promotions to show.',
}: PromotionsGridProps) {
  const searchId = useId();
  const containerRef = useRef<HTMLDivElement>(null);
  const [ownSearch, setOwnSearch] = useState('');
  const search = searchText ?? ownSearch;
  const deferredSearch = useDeferredValue(search);
  // What the grid's model holds: rows shown, and all rows (counted only when neither `totalRows` nor `rows` says).
  const [counts, setCounts] = useState<{ shown: number | null; inModel: number | null }>({
    shown: null,
    inModel: null,
  });
  const [api, setApi] = useState<GridApi<Promotion> | null>(null);

  const defaultColumns = useMemo(() => promotionColumnDefs(), []);
  const allModules = useMemo(() => [...PROMOTIONS_GRID_MODULES, ...modules], [modules]);
  const clientSide = (gridOptions?.rowModelType ?? 'clientSide') === 'clientSide';
  // A grid is created with the rows of the moment (its rowData); once it is ready, later arrays reach it through its
  // API: rows added at the end as an `add` transaction of the new tail, anything else as new rowData (which AG Grid
  // diffs by id). A growing array handed over as rowData each time costs a diff over every row at each update (phase
  // 2's chunks of 5,000 stores took 17-26 s to show, most of it in AG Grid's setImmutableRowData).
  // `created`: the rowData prop, which stays the same while a grid is alive (a new prop would make AG Grid React hand
  // it over again, possibly after a transaction this component already applied); `rows`: the array last handed over;
  // `shown`: a copy of it, what that grid holds even if the caller later changes the array it gave in place.
  const held = useRef<{
    api: GridApi<Promotion> | null;
    created: readonly Promotion[] | undefined;
    rows: readonly Promotion[] | undefined;
    shown: readonly Promotion[] | undefined;
  }>({ api: null, created: undefined, rows: undefined, shown: undefined });
  if (!held.current.api || held.current.api.isDestroyed())
    held.current = { api: null, created: rows, rows, shown: undefined };
  const rowData = held.current.created as Promotion[] | undefined;
  // Client-side sorting reads each row's value once per sort (sort-rows-by-field.ts, decision 0008).
  const { defaultColDef, columnTypes, treeData, pivotMode } = gridOptions ?? {};
  const fieldSortColumns = useMemo(
    () =>
      clientSide
        ? withFieldSort(columnDefs ?? defaultColumns, { defaultColDef, columnTypes, treeData, pivotMode })
        : null,
    [clientSide, columnDefs, defaultColumns, defaultColDef, columnTypes, treeData, pivotMode],
  );

  // The latest props and handlers, for the grid's callbacks (kept stable so AG Grid is not given new options).
  const latest = useRef({ totalRows, rows, label, onGridReady, gridOptions, fieldSort: false });
  latest.current = { totalRows, rows, label, onGridReady, gridOptions, fieldSort: fieldSortColumns !== null };

  const updateCounts = useCallback((gridApi: GridApi<Promotion>) => {
    const shown = gridApi.getDisplayedRowCount();
    let inModel: number | null = null;
    const { totalRows: expected, rows: given } = latest.current;
    if (expected === undefined && given === undefined) {
      if (!gridApi.isAnyFilterPresent()) inModel = shown;
      else {
        let n = 0;
        gridApi.forEachNode(() => {
          n += 1;
        });
        inModel = n;
      }
    }
    setCounts((previous) =>
      previous.shown === shown && previous.inModel === inModel ? previous : { shown, inModel },
    );
  }, []);

  const handleGridReady = useCallback(
    (event: GridReadyEvent<Promotion>) => {
      // AG Grid has no option for the grid's accessible name: name its grid element here.
      const grid = containerRef.current?.querySelector('[role="grid"], [role="treegrid"]');
      grid?.setAttribute('aria-label', latest.current.label);
      updateCounts(event.api);
      setApi(event.api);
      latest.current.onGridReady?.(event.api);
      latest.current.gridOptions?.onGridReady?.(event);
    },
    [updateCounts],
  );

  const handleModelUpdated = useCallback(
    (event: ModelUpdatedEvent<Promotion>) => {
      updateCounts(event.api);
      latest.current.gridOptions?.onModelUpdated?.(event);
    },
    [updateCounts],
  );

  // The search box filters client-side rows as the contract's `q` does (an AG Grid external filter); other row
  // models send the text to their source instead.
  const searchQuery = clientSide ? searchQueryText(deferredSearch) : '';
  const searchFilter = useRef({ query: '', matches: createSearchMatcher(''), callerPresent: false });
  if (searchFilter.current.query !== searchQuery) {
    searchFilter.current = {
      ...searchFilter.current,
      query: searchQuery,
      matches: createSearchMatcher(searchQuery),
    };
  }
  const appliedQuery = useRef('');
  useEffect(() => {
    if (!api || appliedQuery.current === searchQuery) return;
    appliedQuery.current = searchQuery;
    api.onFilterChanged();
  }, [api, searchQuery]);

  // AG Grid asks once per filter change whether an external filter is present, then tests every row.
  const isExternalFilterPresent = useCallback((params: IsExternalFilterPresentParams<Promotion>) => {
    const caller = latest.current.gridOptions?.isExternalFilterPresent?.(params) ?? false;
    searchFilter.current.callerPresent = caller;
    return searchFilter.current.query !== '' || caller;
  }, []);
  const doesExternalFilterPass = useCallback((node: IRowNode<Promotion>) => {
    const { matches, callerPresent } = searchFilter.current;
    if (!matches(node.data)) return false;
    const callerTest = latest.current.gridOptions?.doesExternalFilterPass;
    return !callerPresent || !callerTest || callerTest(node);
  }, []);

  const postSortRows = useCallback((params: PostSortRowsParams<Promotion>) => {
    if (latest.current.fieldSort) sortRowsByField(params);
    latest.current.gridOptions?.postSortRows?.(params);
  }, []);

  useLayoutEffect(() => {
    if (!api || api.isDestroyed() || !clientSide) return;
    const grid = held.current;
    // A new grid was created with `grid.rows`.
    if (grid.api !== api) {
      grid.api = api;
      grid.shown = grid.rows?.slice();
    }
    if (rows === undefined || rows === grid.rows) return;
    const previous = grid.shown;
    grid.rows = rows;
    grid.shown = rows.slice();
    if (previous && extendsRows(previous, rows)) api.applyTransaction({ add: rows.slice(previous.length) });
    else api.setGridOption('rowData', rows as Promotion[]);
  }, [api, clientSide, rows]);

  const changeSearch = (text: string) => {
    if (searchText === undefined) setOwnSearch(text);
    onSearchTextChange?.(text);
  };

  const box: CSSProperties = { font: '13px system-ui, sans-serif', color: '#1b1f24' };

  if (error !== undefined && error !== null) {
    return (
      <div style={{ ...box, height, display: 'grid', placeItems: 'center' }}>
        <div
          role="alert"
          style={{
            border: '1px solid #a4000f',
            borderRadius: 6,
            padding: '16px 20px',
            maxWidth: 480,
            background: '#fff5f5',
          }}
        >
          <p style={{ margin: '0 0 8px', fontWeight: 600 }}>Could not load the promotions.</p>
          <p style={{ margin: '0 0 12px' }}>{errorText(error)}</p>
          {onRetry ? (
            <button type="button" onClick={onRetry} style={{ font: 'inherit', padding: '4px 14px' }}>
              Retry
            </button>
          ) : null}
        </div>
      </div>
    );
  }

  const total = totalRows ?? rows?.length ?? counts.inModel;
  const status = loading ? 'Loading promotions…' : countLine(counts.shown, total);

  return (
    <div style={{ ...box, display: 'flex', flexDirection: 'column', gap: 8 }}>
      <div style={{ display: 'flex', alignItems: 'center', gap: 12, flexWrap: 'wrap' }}>
        {quickSearch ? (
          <>
            <label htmlFor={searchId} style={{ fontWeight: 600 }}>
              Search products, brands, stores and SKUs
            </label>
            <input
              id={searchId}
              type="search"
              value={search}
              onChange={(event) => changeSearch(event.target.value)}
              placeholder="e.g. cereal"
              style={{ font: 'inherit', padding: '4px 8px', minWidth: 220 }}
            />
          </>
        ) : null}
        <output aria-live="polite" style={{ marginLeft: 'auto' }} data-testid="row-count">
          {status}
        </output>
      </div>
      <div ref={containerRef} style={{ height }}>
        <AgGridReact<Promotion>
          modules={allModules}
          theme={theme}
          {...(rowData ? { rowData } : {})}
          columnDefs={fieldSortColumns ?? columnDefs ?? defaultColumns}
          getRowId={rowId}
          loading={loading}
          overlayNoRowsTemplate={`<span role="status">${emptyMessage.replace(/[<>&]/g, '')}</span>`}
          {...gridOptions}
          // The grid's own handlers run first, then the caller's (from gridOptions).
          onGridReady={handleGridReady}
          onModelUpdated={handleModelUpdated}
          {...(clientSide ? { isExternalFilterPresent, doesExternalFilterPass, postSortRows } : {})}
        />
      </div>
    </div>
  );
}
