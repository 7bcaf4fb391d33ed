import { type ContractContext, createContractContext } from './contract-context.js';
import type { ContractTestOptions } from './contract-options.js';
import { defineErrorTests } from './define-error-tests.js';
import { type HostileInputOptions, hostileInputCases } from './hostile-input-cases.js';

/** Registers {@link hostileInputCases} on a contract context: one group per class of hostile input. */
export function registerHostileInputTests(ctx: ContractContext, options: HostileInputOptions = {}): void {
  const cases = hostileInputCases(options);
  ctx.options.describe('hostile input', () => {
    for (const kind of new Set(cases.map((c) => c.kind))) {
      defineErrorTests(
        ctx,
        cases.filter((c) => c.kind === kind),
        kind,
      );
    }
  });
}

/**
 * Registers the hostile-input part of the contract suite alone, for in-process handlers that can take bigger
 * inputs than a real HTTP server (`hugeLength: 100_000`): malformed percent-escapes, huge ids and values, repeated,
 * mistyped, out-of-range and unknown parameters, wrong methods. Each must answer its 4xx with the JSON error body,
 * every issue named, and pass `auditResponse` (no 5xx, stack trace or file path; bounded messages).
 * `defineContractTests` already runs these cases with 2,000-character inputs.
 *
 * @example
 * import { defineHostileInputTests } from '@promoscale/api/contract';
 * import { describe, expect, it } from 'vitest';
 *
 * defineHostileInputTests({
 *   baseUrl: 'http://localhost',
 *   fetch: (url, init) => handler.fetch(new Request(url, init)),
 *   spec: { seed: 42, stores: 40 },
 *   hugeLength: 100_000,
 *   describe,
 *   it,
 *   expect,
 * });
 */
export function defineHostileInputTests(options: ContractTestOptions & HostileInputOptions): void {
  registerHostileInputTests(createContractContext(options), options);
}
