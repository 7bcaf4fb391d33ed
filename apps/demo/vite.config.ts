import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/** The fixed port `pnpm start` serves the built demo on (scripts/serve.mjs). */
export const DEMO_PORT = 4173;

export default defineConfig({
  plugins: [react()],
  // MSW's mockServiceWorker.js, kept up to date by msw's postinstall in the root public/ (the root package.json's
  // msw.workerDirectory), the one Storybook serves too: no second copy to drift.
  publicDir: '../../public',
  // Relative asset URLs: the built demo works from any path of a static server.
  base: './',
  build: {
    target: 'es2022',
    sourcemap: false,
    reportCompressedSize: false,
    // The charts chunk (AG Charts, ~1.3 MB minified, 380 KB gzip) loads after the rows, never on the first screen;
    // `pnpm --filter @promoscale/demo bench` checks the first screen against its own budget.
    chunkSizeWarningLimit: 1_500,
  },
  worker: { format: 'es' },
  preview: { port: DEMO_PORT, strictPort: true, host: '127.0.0.1' },
});
