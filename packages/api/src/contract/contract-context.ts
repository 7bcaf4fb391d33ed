import {
  type NormalizedDatasetSpec,
  normalizeSpec,
  type Promotion,
  processBatch,
} from '@promoscale/generator';
import type { z } from 'zod';
import type { FetchLike } from '../client/create-client.js';
import type { ContractAssertion, ContractTestOptions } from './contract-options.js';

/** What every group of the contract suite shares: HTTP helpers, the reference rows and the test functions. */
export interface ContractContext {
  readonly options: ContractTestOptions;
  readonly spec: NormalizedDatasetSpec;
  readonly timeoutMs: number;
  /** Full URL of a path under the base path (`/promotions?limit=5`). */
  url(path: string): string;
  request(path: string, init?: RequestInit): Promise<Response>;
  /** GETs JSON: asserts the status and the JSON content type, validates the body with `schema`, returns it as sent. */
  getJson<S extends z.ZodType>(path: string, schema: S, status?: number): Promise<z.output<S>>;
  /** Every promotion of the dataset, from `processBatch`, in dataset order (JSON round-tripped). */
  rows(): Promotion[];
  expect(actual: unknown, message?: string): ContractAssertion;
  it(name: string, fn: () => Promise<void>): void;
}

/** JSON content type, with or without the UTF-8 charset. */
export const JSON_TYPE = /^application\/json(;\s*charset=utf-8)?$/i;

/** Builds the shared context of a contract run. */
export function createContractContext(options: ContractTestOptions): ContractContext {
  const spec = normalizeSpec(options.spec);
  const fetchImpl: FetchLike = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  const prefix = `${options.baseUrl.replace(/\/+$/, '')}${(options.basePath ?? '/api').replace(/\/+$/, '')}`;
  const timeoutMs = options.timeoutMs ?? 60_000;
  let rows: Promotion[] | undefined;
  const context: ContractContext = {
    options,
    spec,
    timeoutMs,
    url: (path) => `${prefix}${path}`,
    request: (path, init) => fetchImpl(`${prefix}${path}`, init),
    async getJson(path, schema, status = 200) {
      const response = await context.request(path);
      const text = await response.text();
      options.expect(response.status, `status of GET ${path}: ${text.slice(0, 300)}`).toBe(status);
      options
        .expect(response.headers.get('content-type') ?? '', `content-type of GET ${path}`)
        .toMatch(JSON_TYPE);
      const body: unknown = JSON.parse(text);
      const parsed = schema.safeParse(body);
      if (!parsed.success) {
        options.expect(parsed.error.issues.slice(0, 3), `body of GET ${path} against the schema`).toEqual([]);
      }
      // The body as sent (not the parsed copy), so extra keys and key order stay visible to the tests.
      return body as z.output<typeof schema>;
    },
    rows() {
      rows ??= JSON.parse(
        JSON.stringify(
          processBatch(1, spec.stores, spec.templates, { seed: spec.seed, asOf: spec.asOf }).promotions,
        ),
      ) as Promotion[];
      return rows;
    },
    expect: (actual, message) => options.expect(actual, message),
    it: (name, fn) => options.it(name, fn, timeoutMs),
  };
  return context;
}
