import { defineConfig } from 'vitest/config';

// `test:size` (root): the tests of scripts/size.mjs, in Node. Results in test-results/vitest-size.json, which
// scripts/test-totals.mjs adds up for CI with the rest.
export default defineConfig({
  test: {
    name: 'size',
    include: ['tests/size/**/*.test.ts'],
    reporters: ['default', 'json'],
    outputFile: { json: 'test-results/vitest-size.json' },
    // Each test builds one package's headline import twice with Vite (a few seconds when quiet): a timeout here
    // catches a hang, not slowness, on a loaded 2-core CI machine.
    testTimeout: 180_000,
  },
});
