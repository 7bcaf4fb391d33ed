import { playwright } from '@vitest/browser-playwright';
import { defineConfig } from 'vitest/config';
import { enginesTestConfig } from '../../vitest.engines.js';

// The api's contract suite through @promoscale/msw/browser's Service Worker in Firefox and WebKit (Chromium, with
// the other browser tests: vitest.browser.config.ts).
export default defineConfig({
  // Serves public/mockServiceWorker.js at the root, where setupWorker registers it.
  publicDir: 'public',
  optimizeDeps: {
    // As in vitest.browser.config.ts: the third-party dependencies pre-bundled up front (no reload mid-run).
    include: ['msw', 'msw/browser', '@promoscale/api > zod', '@promoscale/api > hono'],
  },
  test: enginesTestConfig(playwright, ['tests/browser/contract.test.ts']),
});
