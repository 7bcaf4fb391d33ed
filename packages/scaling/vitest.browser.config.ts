import { playwright } from '@vitest/browser-playwright';
import { defineConfig } from 'vitest/config';
import { chromiumTestConfig } from '../../vitest.chromium.js';

export default defineConfig({
  test: {
    ...chromiumTestConfig(playwright),
  },
});
