import { defineConfig } from 'tsup';

export default defineConfig({
  // The public entry and `./internal`, the helpers the sibling packages build on (src/internal.ts).
  entry: { index: 'src/index.ts', internal: 'src/internal.ts' },
  format: ['esm', 'cjs'],
  dts: true,
  sourcemap: true,
  clean: true,
  target: 'es2022',
  treeshake: true,
  // One shared chunk for CJS too, so PromoscaleError is the same class whichever entry threw it.
  splitting: true,
});
