import { playwright } from '@vitest/browser-playwright';
import { defineConfig } from 'vitest/config';
import { chromiumTestConfig } from '../../vitest.chromium.js';

export default defineConfig({
  // Serves public/mockServiceWorker.js at the root, where setupWorker registers it.
  publicDir: 'public',
  optimizeDeps: {
    // Pre-bundle the third-party dependencies up front (no reload mid-run). The workspace packages stay out: they
    // are linked, so Vite serves their current dist/ instead of a pre-bundled copy that would go stale on rebuild.
    include: ['msw', 'msw/browser', '@promoscale/api > zod', '@promoscale/api > hono'],
  },
  test: {
    ...chromiumTestConfig(playwright),
  },
});
