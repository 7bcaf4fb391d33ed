import { playwright } from '@vitest/browser-playwright';
import { defineConfig } from 'vitest/config';
import { enginesTestConfig } from '../../vitest.engines.js';

// The cross-runtime determinism test in Firefox and WebKit (Chromium: vitest.browser.config.ts).
export default defineConfig({
  test: {
    ...enginesTestConfig(playwright, ['tests/browser/determinism.test.ts']),
    globalSetup: ['tests/browser/determinism.global-setup.ts'],
  },
});
