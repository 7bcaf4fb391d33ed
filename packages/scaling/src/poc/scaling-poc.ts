import {
  type BatchResult,
  generateStoreData,
  type ProcessBatchOptions,
  processBatch,
  STORE_TEMPLATES,
  type StoreTemplate,
  storeDataIterator,
  type TemplateSelection,
  validatePromotions,
} from '@promoscale/generator';
import { ScalingAnalysis } from '../analysis/scaling-analysis.js';

/**
 * The seed POC's `ScalingPOC` namespace, so its "Implementation Guide" code runs with only the import line
 * changed. `storeDataIterator` and `generateStoreData` are `@promoscale/generator`'s own; `processBatch` is the
 * generator's with the seed's `includeValidation: true` accepted. Rows are identical to calling the generator.
 *
 * @example
 * import { ScalingPOC } from '@promoscale/scaling';
 * const result = ScalingPOC.processBatch(1, 25, 'SUBURBAN_FAMILY', { chunkSize: 10, includeValidation: true });
 * const estimate = ScalingPOC.ScalingAnalysis.estimateDatasetSize(25);
 */
export const ScalingPOC = {
  /**
   * The generator's `processBatch` with the seed's `includeValidation: true` accepted (it runs the generator's
   * `validatePromotions`); the generator's own takes the validator as the option's value, so that apps that never
   * validate do not bundle it (decision 0015-process-batch-validation).
   */
  processBatch: (
    startStore: number,
    endStore: number,
    template?: TemplateSelection | StoreTemplate,
    options?:
      | (Omit<ProcessBatchOptions, 'includeValidation'> & {
          /** `true` runs `validatePromotions`, as in the seed; `false` or a validator as in the generator. */
          includeValidation?: boolean | ProcessBatchOptions['includeValidation'];
        })
      | null,
  ): BatchResult =>
    processBatch(
      startStore,
      endStore,
      template,
      (options?.includeValidation === true
        ? { ...options, includeValidation: validatePromotions }
        : options) as ProcessBatchOptions | null | undefined,
    ),
  storeDataIterator,
  generateStoreData,
  // The seed's name for the generator's STORE_TEMPLATES: its guide reads `ScalingPOC.groupTemplates.…`.
  groupTemplates: STORE_TEMPLATES,
  ScalingAnalysis,
};
