import { defineConfig } from 'vitest/config';
import { nodeTestConfig } from '../../test-support/vitest-node.js';

// Unit tests in Node (src/**/*.test.ts). The browser tests against the built demo: vitest.e2e.config.ts.
export default defineConfig({ test: nodeTestConfig() });
