import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'tests/**/*.test.ts'],
    // The browser suites run in Chromium through vitest.browser.config.ts.
    exclude: ['**/node_modules/**', 'tests/browser/**'],
    reporters: ['default', 'json'],
    outputFile: { json: 'test-results/vitest.json' },
  },
});
