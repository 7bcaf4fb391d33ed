import { playwright } from '@vitest/browser-playwright';
import { defineConfig } from 'vitest/config';

// Debian's Chromium, never a Playwright download (`playwright install` cannot reach its CDN here).
const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export default defineConfig({
  // Serves public/mockServiceWorker.js at the root, where setupWorker registers it.
  publicDir: 'public',
  optimizeDeps: {
    // Pre-bundle the third-party dependencies up front (no reload mid-run). The workspace packages stay out: they
    // are linked, so Vite serves their current dist/ instead of a pre-bundled copy that would go stale on rebuild.
    include: ['msw', 'msw/browser', '@promoscale/api > zod', '@promoscale/api > hono'],
  },
  test: {
    include: ['tests/browser/**/*.test.ts'],
    reporters: ['default', 'json'],
    outputFile: { json: 'test-results/vitest-browser.json' },
    testTimeout: 30_000,
    browser: {
      enabled: true,
      headless: true,
      screenshotFailures: false,
      provider: playwright({
        launchOptions: {
          executablePath,
          args: [
            '--headless',
            '--no-sandbox',
            '--disable-gpu',
            '--disable-quic',
            '--disable-background-networking',
            '--disable-component-update',
            '--disable-sync',
            '--no-first-run',
          ],
        },
      }),
      instances: [{ browser: 'chromium' }],
    },
  },
});
