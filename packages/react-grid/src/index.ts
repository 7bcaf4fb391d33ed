export { hashGridRows, hashRows, type RowsDigest, type RowsSource } from './loaders/hash-rows.js';
export type { LoadProgress, LoadState, LoadStatus, LoadTimings } from './loaders/load-lifecycle.js';
export { STREAMING_ENCODING } from './loaders/streaming-encoding.js';
export {
  type ChunkedLoadHookOptions,
  type ChunkedLoadState,
  useChunkedLoad,
} from './loaders/use-chunked-load.js';
export {
  type SingleBatchOptions,
  type SingleBatchState,
  useSingleBatch,
} from './loaders/use-single-batch.js';
export {
  type StreamingGridApi,
  type StreamingLoadOptions,
  type StreamingLoadState,
  useStreamingLoad,
} from './loaders/use-streaming-load.js';
export { PHASE_LABELS, PhaseBadge, type PhaseBadgeProps } from './panels/phase-badge.js';
