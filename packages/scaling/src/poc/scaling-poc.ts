import { generateStoreData, processBatch, STORE_TEMPLATES, storeDataIterator } from '@promoscale/generator';
import { ScalingAnalysis } from '../analysis/scaling-analysis.js';

/**
 * The seed POC's `ScalingPOC` namespace, so its "Implementation Guide" code runs with only the import line
 * changed. The generator functions are `@promoscale/generator`'s own (not wrapped): rows are identical to
 * calling them directly.
 *
 * @example
 * import { ScalingPOC } from '@promoscale/scaling';
 * const result = ScalingPOC.processBatch(1, 25, 'SUBURBAN_FAMILY', { chunkSize: 10, includeMetrics: true });
 * const estimate = ScalingPOC.ScalingAnalysis.estimateDatasetSize(25);
 */
export const ScalingPOC = {
  processBatch,
  storeDataIterator,
  generateStoreData,
  // The seed's name for the generator's STORE_TEMPLATES: its guide reads `ScalingPOC.groupTemplates.…`.
  groupTemplates: STORE_TEMPLATES,
  ScalingAnalysis,
};
