import { calibrate } from './calibrate.js';
import { estimateDatasetSize } from './estimate-dataset-size.js';
import { recommendApproach } from './recommend-approach.js';
import { generateScalingReport } from './scaling-report.js';

/**
 * The seed POC's `ScalingAnalysis` namespace, calibrated from our generator: `estimateDatasetSize(stores)`,
 * `recommendApproach(stores, budget?)`, `generateScalingReport(sizes)` and `calibrate()`. A plain object of the
 * same functions the package exports by name.
 *
 * @example
 * const estimate = ScalingAnalysis.estimateDatasetSize(25);
 * if (estimate.memory_requirement_mb > 1000) throw new Error('Dataset too large for browser memory');
 */
export const ScalingAnalysis = {
  estimateDatasetSize,
  recommendApproach,
  generateScalingReport,
  calibrate,
};
