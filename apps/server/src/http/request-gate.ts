/** A bound on requests handled at once; the others wait their turn in arrival order. */
export interface RequestGate {
  /**
   * Resolves with `true` once the caller may run (call {@link RequestGate.release} when done), or with `false`
   * when `signal` aborts first (the caller never ran and must not release).
   */
  acquire(signal: AbortSignal): Promise<boolean>;
  /** Frees the slot of a caller that ran: the longest-waiting caller runs next. */
  release(): void;
  /** Callers running now. */
  readonly running: number;
  /** Callers waiting now. */
  readonly waiting: number;
}

/**
 * A first-in, first-out gate that lets `limit` callers run at once and queues the rest (it never refuses one):
 * a caller whose `signal` aborts while it waits (its deadline) leaves the queue without running.
 */
export function createRequestGate(limit: number): RequestGate {
  let running = 0;
  // A Set keeps insertion order and removes a waiter that gave up in O(1).
  const queue = new Set<() => void>();
  return {
    acquire(signal) {
      if (signal.aborted) return Promise.resolve(false);
      if (running < limit && queue.size === 0) {
        running += 1;
        return Promise.resolve(true);
      }
      return new Promise<boolean>((resolve) => {
        const onAbort = () => {
          queue.delete(start);
          resolve(false);
        };
        const start = () => {
          signal.removeEventListener('abort', onAbort);
          resolve(true);
        };
        queue.add(start);
        signal.addEventListener('abort', onAbort, { once: true });
      });
    },
    release() {
      const next = queue.values().next();
      if (next.done) {
        running -= 1;
        return;
      }
      // The slot passes straight to the next waiter: `running` stays the same.
      queue.delete(next.value);
      next.value();
    },
    get running() {
      return running;
    },
    get waiting() {
      return queue.size;
    },
  };
}
