import type { ScalingApproach } from '@promoscale/scaling';

/** Human labels of the four scaling phases (DOMAIN.md section 5). */
export const PHASE_LABELS: Record<ScalingApproach, string> = {
  SINGLE_BATCH: 'Phase 1 · Single batch',
  CHUNKED_PROCESSING: 'Phase 2 · Chunked',
  STREAMING_ITERATOR: 'Phase 3 · Streaming',
  DATABASE_BACKEND: 'Phase 4 · Database backend',
};

const PHASE_COLOURS: Record<ScalingApproach, string> = {
  SINGLE_BATCH: '#1f6f43',
  CHUNKED_PROCESSING: '#1d4f91',
  STREAMING_ITERATOR: '#6b3fa0',
  DATABASE_BACKEND: '#8a4b08',
};

/** Props of {@link PhaseBadge}. */
export interface PhaseBadgeProps {
  /** The phase to show. */
  phase: ScalingApproach;
  /** Whether the phase was forced rather than recommended for the store count. @default false */
  forced?: boolean;
}

/**
 * A small label naming a scaling phase, coloured by phase, with "(forced)" when the phase was not the recommended one.
 *
 * @example
 * <PhaseBadge phase="STREAMING_ITERATOR" />
 */
export function PhaseBadge({ phase, forced = false }: PhaseBadgeProps) {
  return (
    <span
      data-phase={phase}
      style={{
        display: 'inline-block',
        padding: '2px 8px',
        borderRadius: 999,
        background: PHASE_COLOURS[phase],
        color: '#fff',
        font: '600 12px/1.6 system-ui, sans-serif',
      }}
    >
      {PHASE_LABELS[phase]}
      {forced ? ' (forced)' : ''}
    </span>
  );
}
