#!/usr/bin/env node
// `pnpm size` (after `pnpm build`): for each public package, the size of its tarball (`pnpm pack`, as published) and
// what importing only its headline function costs an app: a Vite production build of
// `import { <headline> } from '<package>'`, minified, gzip size. Peer dependencies (react, AG Grid, msw) stay
// external: the app has them anyway. Runtime dependencies (zod, hono, idb) count. A second, unminified build checks
// tree shaking: the named functions a headline import must not pull in (e.g. processBatch without the CSV writer
// and the validation) are looked for by name; one found is printed and fails the script (exit 1).
import { execFileSync } from 'node:child_process';
import {
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..');
/** Each package's headline import and the functions it must not drag in. */
const HEADLINES = [
  {
    name: 'generator',
    imports: 'processBatch',
    call: 'processBatch(1, 5, "MIXED", { seed: 42 })',
    excluded: ['promotionToCsvLine', 'parsePromotionsCsv', 'validatePromotions'],
  },
  {
    name: 'scaling',
    imports: 'estimateDatasetSize',
    call: 'estimateDatasetSize(250)',
    excluded: ['calibrate'],
  },
  {
    name: 'api',
    imports: 'createApiHandler',
    call: 'createApiHandler',
    excluded: ['createClient', 'defineContractTests'],
  },
  { name: 'msw', imports: 'createHandlers', call: 'createHandlers()', excluded: [] },
  {
    name: 'react-grid',
    imports: 'PromotionsGrid',
    call: 'PromotionsGrid',
    excluded: ['ScalingLab', 'StreamingGrid'],
  },
];

const kb = (bytes) => `${(bytes / 1024).toFixed(1)} kB`;
const root = mkdtempSync(join(tmpdir(), 'promoscale-size-'));
let failed = false;
try {
  mkdirSync(join(root, 'node_modules', '@promoscale'), { recursive: true });
  for (const { name } of HEADLINES) {
    if (!readdirSync(join(repo, 'packages', name)).includes('dist'))
      throw new Error(`packages/${name}/dist is missing: run \`pnpm build\` first`);
    symlinkSync(join(repo, 'packages', name), join(root, 'node_modules', '@promoscale', name), 'dir');
  }
  const rows = [];
  for (const { name, imports, call, excluded } of HEADLINES) {
    const dir = join(repo, 'packages', name);
    const packDir = join(root, `pack-${name}`);
    mkdirSync(packDir);
    execFileSync('pnpm', ['pack', '--pack-destination', packDir], { cwd: dir, stdio: 'ignore' });
    const tarball = join(packDir, readdirSync(packDir)[0]);
    const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
    const peers = Object.keys(manifest.peerDependencies ?? {});
    const entry = join(root, `entry-${name}.js`);
    writeFileSync(entry, `import { ${imports} } from '@promoscale/${name}';\nconsole.log(${call});\n`);
    const bundle = async (minify) => {
      const output = await build({
        configFile: false,
        logLevel: 'silent',
        root,
        build: {
          write: false,
          minify,
          lib: { entry, formats: ['es'], fileName: 'out' },
          rolldownOptions: {
            external: (id) => peers.some((peer) => id === peer || id.startsWith(`${peer}/`)),
          },
        },
      });
      const chunks = (Array.isArray(output) ? output[0] : output).output.filter((o) => o.type === 'chunk');
      return chunks.map((c) => c.code).join('\n');
    };
    const minified = await bundle(true);
    const plain = await bundle(false);
    const pulled = excluded.filter((fn) => new RegExp(`\\bfunction ${fn}\\b|\\b${fn} =`).test(plain));
    if (pulled.length > 0) failed = true;
    rows.push([
      `@promoscale/${name}`,
      kb(statSync(tarball).size),
      `{ ${imports} }`,
      kb(gzipSync(minified).length),
      pulled.length > 0
        ? `PULLS IN ${pulled.join(', ')}`
        : excluded.length > 0
          ? `without ${excluded.join(', ')}`
          : '',
    ]);
  }
  const header = ['package', 'tarball', 'headline import', 'min+gzip', 'tree shaking'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  for (const row of [header, ...rows])
    console.log(
      row
        .map((cell, i) => cell.padEnd(widths[i]))
        .join('  ')
        .trimEnd(),
    );
  console.log('(peer dependencies external; runtime dependencies such as zod, hono and idb included)');
} finally {
  rmSync(root, { recursive: true, force: true });
}
process.exitCode = failed ? 1 : 0;
