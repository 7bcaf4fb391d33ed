import { defineConfig } from 'vitest/config';

// The end-to-end tests: Node tests that drive Debian Chromium (Playwright, never a downloaded browser) against the
// built demo (dist/, from `pnpm build`) served on loopback. Screenshots go to test-results/.
export default defineConfig({
  test: {
    include: ['e2e/**/*.e2e.ts'],
    reporters: ['default', 'json'],
    outputFile: { json: 'test-results/vitest-e2e.json' },
    // One browser for the whole suite, one file at a time: 2 busy cores.
    fileParallelism: false,
    // Hang guards, not timings: every wait is on what a person sees (the status line, a chart, an alert).
    testTimeout: 90_000,
    hookTimeout: 60_000,
  },
});
