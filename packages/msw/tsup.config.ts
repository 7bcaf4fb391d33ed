import { defineConfig } from 'tsup';

export default defineConfig({
  entry: ['src/index.ts', 'src/node.ts', 'src/browser.ts'],
  format: ['esm', 'cjs'],
  dts: true,
  sourcemap: true,
  clean: true,
  target: 'es2022',
  treeshake: true,
  // One shared chunk for CJS too, so the network controller is the same class in every entry.
  splitting: true,
  // Peer and workspace dependencies stay imports: never bundle a second MSW or a copy of the API into a consumer's app.
  external: ['msw', 'msw/node', 'msw/browser', '@promoscale/api', '@promoscale/generator'],
});
