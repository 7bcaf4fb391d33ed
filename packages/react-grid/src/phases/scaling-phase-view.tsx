import type { DatasetSpec, Promotion, TemplateSelection } from '@promoscale/generator';
import { type ApproachThresholds, recommendApproach, type ScalingApproach } from '@promoscale/scaling';
import type { GridApi } from 'ag-grid-community';
import { type CSSProperties, type ReactNode, useMemo } from 'react';
import { ChunkedGrid, type ChunkedGridProps } from '../loaders/chunked-grid.js';
import { specKey, toError } from '../loaders/load-lifecycle.js';
import { SingleBatchGrid } from '../loaders/single-batch-grid.js';
import { StreamingGrid, type StreamingGridProps } from '../loaders/streaming-grid.js';
import { PhaseBadge } from '../panels/phase-badge.js';
import { ServerPromotionsGrid, type ServerPromotionsGridProps } from '../server/server-promotions-grid.js';

/** Props of {@link ScalingPhaseView}. */
export interface ScalingPhaseViewProps {
  /** Store count, 1–100,000. */
  stores: number;
  /** @default 'MIXED' */
  templates?: TemplateSelection;
  /** @default 42 */
  seed?: number | string;
  /** @default '2026-06-01' */
  asOf?: string;
  /** A phase to use instead of the recommended one (shown as "forced" when it differs). */
  phase?: ScalingApproach;
  /** Store-count boundaries of the phases. @default DEFAULT_THRESHOLDS (10, 25, 50) */
  thresholds?: Partial<ApproachThresholds>;
  /** Height of the grid. @default 480 */
  height?: CSSProperties['height'];
  /** Options of the phase 2 loader (chunk size, retries, a `loadChunk` of your own). */
  chunked?: Omit<ChunkedGridProps, 'spec' | 'height' | 'onGridReady'>;
  /** Options of the phase 3 loader (chunk size, `createWorker`, encoding). */
  streaming?: Omit<StreamingGridProps, 'spec' | 'height' | 'onGridReady'>;
  /**
   * Options of the phase 4 grid, `ServerPromotionsGrid` (its `client`, block size, cache, live updates). Phase 4
   * reads whatever dataset the API serves: point `client` at a server (or an MSW worker) that serves this spec.
   * @default same-origin `/api`
   */
  server?: Omit<ServerPromotionsGridProps, 'height'>;
  /** Renders phase 4 (DATABASE_BACKEND) for the spec instead of `ServerPromotionsGrid`. */
  renderDatabaseBackend?: (spec: DatasetSpec) => ReactNode;
  /** Called with the active grid's API once it is ready. */
  onGridReady?: (api: GridApi<Promotion>) => void;
}

/**
 * Picks the scaling phase for a store count with `recommendApproach` (or takes the forced `phase`), shows it as a
 * PhaseBadge with the reason, and mounts that phase's loader. Changing the store count, the spec or the phase
 * aborts the running load (a new spec restarts the hook; a new phase unmounts the old loader, which aborts it):
 * no late rows reach the grid.
 *
 * @example
 * <ScalingPhaseView stores={25} templates="MIXED" seed={42} />
 */
export function ScalingPhaseView({
  stores,
  templates,
  seed,
  asOf,
  phase,
  thresholds,
  height = 480,
  chunked,
  streaming,
  server,
  renderDatabaseBackend,
  onGridReady,
}: ScalingPhaseViewProps) {
  const thresholdsKey = specKey(thresholds);
  // biome-ignore lint/correctness/useExhaustiveDependencies: thresholdsKey stands for the thresholds' content
  const recommendation = useMemo(() => {
    try {
      const { approach, reason } = recommendApproach(stores, undefined, thresholds ? { thresholds } : {});
      return { approach, reason, error: null };
    } catch (error) {
      return { approach: null, reason: null, error: toError(error) };
    }
  }, [stores, thresholdsKey]);
  const spec = useMemo<DatasetSpec>(
    () => ({
      stores,
      ...(templates !== undefined && { templates }),
      ...(seed !== undefined && { seed }),
      ...(asOf !== undefined && { asOf }),
    }),
    [stores, templates, seed, asOf],
  );
  const active = phase ?? recommendation.approach;
  const gridProps = { spec, height, ...(onGridReady && { onGridReady }) };

  let loader: ReactNode;
  if (active === 'SINGLE_BATCH') loader = <SingleBatchGrid key={active} {...gridProps} />;
  else if (active === 'CHUNKED_PROCESSING') loader = <ChunkedGrid key={active} {...chunked} {...gridProps} />;
  else if (active === 'STREAMING_ITERATOR')
    loader = <StreamingGrid key={active} {...streaming} {...gridProps} />;
  else if (active === 'DATABASE_BACKEND') {
    loader = renderDatabaseBackend ? (
      renderDatabaseBackend(spec)
    ) : (
      <ServerPromotionsGrid key={`${active}:${specKey(spec)}`} {...server} height={height} />
    );
  }

  return (
    <section
      aria-label="Scaling phase"
      style={{ display: 'grid', gap: 8, font: '13px system-ui, sans-serif' }}
    >
      <div style={{ display: 'flex', gap: 12, alignItems: 'baseline', flexWrap: 'wrap' }}>
        {active ? (
          <PhaseBadge phase={active} forced={phase !== undefined && phase !== recommendation.approach} />
        ) : null}
        {recommendation.reason ? <span style={{ color: '#444' }}>{recommendation.reason}</span> : null}
      </div>
      {recommendation.error && !phase ? <p role="alert">{recommendation.error.message}</p> : loader}
    </section>
  );
}
