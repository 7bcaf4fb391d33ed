import type { Promotion } from '@promoscale/api';
import type { PromotionField } from '@promoscale/generator';
import {
  type ColGroupDef,
  type FilterModel,
  type GridApi,
  type GridOptions,
  HighlightChangesModule,
  InfiniteRowModelModule,
  type Module,
  type Theme,
} from 'ag-grid-community';
import { type CSSProperties, useCallback, useEffect, useId, useMemo, useRef, useState } from 'react';
import { promotionColumnDefs } from '../grid/promotion-column-defs.js';
import { PromotionsGrid } from '../grid/promotions-grid.js';
import { KpiSummary, kpisFromSummary } from '../panels/kpi-summary.js';
import {
  type ServerRows,
  type ServerRowsStats,
  type UseServerRowsOptions,
  useServerRows,
} from './use-server-rows.js';
import { useServerSummary } from './use-server-summary.js';

const plural = (n: number, noun: string) => `${n.toLocaleString('en-US')} ${noun}${n === 1 ? '' : 's'}`;

const BLOCK_SOURCE = { network: 'server', cache: 'IndexedDB cache', empty: 'no request' } as const;

/** "Rows 101–200 in 35 ms (server)": the last block's rows, counted from 1, as a person reads them. */
export function blockLine(block: NonNullable<ServerRowsStats['lastBlock']>): string {
  const rows =
    block.rowCount === 0
      ? 'No rows'
      : `Rows ${(block.startRow + 1).toLocaleString('en-US')}–${(block.startRow + block.rowCount).toLocaleString('en-US')}`;
  return `${rows} in ${block.ms} ms (${BLOCK_SOURCE[block.source]})`;
}

/** The AG Grid modules server rows add to the promotions grid's: the Infinite Row Model and cell flashing. */
export const SERVER_ROWS_MODULES: readonly Module[] = Object.freeze([
  InfiniteRowModelModule,
  HighlightChangesModule,
]);

/** Props of {@link ServerPromotionsGrid}. */
export interface ServerPromotionsGridProps extends Omit<UseServerRowsOptions, 'search' | 'live'> {
  /** Follow `/api/live`: `true`, `false` or pacing options. The person can switch it off with a checkbox. @default true */
  live?: UseServerRowsOptions['live'];
  /** The grid's accessible name. @default 'Promotions (server rows)' */
  label?: string;
  /** Height of the grid area. @default 520 */
  height?: CSSProperties['height'];
  /** An AG Grid theme from the theming API. @default promotionsGridTheme */
  theme?: Theme;
  /** Wait this long after the last keystroke before searching, in milliseconds. @default 250 */
  searchDelayMs?: number;
  /** The columns to show, by field, in the grid's group order. @default every Promotion field */
  fields?: readonly PromotionField[];
  /** Column filters to start with (AG Grid filter models by column id), e.g. `{ storeId: { filterType: 'text', type: 'equals', filter: 'STORE_042' } }`. */
  initialFilterModel?: FilterModel;
  /** Further AG Grid options (`cellFlashDuration`, `rowBuffer`, …); the row model and datasource are set here. */
  gridOptions?: GridOptions<Promotion>;
  /** Show the KPI panel, from `GET /api/summary` for the current filters and search. @default true */
  kpis?: boolean;
  /** Called with the server rows' state on every change (for panels and tests). */
  onRowsChange?: (rows: ServerRows) => void;
  /** Called with the grid's API once it is ready. */
  onGridReady?: (api: GridApi<Promotion>) => void;
}

/**
 * The promotions grid over the API (phase 4, DATABASE_BACKEND): AG Grid's Infinite Row Model fetching blocks from
 * `GET /api/promotions` ({@link useServerRows}), with the server-mode columns of `promotionColumnDefs` (only filters
 * the contract can express), the search box sent as `q`, an IndexedDB block cache, live updates from `/api/live`
 * (flashing the changed cells; a checkbox switches them off), notices for what could not be sent, and an error alert
 * with Retry.
 *
 * @example
 * import { createClient } from '@promoscale/api';
 * import { ServerPromotionsGrid } from '@promoscale/react-grid';
 *
 * const client = createClient({ baseUrl: 'https://promoscale.example.com' });
 * export const App = () => <ServerPromotionsGrid client={client} blockSize={200} live={{ intervalMs: 2000 }} />;
 */
export function ServerPromotionsGrid({
  live = true,
  label = 'Promotions (server rows)',
  height = 520,
  theme,
  searchDelayMs = 250,
  gridOptions,
  fields,
  initialFilterModel,
  kpis = true,
  onRowsChange,
  onGridReady,
  ...options
}: ServerPromotionsGridProps) {
  const liveId = useId();
  const [searchText, setSearchText] = useState('');
  const [search, setSearch] = useState('');
  const [liveOn, setLiveOn] = useState(live !== false);

  useEffect(() => {
    if (searchText === search) return;
    const timer = setTimeout(() => setSearch(searchText), searchDelayMs);
    return () => clearTimeout(timer);
  }, [searchText, search, searchDelayMs]);

  const rows = useServerRows({ ...options, search, live: liveOn ? (live === false ? true : live) : false });
  useEffect(() => onRowsChange?.(rows), [rows, onRowsChange]);
  const summary = useServerSummary(rows.query, {
    ...(options.client ? { client: options.client } : {}),
    enabled: kpis && rows.dataset !== null,
  });

  const { retry: retryRows } = rows;
  const { retry: retrySummary, status: summaryStatus } = summary;
  const retry = useCallback(() => {
    retryRows();
    if (summaryStatus === 'error') retrySummary();
  }, [retryRows, retrySummary, summaryStatus]);

  const fieldKey = fields?.join(',');
  // biome-ignore lint/correctness/useExhaustiveDependencies: fieldKey stands for fields
  const columnDefs = useMemo(() => serverColumns(fields), [fieldKey]);
  const { setGridApi, total } = rows;
  const [gridApi, setApi] = useState<GridApi<Promotion> | null>(null);
  // The initial filter applies once, when the grid starts.
  const initialFilter = useRef(initialFilterModel);
  const handleGridReady = useCallback(
    (api: GridApi<Promotion>) => {
      if (initialFilter.current) api.setFilterModel(initialFilter.current);
      setGridApi(api);
      setApi(api);
      onGridReady?.(api);
    },
    [setGridApi, onGridReady],
  );
  useEffect(() => () => setGridApi(null), [setGridApi]);
  // The grid reports its model before React has the block's total: restating the row count (same value) makes it
  // report again, so the count line shows the new total.
  useEffect(() => {
    if (total !== null && gridApi && !gridApi.isDestroyed()) gridApi.setRowCount(total, true);
  }, [total, gridApi]);
  const allOptions = useMemo<GridOptions<Promotion>>(
    () => ({ ...gridOptions, ...rows.gridOptions }),
    [gridOptions, rows.gridOptions],
  );

  const notices = rows.query.notices;
  return (
    <section aria-label={label} style={{ display: 'flex', flexDirection: 'column', gap: 8 }}>
      <div
        style={{
          display: 'flex',
          gap: 16,
          alignItems: 'center',
          flexWrap: 'wrap',
          font: '13px system-ui, sans-serif',
          color: '#1b1f24',
        }}
      >
        <label htmlFor={liveId}>
          <input
            id={liveId}
            type="checkbox"
            checked={liveOn}
            onChange={(event) => setLiveOn(event.target.checked)}
          />{' '}
          Live updates
        </label>
        <span data-testid="cache-state">
          {rows.status === 'connecting'
            ? 'Connecting…'
            : rows.cachePersistent
              ? 'Blocks cached in IndexedDB'
              : 'No block cache (IndexedDB unavailable or off)'}
        </span>
        <span data-testid="last-block">{rows.stats.lastBlock ? blockLine(rows.stats.lastBlock) : ''}</span>
        <span data-testid="server-stats">
          {`${plural(rows.stats.requests, 'block request')} · ${rows.stats.cacheHits} from cache · ${plural(rows.stats.liveUpdates, 'live update')}`}
        </span>
      </div>
      {kpis ? (
        <KpiSummary
          {...(summary.totals && { kpis: kpisFromSummary(summary.totals, summary.losingPromotions) })}
          loading={summary.totals === null && summary.status !== 'error'}
          source={summary.status === 'error' ? 'the server summary (unavailable)' : 'the server summary'}
        />
      ) : null}
      {notices.length > 0 ? (
        <ul
          role="status"
          aria-label="Query notices"
          style={{
            margin: 0,
            padding: '6px 12px 6px 28px',
            background: '#fff8e5',
            border: '1px solid #8a4b08',
            borderRadius: 4,
            font: '13px system-ui, sans-serif',
            color: '#1b1f24',
          }}
        >
          {notices.map((notice) => (
            <li key={`${notice.field}:${notice.message}`}>{notice.message}</li>
          ))}
        </ul>
      ) : null}
      <PromotionsGrid
        label={label}
        height={height}
        {...(theme ? { theme } : {})}
        columnDefs={columnDefs}
        searchText={searchText}
        onSearchTextChange={setSearchText}
        loading={rows.status === 'connecting'}
        error={rows.status === 'error' ? rows.error : undefined}
        onRetry={retry}
        totalRows={rows.total ?? undefined}
        modules={SERVER_ROWS_MODULES}
        onGridReady={handleGridReady}
        gridOptions={allOptions}
      />
    </section>
  );
}

/** The server-mode columns of `promotionColumnDefs`, keeping only `fields` (groups left empty are dropped). */
function serverColumns(fields: readonly PromotionField[] | undefined): ColGroupDef<Promotion>[] {
  const groups = promotionColumnDefs({ mode: 'server' });
  if (!fields) return groups;
  const wanted = new Set<string>(fields);
  return groups
    .map((group) => ({
      ...group,
      children: group.children.filter((column) => 'field' in column && wanted.has(String(column.field))),
    }))
    .filter((group) => group.children.length > 0);
}
