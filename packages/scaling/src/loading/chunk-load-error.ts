import type { Promotion } from '@promoscale/generator';

/** Where a {@link ChunkLoadError} happened. */
export interface ChunkLoadErrorDetails {
  /** 1-based chunk number, as in progress reports. */
  chunk: number;
  totalChunks: number;
  startStore: number;
  endStore: number;
  /** Attempts made on this chunk (1 + retries). */
  attempts: number;
  /** Every row loaded before the failing chunk, in order. */
  partial: Promotion[];
}

/**
 * A chunk of {@link loadChunked} failed on every attempt. The message names the chunk and its store range, `cause`
 * is the last failure, and `partial` keeps the rows of the chunks before it, so nothing already loaded is lost:
 * they are exactly the dataset's rows up to store `startStore - 1`.
 * Not a `PromoscaleError`: it reports a failed load, not bad input, and carries data the caller needs (`partial`).
 *
 * @example
 * try { await loadChunked(spec) } catch (e) {
 *   if (e instanceof ChunkLoadError) grid.setRows(e.partial); // show what arrived, offer a retry
 * }
 */
export class ChunkLoadError extends Error {
  override readonly name = 'ChunkLoadError';
  readonly chunk: number;
  readonly totalChunks: number;
  readonly startStore: number;
  readonly endStore: number;
  readonly attempts: number;
  readonly partial: Promotion[];

  constructor(details: ChunkLoadErrorDetails, cause: unknown) {
    const reason = cause instanceof Error ? cause.message : String(cause);
    super(
      `chunk ${details.chunk} of ${details.totalChunks} (stores ${details.startStore}-${details.endStore}) ` +
        `failed after ${details.attempts} attempt${details.attempts === 1 ? '' : 's'}: ${reason}`,
      { cause },
    );
    this.chunk = details.chunk;
    this.totalChunks = details.totalChunks;
    this.startStore = details.startStore;
    this.endStore = details.endStore;
    this.attempts = details.attempts;
    this.partial = details.partial;
  }
}
