import { badInputCases } from './bad-input-cases.js';
import { createContractContext } from './contract-context.js';
import type { ContractTestOptions } from './contract-options.js';
import { defineErrorTests } from './define-error-tests.js';
import { defineEstimateTests, estimateBadInputCases } from './define-estimate-tests.js';
import { registerHostileInputTests } from './define-hostile-input-tests.js';
import { defineReadTests } from './define-read-tests.js';
import { defineStreamTests } from './define-stream-tests.js';
import { defineSummaryTests } from './define-summary-tests.js';

/**
 * Registers the contract test suite of DOMAIN.md section 6 against any server of the API: every route's status
 * codes and bodies (validated by the zod schemas), paging, each filter, `q`, sorting on every field with the `id`
 * tie-break, summaries that add up, exports that parse back (NDJSON and CSV), SSE resume by `Last-Event-ID`,
 * the scaling estimate, every bad input (hostile ones too: malformed percent-escapes, huge ids) answered
 * 400/404/405 with a JSON body free of stacks and paths, and a few hundred seeded random
 * queries compared with a straightforward filter/sort/slice over `processBatch` output. Pass your runner's
 * `describe`, `it` and `expect` (the package has no runtime dependency on a test runner).
 *
 * @example
 * // my-server.contract.test.ts
 * import { defineContractTests } from '@promoscale/api/contract';
 * import { describe, expect, it } from 'vitest';
 *
 * defineContractTests({ baseUrl: 'http://localhost:3000', spec: { seed: 42, stores: 40 }, describe, it, expect });
 */
export function defineContractTests(options: ContractTestOptions): void {
  const ctx = createContractContext(options);
  options.describe(
    `promoscale API contract (${ctx.spec.stores} stores, seed ${String(ctx.spec.seed)})`,
    () => {
      defineReadTests(ctx);
      defineSummaryTests(ctx);
      defineStreamTests(ctx);
      const estimate = options.estimate ?? true;
      if (estimate) defineEstimateTests(ctx);
      defineErrorTests(ctx, [
        ...badInputCases(ctx.spec.stores),
        ...(estimate ? estimateBadInputCases() : []),
      ]);
      registerHostileInputTests(ctx);
    },
  );
}
