import { DEFAULT_ALERT_THRESHOLDS, type MemoryReading, readMemory } from '@promoscale/scaling';
import { useEffect, useState } from 'react';

const MB = 1_048_576;

/** The memory levels of {@link MemoryGauge}, in MB of JS heap. */
export interface MemoryThresholds {
  /** Above it the gauge warns. @default 500 (the seed's alert "memory usage > 500MB", `DEFAULT_ALERT_THRESHOLDS`) */
  warningMb: number;
  /** Above it the gauge is critical. @default 1000 (the seed refuses a dataset needing over 1,000 MB in a tab) */
  criticalMb: number;
}

/** The seed POC's memory thresholds: alert over 500 MB, too large for the browser over 1,000 MB. */
export const MEMORY_THRESHOLDS: Readonly<MemoryThresholds> = Object.freeze({
  warningMb: DEFAULT_ALERT_THRESHOLDS.memoryMb,
  criticalMb: 1_000,
});

/** How a heap figure compares with the thresholds; `unknown` when the browser gives no reading. */
export type MemoryLevel = 'ok' | 'warning' | 'critical' | 'unknown';

/**
 * The level of a heap size in bytes.
 *
 * @example
 * memoryLevel(600 * 1_048_576); // 'warning'
 */
export function memoryLevel(
  usedBytes: number | null,
  thresholds: MemoryThresholds = MEMORY_THRESHOLDS,
): MemoryLevel {
  if (usedBytes === null || !Number.isFinite(usedBytes) || usedBytes < 0) return 'unknown';
  const mb = usedBytes / MB;
  return mb > thresholds.criticalMb ? 'critical' : mb > thresholds.warningMb ? 'warning' : 'ok';
}

const LEVEL_STYLE: Record<MemoryLevel, { colour: string; text: string }> = {
  ok: { colour: '#1f6f43', text: 'OK' },
  warning: { colour: '#8a4b08', text: 'Warning' },
  critical: { colour: '#a4000f', text: 'Critical' },
  unknown: { colour: '#59636e', text: 'Unavailable' },
};

/** Props of {@link MemoryGauge}. */
export interface MemoryGaugeProps {
  /** A reading to show. Without it the gauge reads `readMemory()` itself every `intervalMs`. */
  reading?: MemoryReading;
  /** How often the gauge reads memory when no `reading` is given, in ms. @default 1000 */
  intervalMs?: number;
  /** @default MEMORY_THRESHOLDS (500 / 1,000 MB) */
  thresholds?: MemoryThresholds;
  /** @default 'JS heap' */
  label?: string;
}

const mbText = (bytes: number) => `${Math.round(bytes / MB).toLocaleString('en-US')} MB`;

/**
 * The page's JS heap against the seed's thresholds: a bar coloured green, amber or red, and the level in words
 * ("OK", "Warning", "Critical"), so colour is never the only cue. Reads `readMemory()` from @promoscale/scaling
 * (Chromium's `performance.memory`) every second unless given a `reading`; says so where the browser has none.
 *
 * @example
 * <MemoryGauge />
 * <MemoryGauge reading={{ source: 'performance.memory', usedBytes: 620e6, totalBytes: 700e6, limitBytes: 4e9 }} />
 */
export function MemoryGauge({
  reading,
  intervalMs = 1_000,
  thresholds = MEMORY_THRESHOLDS,
  label = 'JS heap',
}: MemoryGaugeProps) {
  const [own, setOwn] = useState<MemoryReading | null>(() => (reading ? null : readMemory()));
  useEffect(() => {
    if (reading) return;
    const period = Number.isFinite(intervalMs) && intervalMs >= 100 ? intervalMs : 1_000;
    const timer = setInterval(() => setOwn(readMemory()), period);
    return () => clearInterval(timer);
  }, [reading, intervalMs]);

  const current = reading ?? own;
  const used = current?.usedBytes ?? null;
  const level = memoryLevel(used, thresholds);
  const { colour, text } = LEVEL_STYLE[level];
  const limit = current?.limitBytes;
  // The scale runs a quarter past the critical threshold, so a critical heap shows in the red part.
  const maxMb = thresholds.criticalMb * 1.25;
  const usedMb = used === null || level === 'unknown' ? 0 : Math.min(maxMb, used / MB);
  const summary =
    level === 'unknown'
      ? 'No memory reading in this browser (performance.memory is Chromium-only).'
      : `${mbText(used as number)} used${limit ? ` of a ${mbText(limit)} limit` : ''}`;

  return (
    <div
      style={{ font: '13px system-ui, sans-serif', color: '#1b1f24', display: 'grid', gap: 4, maxWidth: 420 }}
    >
      <div style={{ display: 'flex', justifyContent: 'space-between', gap: 12 }}>
        <strong>{label}</strong>
        <span data-level={level} style={{ color: colour, fontWeight: 600 }}>
          {text}
        </span>
      </div>
      {/* A native meter: its low/high bands are the thresholds, so the browser colours it green, amber or red. */}
      <meter
        aria-label={label}
        min={0}
        max={maxMb}
        low={thresholds.warningMb}
        high={thresholds.criticalMb}
        optimum={0}
        value={usedMb}
        aria-valuetext={`${summary} (${text})`}
        style={{ width: '100%', height: 14 }}
      />
      <span>{summary}</span>
      <span style={{ color: '#59636e' }}>
        Warning over {thresholds.warningMb.toLocaleString('en-US')} MB, critical over{' '}
        {thresholds.criticalMb.toLocaleString('en-US')} MB
      </span>
    </div>
  );
}
