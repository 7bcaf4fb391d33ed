// Shared by every package's vitest.config.ts. Listed in turbo.json's globalDependencies (test-support/**).

/**
 * The `test` part of a package's Node config: the `*.test.ts` files beside the code in `src/` and in `tests/`,
 * except `tests/browser/` (Chromium runs those, see vitest.chromium.ts), and results in
 * `test-results/vitest.json`, which scripts/test-totals.mjs adds up for CI.
 */
export function nodeTestConfig() {
  return {
    include: ['src/**/*.test.ts', 'tests/**/*.test.ts'],
    exclude: ['**/node_modules/**', 'tests/browser/**'],
    reporters: ['default', 'json'],
    outputFile: { json: 'test-results/vitest.json' },
    // A timeout here catches a hang, not slowness: turbo runs several suites side by side on a 2-core CI machine,
    // where Vitest's 5 s default failed tests that take 1 s on a quiet one. Heavier tests set their own budget.
    testTimeout: 30_000,
    hookTimeout: 30_000,
  };
}
