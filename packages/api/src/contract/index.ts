// Type-only, from the main entry: the client's `fetch` type, which ContractTestOptions takes.
export type { FetchLike } from '../client/create-client.js';
export { auditResponse, findResponseLeaks, MAX_ERROR_MESSAGE_LENGTH } from './audit-response.js';
export { type BadInputCase, badInputCases } from './bad-input-cases.js';
export type {
  ContractAssertion,
  ContractDescribe,
  ContractExpect,
  ContractIt,
  ContractTestOptions,
} from './contract-options.js';
export { defineContractTests } from './define-contract-tests.js';
export { estimateBadInputCases } from './define-estimate-tests.js';
export { defineHostileInputTests } from './define-hostile-input-tests.js';
export {
  HOSTILE_URL_FRAGMENTS,
  type HostileInputCase,
  type HostileInputKind,
  type HostileInputOptions,
  hostileInputCases,
} from './hostile-input-cases.js';
export { createRandom, type Random } from './random-queries.js';
export {
  type ReferenceFigures,
  type ReferenceQuery,
  referencePage,
  referenceSearchParams,
  referenceSelect,
  referenceSummary,
} from './reference-model.js';
