export { PHASE_LABELS, PhaseBadge, type PhaseBadgeProps } from './panels/phase-badge.js';
export {
  type GridSortItem,
  type PromotionsGridState,
  type PromotionsQueryFilters,
  type PromotionsQueryResult,
  type QueryNotice,
  toPromotionsQuery,
} from './server/to-promotions-query.js';
