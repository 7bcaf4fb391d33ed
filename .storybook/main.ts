import { fileURLToPath } from 'node:url';
import type { StorybookConfig } from '@storybook/react-vite';

const reactGridSource = fileURLToPath(new URL('../packages/react-grid/src/index.ts', import.meta.url));

const config: StorybookConfig = {
  // Stories and docs pages sit beside the components they show.
  stories: ['../packages/react-grid/src/**/*.mdx', '../packages/react-grid/src/**/*.stories.@(ts|tsx)'],
  addons: [
    '@storybook/addon-docs',
    '@storybook/addon-a11y',
    '@storybook/addon-vitest',
    'msw-storybook-addon',
  ],
  framework: { name: '@storybook/react-vite', options: {} },
  core: { disableTelemetry: true },
  // mockServiceWorker.js (msw 2.15.0), served at the root where setupWorker registers it.
  staticDirs: ['../public'],
  async viteFinal(viteConfig) {
    const { mergeConfig } = await import('vite');
    return mergeConfig(viteConfig, {
      // Stories import the package by its public name, as a consumer would; Storybook serves its source so an edit
      // shows at once. The other workspace packages resolve to their built dist/ like in a consumer's app.
      resolve: { alias: { '@promoscale/react-grid': reactGridSource } },
      optimizeDeps: {
        // Pre-bundle the heavy third-party dependencies up front, or Vite reloads the page mid-test on discovery.
        include: [
          'react',
          'react-dom',
          'react-dom/client',
          'ag-grid-community',
          'ag-grid-react',
          'msw',
          'msw/browser',
          '@promoscale/msw > @promoscale/api > zod',
          '@promoscale/msw > @promoscale/api > hono',
        ],
      },
      worker: { format: 'es' },
    });
  },
};

export default config;
