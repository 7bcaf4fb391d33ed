import { defineConfig } from 'vitest/config';

// The "Scaling phases" stories of storybook-static/ in Firefox and WebKit (tests/engines/, one file per engine, run
// side by side); Chromium runs them as story tests (vitest.config.ts). The root `test:engines` task.
export default defineConfig({
  test: {
    name: 'engine-stories',
    include: ['tests/engines/*.check.ts'],
    reporters: ['default', 'json'],
    outputFile: { json: 'test-results/vitest-engine-stories.json' },
    testTimeout: 180_000,
    hookTimeout: 60_000,
  },
});
