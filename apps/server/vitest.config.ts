import { defineConfig } from 'vitest/config';
import { nodeTestConfig } from '../../test-support/vitest-node.js';

export default defineConfig({ test: nodeTestConfig() });
