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
  };
}
