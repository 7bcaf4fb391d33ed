import { defineConfig } from 'tsup';

export default defineConfig([
  {
    // The library entry (for tests and embedding) and the `promoscale-server` binary, ESM only, Node only.
    // The entry's `#!/usr/bin/env node` line is kept by esbuild.
    entry: { index: 'src/index.ts', cli: 'src/cli/main.ts' },
    format: ['esm'],
    platform: 'node',
    target: 'node20',
    dts: { entry: { index: 'src/index.ts' } },
    sourcemap: true,
    clean: true,
  },
]);
