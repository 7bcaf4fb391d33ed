import {
  type DatasetSpec,
  type NormalizedDatasetSpec,
  normalizeSpec,
  PROMOTIONS_PER_STORE,
} from '@promoscale/generator';
import { useCallback, useEffect, useEffectEvent, useMemo, useRef, useState } from 'react';

/** Where a load stands. `cancelled` only follows `cancel()`; a superseded load (new spec, unmount) reports nothing. */
export type LoadStatus = 'idle' | 'loading' | 'done' | 'error' | 'cancelled';

/** How far a load got, in promotions. */
export interface LoadProgressValue {
  /** Promotions loaded so far. */
  loaded: number;
  /** Promotions of the whole dataset (`stores × 30`); 0 when the spec is invalid. */
  total: number;
  /** `loaded / total` from 0 to 1 (0 when `total` is 0). */
  ratio: number;
}

/** When the rows were handed to the grid, in milliseconds from the start of the load (`null` until they were). */
export interface LoadTimings {
  /** Until the first rows were ready for the grid. */
  firstRowsMs: number | null;
  /** Until every row was. */
  allRowsMs: number | null;
}

/** What every loader hook returns besides its rows. */
export interface LoadState {
  status: LoadStatus;
  progress: LoadProgressValue;
  /** The error that stopped the load (a `PromoscaleError` for a bad spec), else `null`. */
  error: Error | null;
  timings: LoadTimings;
  /** Loads again (the chunked loader resumes from the chunk that failed or was cancelled). */
  retry: () => void;
  /** Stops the running load: status `cancelled`, the rows loaded so far stay. */
  cancel: () => void;
}

/** Where a load stands, as the loader grids report it to their `onStatusChange`. */
export interface LoadStatusChange {
  /** `loading`, then `done`, `error` or `cancelled` (phase 4: `loading`, then `done` or `error`). */
  status: LoadStatus;
  /** Promotions loaded so far (phase 4: the server's total for the grid's query, once known; else 0). */
  rows: number;
  /** Promotions of the whole dataset (phase 4: the server's total, `null` until the first block arrives). */
  total: number | null;
  /** The error that stopped the load, else `null`. */
  error: Error | null;
}

/** The abort reason of `cancel()`. */
export const CANCELLED = 'promoscale load cancelled';
/** The abort reason when a new spec or an unmount replaces a load. */
export const SUPERSEDED = 'promoscale load superseded';

/** The spec validated once per distinct spec: either the normalized spec or the error to show. */
export type ValidatedSpec =
  | { spec: NormalizedDatasetSpec; error: null; total: number }
  | { spec: null; error: Error; total: 0 };

/**
 * A stable key for a spec: equal for equal specs, whatever their object identity (so `{ stores: 5 }` written
 * inline does not restart the load on every render). NaN and ±Infinity stay distinct from `null`.
 */
export function specKey(spec: unknown): string {
  try {
    return (
      JSON.stringify(spec, (_key, value: unknown) =>
        typeof value === 'number' && !Number.isFinite(value) ? `#${value}` : value,
      ) ?? String(spec)
    );
  } catch {
    return String(spec);
  }
}

/**
 * Validates a spec with the generator's `normalizeSpec`, never throwing: a bad spec comes back as its
 * `PromoscaleError`. `null` fields are treated as absent (the generator's defaults apply).
 */
export function validateSpec(spec: DatasetSpec | null | undefined): ValidatedSpec {
  try {
    const cleaned =
      spec !== null && typeof spec === 'object'
        ? (Object.fromEntries(Object.entries(spec).filter(([, value]) => value !== null)) as DatasetSpec)
        : (spec as unknown as DatasetSpec);
    const normalized = normalizeSpec(cleaned);
    return { spec: normalized, error: null, total: normalized.stores * PROMOTIONS_PER_STORE };
  } catch (error) {
    return { spec: null, error: toError(error), total: 0 };
  }
}

/** The spec's key and its validation, computed once per distinct spec content. */
export function useValidatedSpec(spec: DatasetSpec): { key: string; validated: ValidatedSpec } {
  const key = specKey(spec);
  // biome-ignore lint/correctness/useExhaustiveDependencies: the key stands for the spec's content
  const validated = useMemo(() => validateSpec(spec), [key]);
  return { key, validated };
}

/** Any thrown value as an Error (a string or an object becomes its message). */
export function toError(error: unknown): Error {
  if (error instanceof Error) return error;
  return new Error(typeof error === 'string' ? error : `load failed: ${String(error)}`);
}

/** The progress of `loaded` out of `total` promotions. */
export function progressOf(loaded: number, total: number): LoadProgressValue {
  return { loaded, total, ratio: total > 0 ? Math.min(1, loaded / total) : 0 };
}

/** Milliseconds since `started`, to the tenth. */
export function since(started: number): number {
  return Math.round((performance.now() - started) * 10) / 10;
}

/** A run of a load: its signal, and `attempt` (0 for the first run of a spec, then 1, 2, … for each retry). */
export interface LoadRun {
  signal: AbortSignal;
  attempt: number;
}

/**
 * The lifecycle every loader shares: `start` runs in an effect for each distinct spec key and each retry, with a
 * signal that aborts when the key changes or on unmount (reason {@link SUPERSEDED}) and on `cancel()` (reason
 * {@link CANCELLED}). `start` must check `signal.aborted` before each state update, so an aborted load never shows
 * late rows.
 */
export function useLoadRun(key: string, start: (run: LoadRun) => void) {
  const [retries, setRetries] = useState({ key, attempt: 0 });
  const controllerRef = useRef<AbortController | null>(null);
  const keyRef = useRef(key);
  const startRun = useEffectEvent(start);
  // A new spec starts again from attempt 0; a retry of the same spec counts up.
  const attempt = retries.key === key ? retries.attempt : 0;

  useEffect(() => {
    keyRef.current = key;
    const controller = new AbortController();
    controllerRef.current = controller;
    startRun({ signal: controller.signal, attempt });
    return () => controller.abort(SUPERSEDED);
  }, [key, attempt]);

  const cancel = useCallback(() => {
    const controller = controllerRef.current;
    if (controller && !controller.signal.aborted) controller.abort(CANCELLED);
  }, []);
  const retry = useCallback(() => {
    const current = keyRef.current;
    setRetries((previous) => ({
      key: current,
      attempt: (previous.key === current ? previous.attempt : 0) + 1,
    }));
  }, []);
  return useMemo(() => ({ cancel, retry }), [cancel, retry]);
}

/** Calls `onCancelled` when `signal` aborts because of `cancel()` (not when a new spec replaces the load). */
export function onCancelled(signal: AbortSignal, onCancelled: () => void): void {
  signal.addEventListener('abort', () => {
    if (signal.reason === CANCELLED) onCancelled();
  });
}
