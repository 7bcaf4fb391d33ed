export { DEFAULT_AS_OF } from './calendar/iso-date.js';
export { CATEGORIES, CATEGORY_MARGIN_TARGET, PRODUCTS } from './catalog/products.js';
export { DEFAULT_SEED, type NormalizedDatasetSpec, normalizeSpec } from './dataset-spec.js';
export { MAX_STORES, PromoscaleError, type PromoscaleErrorCode } from './errors.js';
export {
  type GeneratePromotionBytesOptions,
  generatePromotionBytes,
  type PromotionByteFormat,
} from './formats/generated-bytes.js';
export {
  parsePromotionsCsv,
  promotionCsvHeader,
  promotionToCsvLine,
  promotionToNdjsonLine,
} from './formats/promotion-csv.js';
export { PROMOTION_FIELD_UNITS, type PromotionFieldUnit } from './formats/promotion-field-units.js';
export {
  PROMOTION_BOOLEAN_FIELDS,
  PROMOTION_DATE_FIELDS,
  PROMOTION_FIELDS,
  PROMOTION_NUMBER_FIELDS,
  PROMOTION_STRING_FIELDS,
  type PromotionField,
} from './formats/promotion-fields.js';
export {
  type PromotionBytesOptions,
  promotionsToCsvBytes,
  promotionsToNdjsonBytes,
} from './formats/promotions-to-bytes.js';
export { generateStoreData } from './generate-store-data.js';
export { type BatchMetrics, computeBatchMetrics } from './metrics/batch-metrics.js';
export type { MemoryReport, MemorySource } from './monitoring/memory-sampler.js';
export {
  type BatchMetadata,
  type BatchResult,
  type ProcessBatchOptions,
  processBatch,
} from './process-batch.js';
export { slicePromotions } from './slice-promotions.js';
export {
  type StoreChunk,
  type StoreDataAsyncIteratorOptions,
  type StoreDataIteratorOptions,
  storeDataAsyncIterator,
  storeDataIterator,
} from './store-data-iterator.js';
export { CITIES_BY_REGION, REGIONS } from './stores/cities.js';
export { createStore, formatStoreId, parseStoreId, tryParseStoreId } from './stores/create-store.js';
export {
  isTemplateName,
  STORE_TEMPLATES,
  TEMPLATE_NAMES,
  type TemplateSelectionLabel,
} from './templates/store-templates.js';
export type {
  Category,
  DatasetSpec,
  GenerationOptions,
  Product,
  PromoType,
  Promotion,
  PromotionStatus,
  Region,
  Seasonality,
  Store,
  StoreTemplate,
  TemplateName,
  TemplateSelection,
  TemplateWeights,
} from './types.js';
export {
  type ValidationError,
  type ValidationExpectations,
  type ValidationResult,
  type ValidationRule,
  validatePromotions,
} from './validation/validate-promotions.js';
export { PROMO_TYPES, PROMOTION_STATUSES, PROMOTIONS_PER_STORE } from './variance/promotion-engine.js';
