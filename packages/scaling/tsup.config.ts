import { defineConfig } from 'tsup';

export default defineConfig([
  {
    // The library and the two worker scripts, ESM + CJS with types. `shims` gives the CJS build an
    // `import.meta.url`, which the worker runner uses to find `node-worker.js` beside itself.
    entry: {
      index: 'src/index.ts',
      worker: 'src/workers/worker.ts',
      'node-worker': 'src/workers/node-worker.ts',
    },
    format: ['esm', 'cjs'],
    dts: true,
    sourcemap: true,
    // Keep the CLI, which the second build writes into the same folder at the same time.
    clean: ['!cli.js', '!cli.js.map'],
    shims: true,
    target: 'es2022',
    treeshake: true,
  },
  {
    // The `promoscale` CLI: ESM only, Node only. The entry's `#!/usr/bin/env node` line is kept by esbuild.
    entry: { cli: 'src/cli/main.ts' },
    format: ['esm'],
    platform: 'node',
    target: 'node20',
    sourcemap: true,
    clean: false,
  },
]);
