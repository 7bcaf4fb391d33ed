export { type FormatOptions, formatByUnit, MISSING_VALUE } from './grid/format-by-unit.js';
export {
  type PromotionColumnDefsOptions,
  type PromotionColumnMode,
  promotionColumnDefs,
} from './grid/promotion-column-defs.js';
export { PromotionsGrid, type PromotionsGridProps } from './grid/promotions-grid.js';
export { PROMOTIONS_GRID_MODULES } from './grid/promotions-grid-modules.js';
export { promotionsGridTheme } from './grid/promotions-grid-theme.js';
export {
  type FilterValue,
  ValuesFilter,
  type ValuesFilterModel,
  type ValuesFilterParams,
} from './grid/values-filter.js';
export { ChunkedGrid, type ChunkedGridProps } from './loaders/chunked-grid.js';
export { hashGridRows, hashRows, type RowsDigest, type RowsSource } from './loaders/hash-rows.js';
export type {
  LoadProgressValue,
  LoadState,
  LoadStatus,
  LoadStatusChange,
  LoadTimings,
} from './loaders/load-lifecycle.js';
export type { LoaderGridOptions } from './loaders/loader-frame.js';
export { SingleBatchGrid, type SingleBatchGridProps } from './loaders/single-batch-grid.js';
export { StreamingGrid, type StreamingGridProps } from './loaders/streaming-grid.js';
export {
  type ChunkedLoadHookOptions,
  type ChunkedLoadState,
  useChunkedLoad,
} from './loaders/use-chunked-load.js';
export {
  type SingleBatchOptions,
  type SingleBatchState,
  useSingleBatch,
} from './loaders/use-single-batch.js';
export {
  type StreamingGridApi,
  type StreamingLoadOptions,
  type StreamingLoadState,
  useStreamingLoad,
} from './loaders/use-streaming-load.js';
export { EstimateTable, type EstimateTableProps, HEAP_NOT_MEASURED } from './panels/estimate-table.js';
export {
  KpiSummary,
  type KpiSummaryProps,
  kpisFromSummary,
  type PromotionKpis,
  summarizeKpis,
} from './panels/kpi-summary.js';
export { LoadProgress, type LoadProgressProps, progressPercent } from './panels/load-progress.js';
export {
  MEMORY_THRESHOLDS,
  MemoryGauge,
  type MemoryGaugeProps,
  type MemoryLevel,
  type MemoryThresholds,
  memoryLevel,
} from './panels/memory-gauge.js';
export { PHASE_LABELS, PhaseBadge, type PhaseBadgeProps } from './panels/phase-badge.js';
export { LAB_STORE_STEPS, ScalingLab, type ScalingLabProps } from './phases/scaling-lab.js';
export {
  type PhaseStatusChange,
  ScalingPhaseView,
  type ScalingPhaseViewProps,
} from './phases/scaling-phase-view.js';
export {
  type BlockCache,
  type BlockCacheOptions,
  type CachedBlock,
  DEFAULT_BLOCK_CACHE,
  datasetKey,
  NO_BLOCK_CACHE,
  openBlockCache,
} from './server/block-cache.js';
export {
  type BlockEvent,
  createPromotionsDatasource,
  type PromotionsDatasourceOptions,
  type RevalidateEvent,
} from './server/create-promotions-datasource.js';
export { type FollowLiveUpdatesOptions, followLiveUpdates } from './server/follow-live-updates.js';
export {
  SERVER_ROWS_MODULES,
  ServerPromotionsGrid,
  type ServerPromotionsGridProps,
} from './server/server-promotions-grid.js';
export {
  type GridSortItem,
  type PromotionsGridState,
  type PromotionsQueryFilters,
  type PromotionsQueryResult,
  type QueryNotice,
  toPromotionsQuery,
} from './server/to-promotions-query.js';
export {
  type AppliedLiveUpdate,
  type LiveRowsOptions,
  type ServerRows,
  type ServerRowsStats,
  type UseServerRowsOptions,
  useServerRows,
} from './server/use-server-rows.js';
export {
  type ServerSummary,
  type UseServerSummaryOptions,
  useServerSummary,
} from './server/use-server-summary.js';
