#!/usr/bin/env node
// `pnpm start` (root) runs this after turbo built the demo and the packages it uses: serves apps/demo/dist on a
// fixed loopback port and prints the URL. PORT and HOST override the defaults; Ctrl+C stops it.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { serveDirectory } from '../../../test-support/browser-page.mjs';

const dist = fileURLToPath(new URL('../dist/', import.meta.url));
if (!existsSync(`${dist}index.html`)) {
  console.error('apps/demo/dist is missing: run `pnpm build` first (the root `pnpm start` does).');
  process.exit(1);
}
const port = Number(process.env.PORT ?? 4173);
const host = process.env.HOST ?? '127.0.0.1';
try {
  const { origin, close } = await serveDirectory(dist, { port, host });
  console.log(`promoscale demo: ${origin}/  (Ctrl+C to stop)`);
  const stop = () => close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
} catch (error) {
  const taken = error && error.code === 'EADDRINUSE';
  console.error(
    taken
      ? `Port ${port} is in use: stop what runs there or set PORT, e.g. PORT=4180 pnpm start`
      : String(error),
  );
  process.exit(1);
}
