/**
 * Work written as a generator that `yield`s between steps of about one pass over every row, so the same code can
 * run at once (a small table, a synchronous caller) or a step per task (a big table in a browser page).
 */
export type Steps<T> = Generator<void, T>;

/** Runs `steps` to the end at once. */
export function runSteps<T>(steps: Steps<T>): T {
  let step = steps.next();
  while (!step.done) step = steps.next();
  return step.value;
}

/** Runs `steps`, awaiting `pause()` between two steps (e.g. `yieldToEventLoop`). */
export async function runStepsPaused<T>(steps: Steps<T>, pause: () => Promise<void>): Promise<T> {
  let step = steps.next();
  while (!step.done) {
    await pause();
    step = steps.next();
  }
  return step.value;
}

/** Rows a step covers at most when a pass over every row is cut into steps. */
export const SLICE_ROWS = 1 << 18;

/** Runs `pass(from, to)` over `0..n` in slices of `size` rows, a step each. */
export function* inSlices(n: number, size: number, pass: (from: number, to: number) => void): Steps<void> {
  for (let from = 0; from < n; from += size) {
    if (from > 0) yield;
    pass(from, Math.min(n, from + size));
  }
}
