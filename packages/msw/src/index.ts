export {
  type CreateHandlersOptions,
  createHandlers,
  DEFAULT_DATASET,
  type LiveStreamOptions,
} from './handlers/create-handlers.js';
export type { FaultRule } from './network/create-fault-plan.js';
export {
  LATENCY_PRESETS,
  type LatencyDistribution,
  type LatencyOption,
  type LatencyPreset,
} from './network/create-latency-sampler.js';
export {
  createNetwork,
  type DelayFunction,
  type NetworkController,
  type NetworkDecision,
  type NetworkProfile,
} from './network/create-network.js';
export { FAULT_HEADER, type FaultSource } from './network/fault-response.js';
