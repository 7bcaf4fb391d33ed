import { defineConfig } from 'tsup';

export default defineConfig({
  entry: ['src/index.ts'],
  format: ['esm', 'cjs'],
  dts: true,
  sourcemap: true,
  clean: true,
  target: 'es2022',
  treeshake: true,
  // Peer and workspace dependencies stay imports: never bundle a second React or AG Grid into a consumer's app.
  external: [
    'react',
    'react-dom',
    'react/jsx-runtime',
    'ag-grid-community',
    'ag-grid-react',
    'idb',
    '@promoscale/api',
    '@promoscale/generator',
    '@promoscale/scaling',
  ],
});
