import react from '@vitejs/plugin-react';
import { playwright } from '@vitest/browser-playwright';
import { defineConfig } from 'vitest/config';
import { chromiumTestConfig } from '../../vitest.chromium.js';

export default defineConfig({
  plugins: [react()],
  // Serves public/mockServiceWorker.js (msw 2.15.0) at the root, where setupWorker registers it.
  publicDir: 'public',
  optimizeDeps: {
    // Pre-bundle the third-party dependencies up front, or Vite reloads the page mid-run when it finds them.
    include: [
      'react',
      'react-dom',
      'react-dom/client',
      'react/jsx-dev-runtime',
      'ag-grid-community',
      'ag-grid-react',
      'idb',
      'msw',
      'msw/browser',
      'vitest-browser-react',
      '@promoscale/api > zod',
      '@promoscale/api > hono',
      // Story files, imported by src/phases/story-ids.test.ts.
      'storybook/internal/csf',
      'storybook/test',
    ],
  },
  test: {
    ...chromiumTestConfig(playwright),
    include: ['src/**/*.test.{ts,tsx}', 'tests/browser/**/*.test.{ts,tsx}'],
  },
});
