import { type DatasetSpec, PROMOTIONS_PER_STORE, type TemplateSelection } from '@promoscale/generator';
import { type MeasuredDataset, measureDataset } from '@promoscale/scaling';
import { type ReactNode, useEffect, useId, useState } from 'react';
import { EstimateTable } from '../panels/estimate-table.js';
import { MemoryGauge } from '../panels/memory-gauge.js';
import { ScalingPhaseView, type ScalingPhaseViewProps } from './scaling-phase-view.js';

/** The store counts the lab's slider steps through: every phase's range, then on to 50,000 stores. */
export const LAB_STORE_STEPS: readonly number[] = [
  5, 10, 15, 20, 25, 30, 40, 50, 75, 100, 250, 500, 1_000, 2_500, 5_000, 10_000, 25_000, 50_000,
];

/** Props of {@link ScalingLab}. */
export interface ScalingLabProps {
  /** The store count to start at (the nearest step). @default 5 */
  initialStores?: number;
  /** @default 'MIXED' */
  templates?: TemplateSelection;
  /** @default 42 */
  seed?: number | string;
  /** Options of the phase 4 grid, as for {@link ScalingPhaseView}. @default same-origin `/api` */
  server?: ScalingPhaseViewProps['server'];
  /** Renders phase 4 (DATABASE_BACKEND), as for {@link ScalingPhaseView}. */
  renderDatabaseBackend?: (spec: DatasetSpec) => ReactNode;
}

function nearestStep(stores: number): number {
  let best = 0;
  LAB_STORE_STEPS.forEach((step, index) => {
    if (Math.abs(step - stores) < Math.abs((LAB_STORE_STEPS[best] as number) - stores)) best = index;
  });
  return best;
}

const LAST = LAB_STORE_STEPS.length - 1;

/** The step a key moves the slider to, or `null` for keys the slider does not handle. */
function keyStep(key: string, step: number): number | null {
  const by: Record<string, number> = {
    ArrowRight: 1,
    ArrowUp: 1,
    ArrowLeft: -1,
    ArrowDown: -1,
    PageUp: 3,
    PageDown: -3,
  };
  if (key === 'Home') return 0;
  if (key === 'End') return LAST;
  const delta = by[key];
  return delta === undefined ? null : Math.max(0, Math.min(LAST, step + delta));
}

/** Sizes the lab measures by itself (generation + JSON.parse, once) as the slider settles; larger ones on request. */
export const LAB_AUTO_MEASURE_MAX = 1_000;

/** Measures `stores` in this browser 300 ms after the slider stops there (up to LAB_AUTO_MEASURE_MAX stores). */
function useAutoMeasure(stores: number, templates?: TemplateSelection, seed?: number | string) {
  const [measured, setMeasured] = useState<Record<number, MeasuredDataset>>({});
  useEffect(() => {
    if (stores > LAB_AUTO_MEASURE_MAX) return;
    const controller = new AbortController();
    const timer = setTimeout(() => {
      measureDataset(stores, {
        runs: 1,
        signal: controller.signal,
        ...(templates !== undefined && { templates }),
        ...(seed !== undefined && { seed }),
      }).then(
        (result) => {
          if (!controller.signal.aborted) setMeasured((previous) => ({ ...previous, [stores]: result }));
        },
        () => {}, // aborted, or a bad template or seed: the loader below shows that error
      );
    }, 300);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [stores, templates, seed]);
  return measured;
}

/**
 * One slider from 5 to 50,000 stores: the recommended phase follows it, its loader runs (a move cancels the
 * running load), and the estimate table and the memory gauge show the estimated and the measured time and memory
 * side by side (sizes up to LAB_AUTO_MEASURE_MAX stores are measured in this browser as the slider settles). The slider is a native range input that names its value in stores; arrows move one step, Page Up/Down three, Home/End to the ends.
 *
 * @example
 * <ScalingLab initialStores={25} />
 */
export function ScalingLab({
  initialStores = 5,
  templates,
  seed,
  server,
  renderDatabaseBackend,
}: ScalingLabProps) {
  const sliderId = useId();
  const [step, setStep] = useState(() => nearestStep(initialStores));
  const stores = LAB_STORE_STEPS[step] as number;
  const storesText = `${stores.toLocaleString('en-US')} stores`;
  const measured = useAutoMeasure(stores, templates, seed);
  return (
    <div style={{ display: 'grid', gap: 12, font: '13px system-ui, sans-serif', color: '#1b1f24' }}>
      <div style={{ display: 'flex', gap: 12, alignItems: 'center', flexWrap: 'wrap' }}>
        <label htmlFor={sliderId} style={{ fontWeight: 600 }}>
          Store count
        </label>
        <input
          id={sliderId}
          type="range"
          min={0}
          max={LAST}
          step={1}
          value={step}
          aria-valuetext={storesText}
          onChange={(event) => setStep(Number(event.target.value))}
          onKeyDown={(event) => {
            const next = keyStep(event.key, step);
            if (next === null) return;
            // Handled here rather than left to the browser, so every key moves by one step the same way everywhere
            // (and synthetic keyboard events, as in tests and assistive tools, move it too).
            event.preventDefault();
            setStep(next);
          }}
          style={{ width: 360 }}
        />
        <output htmlFor={sliderId} style={{ fontWeight: 600 }}>
          {storesText} ({(stores * PROMOTIONS_PER_STORE).toLocaleString('en-US')} promotions)
        </output>
      </div>
      <div style={{ display: 'flex', gap: 24, flexWrap: 'wrap', alignItems: 'flex-start' }}>
        <EstimateTable
          sizes={[stores]}
          measureUpTo={5_000}
          measured={measured}
          estimateOptions={{
            ...(templates !== undefined && { templates }),
            ...(seed !== undefined && { seed }),
          }}
          caption={`${storesText}: estimated and measured in this browser`}
        />
        <MemoryGauge label="JS heap (measured)" />
      </div>
      <ScalingPhaseView
        stores={stores}
        height={360}
        {...(templates !== undefined && { templates })}
        {...(seed !== undefined && { seed })}
        {...(server && { server })}
        {...(renderDatabaseBackend && { renderDatabaseBackend })}
      />
    </div>
  );
}
