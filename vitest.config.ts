import { fileURLToPath } from 'node:url';
import { storybookTest } from '@storybook/addon-vitest/vitest-plugin';
import { playwright } from '@vitest/browser-playwright';
import { defineConfig } from 'vitest/config';
import { chromiumTestConfig } from './vitest.chromium.js';

// The root config runs only the story tests: every story of .storybook/ rendered in headless Debian Chromium, its
// play function and the a11y checks. Each package has its own vitest config and never picks this one up.
const chromium = chromiumTestConfig(playwright);

export default defineConfig({
  plugins: [
    storybookTest({
      configDir: fileURLToPath(new URL('.storybook', import.meta.url)),
    }),
  ],
  publicDir: 'public',
  test: {
    name: 'storybook',
    reporters: chromium.reporters,
    outputFile: { json: 'test-results/vitest-storybook.json' },
    testTimeout: chromium.testTimeout,
    browser: chromium.browser,
  },
});
