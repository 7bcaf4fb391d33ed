/** Props of {@link LoadProgress}. */
export interface LoadProgressProps {
  /** Rows loaded so far. */
  loaded: number;
  /** Rows expected in all; unknown (or not a positive number) shows an indeterminate bar. */
  total?: number | undefined;
  /** The chunk being loaded, from 1. */
  chunk?: number | undefined;
  /** Chunks in all. */
  chunks?: number | undefined;
  /** The accessible name and visible title of the bar. @default 'Loading promotions' */
  label?: string;
  /** Shows a Cancel button that calls it. */
  onCancel?: (() => void) | undefined;
}

const whole = (n: number) => Math.round(n).toLocaleString('en-US');
/** A finite number ≥ 0, or `null` for NaN, ±Infinity, negatives and non-numbers. */
const count = (n: unknown): number | null =>
  typeof n === 'number' && Number.isFinite(n) && n >= 0 ? n : null;

/**
 * The fraction of rows loaded, from 0 to 100 (clamped), or `null` when the total is unknown.
 *
 * @example
 * progressPercent(750, 3_000); // 25
 * progressPercent(5, Number.NaN); // null
 */
export function progressPercent(loaded: number, total: number | undefined): number | null {
  const all = count(total);
  if (all === null || all === 0) return null;
  const done = count(loaded) ?? 0;
  return Math.min(100, Math.round((1000 * done) / all) / 10);
}

/**
 * A progress bar for a load (`role="progressbar"` with `aria-valuenow`, `-min` and `-max`): rows loaded of the
 * total, the chunk being loaded, and a Cancel button when `onCancel` is given. Bad numbers (NaN, negative, loaded
 * over total) never break it: the bar clamps and unknown figures show as a dash.
 *
 * @example
 * <LoadProgress loaded={750} total={3_000} chunk={3} chunks={10} onCancel={() => controller.abort()} />
 */
export function LoadProgress({
  loaded,
  total,
  chunk,
  chunks,
  label = 'Loading promotions',
  onCancel,
}: LoadProgressProps) {
  const percent = progressPercent(loaded, total);
  const done = count(loaded);
  const all = count(total);
  const rowsText = `${done === null ? '—' : whole(done)} of ${all === null ? '—' : whole(all)} rows`;
  const chunkNow = count(chunk);
  const chunkAll = count(chunks);
  const chunkText =
    chunkNow !== null && chunkAll !== null ? `chunk ${whole(chunkNow)} of ${whole(chunkAll)}` : null;
  const valueText = [rowsText, chunkText, percent === null ? null : `${percent.toFixed(1)}%`]
    .filter(Boolean)
    .join(', ');

  return (
    <div
      style={{ font: '13px system-ui, sans-serif', color: '#1b1f24', display: 'grid', gap: 4, maxWidth: 560 }}
    >
      <div style={{ display: 'flex', justifyContent: 'space-between', gap: 12, alignItems: 'baseline' }}>
        <strong>{label}</strong>
        <span>{percent === null ? 'Working…' : `${percent.toFixed(1)}%`}</span>
      </div>
      <div
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent ?? undefined}
        aria-valuetext={valueText}
        style={{ height: 10, borderRadius: 5, background: '#dfe3e8', overflow: 'hidden' }}
      >
        <div
          style={{
            height: '100%',
            width: percent === null ? '30%' : `${percent}%`,
            background: '#1d4f91',
            transition: 'width 120ms linear',
          }}
        />
      </div>
      <div style={{ display: 'flex', justifyContent: 'space-between', gap: 12, alignItems: 'center' }}>
        <span>
          {rowsText}
          {chunkText ? ` · ${chunkText}` : ''}
        </span>
        {onCancel ? (
          <button type="button" onClick={onCancel} style={{ font: 'inherit', padding: '2px 12px' }}>
            Cancel
          </button>
        ) : null}
      </div>
    </div>
  );
}
