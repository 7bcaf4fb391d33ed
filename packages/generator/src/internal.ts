// `@promoscale/generator/internal`: what the sibling packages (scaling, api, msw, react-grid) build on and a user
// of the generator does not need: the generation context behind the random-access functions, the hashes and seeded
// streams of the one PRNG module (decision 0001), the money rule live updates reuse, the event-loop yield of the
// async iterators, the memory reader, `median`, the engine's row sinks (rows without objects: the server's COPY) and the engine without output (for benchmarks), ISO-date helpers and the door checks that throw the generator's
// `PromoscaleError`. Not covered by the main entry's promises: names here can change in any minor release. Users
// import from `@promoscale/generator`.
export { formatIsoDate, parseIsoDate } from './calendar/iso-date.js';
// Type-only: what a GenerationContext holds.
export type { PromotionCalendar } from './calendar/promotion-calendar.js';
export { createContext, type GenerationContext, specContext, validateSeed } from './dataset-spec.js';
export { assertInteger } from './errors.js';
export { median } from './metrics/median.js';
export {
  type MemoryEnvironment,
  type MemoryReading,
  type MemoryReadingSource,
  readMemoryOf,
} from './monitoring/read-memory.js';
export {
  assertBoolean,
  assertFiniteNumber,
  assertFunction,
  assertObject,
  assertOneOf,
  type NumberRange,
  readOptions,
  readSignal,
} from './options/read-options.js';
export {
  createTextRandom,
  cyrb128,
  fmix32,
  fnv1a32,
  hashPair32,
  type SeedHash,
} from './random/prng.js';
export type { StoreProfile } from './stores/create-store.js';
export type { TemplatePicker } from './templates/store-templates.js';
export {
  addPromotionUnits,
  buildPromotionRow,
  emitStorePromotions,
  generateWithoutOutput,
  type PromotionDraft,
  type PromotionSink,
  promotionNumbersOf,
  type RowStore,
  setRowStore,
} from './variance/promotion-engine.js';
export { yieldToEventLoop } from './yield-to-event-loop.js';
