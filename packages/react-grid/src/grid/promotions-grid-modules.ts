import {
  CellStyleModule,
  ClientSideRowModelApiModule,
  ClientSideRowModelModule,
  CustomFilterModule,
  DateFilterModule,
  type Module,
  NumberFilterModule,
  QuickFilterModule,
  RowApiModule,
  TextFilterModule,
} from 'ag-grid-community';

/**
 * The AG Grid Community modules the promotions grid uses, and only those (never `AllCommunityModule`, ~1.4 MB): the
 * client-side row model and its transaction and row APIs, the text, number, date and custom (values) filters, the quick filter and cell styles.
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
  QuickFilterModule,
  CellStyleModule,
]);
