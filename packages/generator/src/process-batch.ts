import { createContext } from './dataset-spec.js';
import { assertInteger, assertStoreRange, MAX_STORES, PromoscaleError } from './errors.js';
import { type BatchMetrics, computeBatchMetrics } from './metrics/batch-metrics.js';
import { type MemoryReport, MemorySampler, now } from './monitoring/memory-sampler.js';
import { assertBoolean, readOptions } from './options/read-options.js';
import type { TemplateSelectionLabel } from './templates/store-templates.js';
import type { GenerationOptions, Promotion, StoreTemplate, TemplateSelection } from './types.js';
// Types only: processBatch never imports the validator, so an app that does not validate does not bundle it.
import type { ValidationExpectations, ValidationResult } from './validation/validate-promotions.js';
import { appendStorePromotions } from './variance/promotion-engine.js';

/** Options of {@link processBatch}. */
export interface ProcessBatchOptions extends GenerationOptions {
  /** Stores generated between memory samples. Does not change the rows. @default 10 */
  chunkSize?: number | undefined;
  /** Add `metrics` (revenue, lift, ROI summaries). @default false */
  includeMetrics?: boolean | undefined;
  /**
   * Add `validation`: pass the validator, `validatePromotions` (every invariant checked), imported beside
   * `processBatch`, so apps that never validate do not bundle it. `true` is rejected with INVALID_OPTION (the
   * seed-compatible `ScalingPOC.processBatch` of `@promoscale/scaling` still takes `true`). @default false
   */
  includeValidation?:
    | false
    | ((promotions: readonly Promotion[], expectations: ValidationExpectations) => ValidationResult)
    | undefined;
  /** Sample the heap between chunks into `metadata.memory`. @default false */
  memoryMonitoring?: boolean | undefined;
}

/** What a batch was and how long it took. */
// snake_case: the seed POC's name `promotions_per_second`, kept so its code and saved outputs read these objects unchanged.
export interface BatchMetadata {
  stores: number;
  promotions: number;
  startStore: number;
  endStore: number;
  template: TemplateSelectionLabel;
  templates: TemplateSelection;
  seed: number | string;
  asOf: string;
  chunkSize: number;
  chunks: number;
  /** Generation time only (not validation or metrics). */
  durationMs: number;
  promotions_per_second: number;
  memory?: MemoryReport | undefined;
}

/** The result of {@link processBatch}. */
export interface BatchResult {
  promotions: Promotion[];
  storeIds: string[];
  metadata: BatchMetadata;
  validation?: ValidationResult | undefined;
  metrics?: BatchMetrics | undefined;
}

/**
 * Generates stores `startStore..endStore` (inclusive) in one call. The rows equal the concatenation of
 * single-store calls and of `storeDataIterator` chunks, byte for byte, whatever `chunkSize` is.
 *
 * @example
 * const { promotions, storeIds, metadata } = processBatch(1, 5, 'SUBURBAN_FAMILY');
 * promotions.length; // 150
 * storeIds; // ['STORE_001', …, 'STORE_005']
 */
export function processBatch(
  startStore: number,
  endStore: number,
  template: TemplateSelection | StoreTemplate = 'MIXED',
  optionsArg?: ProcessBatchOptions | null,
): BatchResult {
  assertStoreRange(startStore, endStore);
  const options = readOptions(optionsArg, 'options');
  const ctx = createContext(template, options);
  const chunkSize = options.chunkSize ?? 10;
  assertInteger(chunkSize, 'options.chunkSize', 'INVALID_CHUNK_SIZE', 1, MAX_STORES);
  const flags = {
    includeMetrics: options.includeMetrics ?? false,
    memoryMonitoring: options.memoryMonitoring ?? false,
  };
  for (const [name, value] of Object.entries(flags)) assertBoolean(value, `options.${name}`);
  const validate = readValidator(options.includeValidation);

  const sampler = flags.memoryMonitoring ? new MemorySampler() : null;
  const stores = endStore - startStore + 1;
  const promotions: Promotion[] = [];
  const storeIds: string[] = new Array(stores);
  const started = now();
  let chunks = 0;
  for (let chunkStart = startStore; chunkStart <= endStore; chunkStart += chunkSize) {
    const chunkEnd = Math.min(endStore, chunkStart + chunkSize - 1);
    for (let s = chunkStart; s <= chunkEnd; s++) {
      storeIds[s - startStore] = appendStorePromotions(ctx, s, promotions).store.storeId;
    }
    chunks++;
    sampler?.sample();
  }
  const durationMs = now() - started;

  const metadata: BatchMetadata = {
    stores,
    promotions: promotions.length,
    startStore,
    endStore,
    template: ctx.templateLabel,
    templates: ctx.selection,
    seed: ctx.seed,
    asOf: ctx.asOf,
    chunkSize,
    chunks,
    durationMs: Math.round(durationMs * 1000) / 1000,
    // Clocks can read 0 for tiny batches: count at least one microsecond.
    promotions_per_second: Math.round((promotions.length * 1000) / Math.max(durationMs, 0.001)),
  };
  if (sampler) metadata.memory = sampler.report();
  const result: BatchResult = { promotions, storeIds, metadata };
  if (validate) result.validation = validate(promotions, { asOf: ctx.asOf, stores: storeIds });
  if (flags.includeMetrics) result.metrics = computeBatchMetrics(promotions);
  return result;
}

/** The validator `processBatch` runs: {@link ProcessBatchOptions.includeValidation} once read. */
type Validator = NonNullable<ProcessBatchOptions['includeValidation']>;

/**
 * `options.includeValidation` as the validator to run, or null (absent, null or false). Anything else, `true`
 * included, throws INVALID_OPTION: `true` would need the validator bundled with every `processBatch` import.
 */
function readValidator(value: unknown): Validator | null {
  if (value === undefined || value === null || value === false) return null;
  if (typeof value !== 'function') {
    throw new PromoscaleError(
      'INVALID_OPTION',
      'options.includeValidation',
      value,
      "false or a validator such as validatePromotions (import { validatePromotions } from '@promoscale/generator')",
    );
  }
  return value as Validator;
}
