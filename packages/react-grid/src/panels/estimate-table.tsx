import {
  type EstimateOptions,
  estimateDatasetSize,
  type MeasuredDataset,
  measureDataset,
  SEED_TABLE_SIZES,
} from '@promoscale/scaling';
import { useEffect, useMemo, useRef, useState } from 'react';
import { PHASE_LABELS } from './phase-badge.js';

const MB = 1_048_576;

/** Props of {@link EstimateTable}. */
export interface EstimateTableProps {
  /** Store counts, one row each. @default SEED_TABLE_SIZES (5, 10, 25, 50, 100, 250, 500) */
  sizes?: readonly number[];
  /** Figures measured already, by store count, shown beside the estimates. */
  measured?: Readonly<Record<number, MeasuredDataset>>;
  /** The largest store count the Measure button measures in this browser. @default 500 */
  measureUpTo?: number;
  /** Options of `estimateDatasetSize` (calibration, templates, seed, thresholds, budget). */
  estimateOptions?: EstimateOptions;
  /** @default 'Dataset size: estimated and measured in this browser' */
  caption?: string;
}

const mb = (bytes: number) => (bytes / MB).toFixed(2);

/** Why "Heap (MB) measured" shows a dash: shown under the table when a measured size has no heap figure. */
export const HEAP_NOT_MEASURED =
  'Heap (MB) measured shows — because this page cannot measure retained heap: that needs a forced garbage ' +
  "collection (globalThis.gc) and an exact heap reading, and Chromium's performance.memory is rounded and cached " +
  'for minutes. Chromium started with --js-flags=--expose-gc --enable-precise-memory-info measures it.';
const DASH = '—';

/**
 * A load time as the table shows it: one decimal under 10 ms ("0.3 ms", "2.9 ms"), whole milliseconds from there
 * ("1,234 ms"), "< 0.1 ms" for what rounds to nothing (a small size on a fast machine), a dash for no figure.
 */
function ms(value: number): string {
  if (!Number.isFinite(value) || value < 0) return DASH;
  if (value < 0.05) return '< 0.1 ms';
  const tenths = Math.round(value * 10) / 10;
  if (tenths < 10) return `${tenths.toFixed(1)} ms`;
  return `${Math.round(value).toLocaleString('en-US')} ms`;
}

/**
 * The seed's memory table (stores, promotions, base and JSON size, memory, load time, risk, phase) from
 * `estimateDatasetSize`, with what this browser measures beside each estimate: pass `measured` figures, or press
 * "Measure in this browser" to time generation and `JSON.parse` here (`measureDataset`) for the sizes up to
 * `measureUpTo`. Heap is measured only where the page can force a GC and read exact heap sizes; elsewhere it shows a
 * dash and a note under the table says why ({@link HEAP_NOT_MEASURED}).
 *
 * @example
 * <EstimateTable />
 * <EstimateTable sizes={[5, 50, 500, 5_000]} measureUpTo={50} />
 */
export function EstimateTable({
  sizes = SEED_TABLE_SIZES,
  measured,
  measureUpTo = 500,
  estimateOptions,
  caption = 'Dataset size: estimated and measured in this browser',
}: EstimateTableProps) {
  const rows = useMemo(
    () => sizes.map((stores) => estimateDatasetSize(stores, estimateOptions)),
    [sizes, estimateOptions],
  );
  const [own, setOwn] = useState<Record<number, MeasuredDataset>>({});
  const [state, setState] = useState<{ running: boolean; error: string | null }>({
    running: false,
    error: null,
  });
  const controller = useRef<AbortController | null>(null);
  useEffect(() => () => controller.current?.abort(), []);

  const figures = { ...own, ...measured };
  const heapMissing = rows.some((row) => figures[row.store_count]?.heapBytes === null);
  const measurable = sizes.filter((stores) => stores <= measureUpTo);

  const measure = async () => {
    controller.current?.abort();
    const abort = new AbortController();
    controller.current = abort;
    setState({ running: true, error: null });
    try {
      for (const stores of measurable) {
        const result = await measureDataset(stores, {
          runs: 1,
          signal: abort.signal,
          ...pickSpec(estimateOptions),
        });
        if (abort.signal.aborted) return;
        setOwn((previous) => ({ ...previous, [stores]: result }));
      }
      setState({ running: false, error: null });
    } catch (error) {
      if (abort.signal.aborted) return;
      setState({ running: false, error: error instanceof Error ? error.message : 'The measurement failed.' });
    }
  };

  const cell = { padding: '4px 10px', textAlign: 'right' as const, borderBottom: '1px solid #dfe3e8' };
  const head = { ...cell, fontWeight: 600, background: '#f3f5f7' };

  return (
    <div style={{ font: '13px system-ui, sans-serif', color: '#1b1f24', display: 'grid', gap: 8 }}>
      <table style={{ borderCollapse: 'collapse', fontVariantNumeric: 'tabular-nums' }}>
        <caption style={{ textAlign: 'left', fontWeight: 600, padding: '0 0 6px' }}>{caption}</caption>
        <thead>
          <tr>
            <th scope="col" style={head}>
              Stores
            </th>
            <th scope="col" style={head}>
              Promotions
            </th>
            <th scope="col" style={head}>
              Base size (MB)
            </th>
            <th scope="col" style={head}>
              JSON size (MB) est.
            </th>
            <th scope="col" style={head}>
              JSON size (MB) measured
            </th>
            <th scope="col" style={head}>
              Memory (MB) est.
            </th>
            <th scope="col" style={head}>
              Heap (MB) measured
            </th>
            <th scope="col" style={head}>
              Load time est.
            </th>
            <th scope="col" style={head}>
              Load time measured
            </th>
            <th scope="col" style={head}>
              Risk
            </th>
            <th scope="col" style={{ ...head, textAlign: 'left' }}>
              Phase
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => {
            const m = figures[row.store_count];
            return (
              <tr key={row.store_count}>
                <th scope="row" style={cell}>
                  {row.store_count.toLocaleString('en-US')}
                </th>
                <td style={cell}>{row.promotions.toLocaleString('en-US')}</td>
                <td style={cell}>{row.base_size_mb.toFixed(2)}</td>
                <td style={cell}>{row.json_size_mb.toFixed(2)}</td>
                <td style={cell}>{m ? mb(m.jsonBytes) : DASH}</td>
                <td style={cell}>{row.memory_requirement_mb.toFixed(2)}</td>
                <td style={cell}>{m && m.heapBytes !== null ? mb(m.heapBytes) : DASH}</td>
                <td style={cell}>{ms(row.load_time_ms)}</td>
                <td style={cell}>{m ? ms(m.generateMs + m.parseMs) : DASH}</td>
                <td style={cell}>{row.risk_level}</td>
                <td style={{ ...cell, textAlign: 'left' }}>{PHASE_LABELS[row.approach]}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <div style={{ display: 'flex', gap: 12, alignItems: 'center' }}>
        <button
          type="button"
          onClick={measure}
          disabled={state.running || measurable.length === 0}
          style={{ font: 'inherit', padding: '4px 12px' }}
        >
          {state.running ? 'Measuring…' : 'Measure in this browser'}
        </button>
        <span aria-live="polite">
          {state.error
            ? `Measurement failed: ${state.error}`
            : measurable.length === 0
              ? `Sizes over ${measureUpTo.toLocaleString('en-US')} stores are estimated only.`
              : `Measures generation and JSON.parse here for ${measurable.length === 1 ? '1 size' : `${measurable.length} sizes`} up to ${Math.max(...measurable).toLocaleString('en-US')} stores.`}
        </span>
      </div>
      {heapMissing ? (
        <p data-testid="heap-note" style={{ margin: 0, color: '#59636e', maxWidth: 760 }}>
          {HEAP_NOT_MEASURED}
        </p>
      ) : null}
    </div>
  );
}

function pickSpec(options: EstimateOptions | undefined) {
  const spec: { templates?: NonNullable<EstimateOptions['templates']>; seed?: number | string } = {};
  if (options?.templates !== undefined) spec.templates = options.templates;
  if (options?.seed !== undefined) spec.seed = options.seed;
  return spec;
}
