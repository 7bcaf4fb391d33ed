import { playwright } from '@vitest/browser-playwright';
import { defineConfig } from 'vitest/config';
import { chromiumTestConfig } from '../../vitest.chromium.js';

export default defineConfig({
  test: {
    ...chromiumTestConfig(playwright),
    // Hashes the determinism cases in Node and provides the digests to the browser tests.
    globalSetup: ['tests/browser/determinism.global-setup.ts'],
  },
});
