import type { DatasetSpec } from '@promoscale/generator';
import type { FetchLike } from '../client/create-client.js';

/** The assertions the suite uses; vitest's and Jest's `expect` fit. */
export interface ContractAssertion {
  toBe(expected: unknown): void;
  toEqual(expected: unknown): void;
  toBeGreaterThan(expected: number): void;
  toBeLessThanOrEqual(expected: number): void;
  toContain(expected: unknown): void;
  toMatch(expected: RegExp | string): void;
}

/** `expect(actual, message?)`, as vitest exports it. */
export type ContractExpect = (actual: unknown, message?: string) => ContractAssertion;
/** `it(name, fn, timeout?)`, as vitest exports it. */
export type ContractIt = (name: string, fn: () => Promise<void>, timeout?: number) => void;
/** `describe(name, fn)`, as vitest exports it. */
export type ContractDescribe = (name: string, fn: () => void) => void;

/** Options of `defineContractTests`. */
export interface ContractTestOptions {
  /** What comes before `/api`: `'http://localhost:3000'`, or any origin your `fetch` understands. */
  baseUrl: string;
  /** The fetch that reaches the server under test. @default globalThis.fetch */
  fetch?: FetchLike | undefined;
  /** The DatasetSpec the server serves: the suite generates the same rows with `processBatch` as its reference. */
  spec: DatasetSpec;
  /** The path the API lives under. @default '/api' */
  basePath?: string | undefined;
  /** Test functions of your runner (vitest: `import { describe, it, expect } from 'vitest'`). */
  describe: ContractDescribe;
  it: ContractIt;
  expect: ContractExpect;
  /** Random promotions queries compared with the reference (summaries get a fifth as many). @default 200 */
  randomQueries?: number | undefined;
  /** Seed of the random queries. @default 20260601 */
  seed?: number | undefined;
  /** Timeout of each test, in milliseconds. @default 60000 */
  timeoutMs?: number | undefined;
  /** Whether to test `GET /api/scaling/estimate`. @default true */
  estimate?: boolean | undefined;
}
