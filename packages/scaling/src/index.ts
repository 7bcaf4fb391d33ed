// Analysis: estimates, calibration, recommendation, the scaling report, and the seed's namespaces.
export {
  type ApproachThresholds,
  type BudgetExcess,
  DEFAULT_THRESHOLDS,
  SCALING_APPROACHES,
  type ScalingApproach,
  type ScalingBudget,
} from './analysis/approach-thresholds.js';
export { type CalibrateOptions, calibrate } from './analysis/calibrate.js';
export {
  type CalibrationSource,
  DEFAULT_CALIBRATION,
  type ScalingCalibration,
  type ThroughputPoint,
} from './analysis/default-calibration.js';
export {
  type DatasetSizeEstimate,
  type EstimateOptions,
  estimateDatasetSize,
} from './analysis/estimate-dataset-size.js';
export { type MeasuredDataset, type MeasureOptions, measureDataset } from './analysis/measure-dataset.js';
export {
  type ApproachRecommendation,
  type RecommendOptions,
  recommendApproach,
} from './analysis/recommend-approach.js';
export {
  classifyRisk,
  RISK_LEVELS,
  RISK_LIMITS,
  type RiskFigures,
  type RiskLevel,
  type RiskLimit,
  type RiskLimits,
} from './analysis/risk-level.js';
export { ScalingAnalysis } from './analysis/scaling-analysis.js';
export {
  type EstimateErrors,
  generateScalingReport,
  type MeasuredFigures,
  type ScalingReport,
  type ScalingReportOptions,
  type ScalingReportRow,
  SEED_TABLE_SIZES,
} from './analysis/scaling-report.js';
// Loading strategies.
export { ChunkLoadError, type ChunkLoadErrorDetails } from './loading/chunk-load-error.js';
export { generateStoreRange } from './loading/generate-store-range.js';
export {
  type ChunkedLoadOptions,
  type ChunkedLoadProgress,
  type ChunkedLoadResult,
  type ChunkLoader,
  type ChunkRetry,
  loadChunked,
} from './loading/load-chunked.js';
export { loadSingleBatch, type SingleBatchResult } from './loading/load-single-batch.js';
export { type StreamPromotionsOptions, streamPromotions } from './loading/stream-promotions.js';
// Memory monitoring.
export {
  type LogScalingEventOptions,
  logScalingEvent,
  type ScalingEventData,
  type ScalingEventInput,
  type ScalingLogRecord,
} from './monitoring/log-scaling-event.js';
export {
  type MemoryEnvironment,
  type MemoryReading,
  type MemoryReadingSource,
  measureMemory,
  readMemory,
} from './monitoring/read-memory.js';
export {
  type AlertKind,
  type AlertThresholds,
  createScalingMonitor,
  DEFAULT_ALERT_THRESHOLDS,
  type ScalingAlert,
  type ScalingMonitor,
  type ScalingMonitorOptions,
  type ScalingMonitorSummary,
} from './monitoring/scaling-monitor.js';
export { ScalingPOC } from './poc/scaling-poc.js';
// Workers.
export type { NodeWorkerLike, WebWorkerLike, WorkerLike, WorkerSource } from './workers/connect-worker.js';
export { servePromotions, type WorkerEndpoint } from './workers/serve-promotions.js';
export {
  DEFAULT_WORKER_ENCODING,
  type StreamInWorkerOptions,
  streamPromotionsInWorker,
} from './workers/stream-promotions-in-worker.js';
// The worker protocol's messages (requests, chunks, errors) stay inside the package: a custom worker script
// passes them through `servePromotions` without naming them.
export { WORKER_ENCODINGS, type WorkerEncoding } from './workers/worker-protocol.js';
