/** Options of {@link createBackgroundQueue}. */
export interface BackgroundQueueOptions {
  /** Stops the queue: the running task is aborted, tasks not yet started are dropped, and none starts after. */
  signal: AbortSignal;
  /** How long no block may have been asked for before a task starts, in milliseconds. */
  quietMs: number;
}

/**
 * Work for the queue. `interrupted` aborts when the grid asks for a block while the task runs (a task that then
 * rejects runs again, from the start, once the grid is quiet; one that resolves is done) and when the queue stops.
 * A task that rejects for any other reason is dropped, so it reports its own failures.
 */
export type BackgroundTask = (interrupted: AbortSignal) => Promise<void>;

/** What {@link createBackgroundQueue} returns. */
export interface BackgroundQueue {
  /** Marks a block request as under way until the returned function is called: no task starts meanwhile. */
  busy(): () => void;
  /** Adds a task. Tasks run one at a time, in order. */
  add(task: BackgroundTask): void;
}

/**
 * Work that can wait (revalidating a block shown from the cache, writing a fetched block to the cache) without
 * standing in the way of the blocks the grid is waiting for: a task starts only when no block request is under way
 * and none has been for `quietMs`, and a block request preempts the running task, so while a person scrolls every
 * block is answered first and the checks and writes follow when the scrolling pauses.
 */
export function createBackgroundQueue({ signal, quietMs }: BackgroundQueueOptions): BackgroundQueue {
  const tasks: BackgroundTask[] = [];
  let requests = 0;
  let running: AbortController | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const stopTimer = () => {
    clearTimeout(timer);
    timer = undefined;
  };
  const schedule = () => {
    stopTimer();
    if (running || requests > 0 || tasks.length === 0 || signal.aborted) return;
    timer = setTimeout(run, quietMs);
  };
  const run = async () => {
    timer = undefined;
    const task = tasks.shift();
    if (!task || signal.aborted) return;
    const interruption = new AbortController();
    running = interruption;
    try {
      await task(interruption.signal);
    } catch {
      if (interruption.signal.aborted && !signal.aborted) tasks.unshift(task);
    } finally {
      running = null;
      schedule();
    }
  };

  signal.addEventListener(
    'abort',
    () => {
      stopTimer();
      tasks.length = 0;
      running?.abort(signal.reason);
    },
    { once: true },
  );

  return {
    busy() {
      requests += 1;
      stopTimer();
      running?.abort(new DOMException('The grid asked for a block', 'AbortError'));
      let ended = false;
      return () => {
        if (ended) return;
        ended = true;
        requests -= 1;
        schedule();
      };
    },
    add(task) {
      tasks.push(task);
      schedule();
    },
  };
}
