import {
  CellStyleModule,
  ClientSideRowModelApiModule,
  ClientSideRowModelModule,
  ColumnApiModule,
  CustomFilterModule,
  DateFilterModule,
  ExternalFilterModule,
  type Module,
  NumberFilterModule,
  QuickFilterModule,
  RowApiModule,
  TextFilterModule,
} from 'ag-grid-community';

/**
 * The AG Grid Community modules the promotions grid uses, and only those (never `AllCommunityModule`, ~1.4 MB): the
 * client-side row model and its transaction and row APIs, the text, number, date and custom (values) filters, the
 * external filter (the search box, as the contract's `q`), the column API (the sort model, for `postSortRows`), the
 * quick filter (the columns' `getQuickFilterText`, for grids of your own) and cell styles.
 * Pass more through `PromotionsGrid`'s `modules` prop, e.g. `InfiniteRowModelModule` for server rows.
 */
export const PROMOTIONS_GRID_MODULES: readonly Module[] = Object.freeze([
  ClientSideRowModelModule,
  // applyTransaction(Async), for loaders that append rows as they arrive.
  ClientSideRowModelApiModule,
  // getDisplayedRowCount and forEachNode, for the count of rows shown.
  RowApiModule,
  TextFilterModule,
  NumberFilterModule,
  DateFilterModule,
  CustomFilterModule,
  // The search box: an external filter with the contract's `q` rule (decision 0008).
  ExternalFilterModule,
  // getColumnState and getColumn, for the sort in postSortRows (decision 0008).
  ColumnApiModule,
  // The columns' getQuickFilterText, for grids built with promotionColumnDefs() that use AG Grid's quick filter.
  QuickFilterModule,
  CellStyleModule,
]);
