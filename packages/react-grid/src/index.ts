export { PHASE_LABELS, PhaseBadge, type PhaseBadgeProps } from './panels/phase-badge.js';
