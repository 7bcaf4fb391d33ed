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
