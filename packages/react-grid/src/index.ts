export { type FormatOptions, formatByUnit, MISSING_VALUE } from './grid/format-by-unit.js';
export {
  type PromotionColumnDefsOptions,
  type PromotionColumnMode,
  promotionColumnDefs,
} from './grid/promotion-column-defs.js';
export {
  PINNED_PROMOTION_FIELDS,
  PROMOTION_COLUMN_GROUPS,
  PROMOTION_ENUM_VALUES,
  PROMOTION_FIELD_GROUPS,
  PROMOTION_FIELD_LABELS,
  type PromotionColumnGroup,
} from './grid/promotion-columns.js';
export { PromotionsGrid, type PromotionsGridProps } from './grid/promotions-grid.js';
export { PROMOTIONS_GRID_MODULES } from './grid/promotions-grid-modules.js';
export { promotionsGridTheme } from './grid/promotions-grid-theme.js';
export {
  type FilterValue,
  ValuesFilter,
  type ValuesFilterModel,
  type ValuesFilterParams,
} from './grid/values-filter.js';
export { PHASE_LABELS, PhaseBadge, type PhaseBadgeProps } from './panels/phase-badge.js';
export {
  type GridSortItem,
  type PromotionsGridState,
  type PromotionsQueryFilters,
  type PromotionsQueryResult,
  type QueryNotice,
  toPromotionsQuery,
} from './server/to-promotions-query.js';
