#!/usr/bin/env node
// Proves a project outside this workspace can install the packed tarballs and run the README's Vitest example:
// packs generator, scaling, api and msw (`pnpm pack`, so `workspace:^` becomes a real range), creates a temp
// project under the OS temp dir, `npm install`s the tarballs with msw 2.15.0 and vitest 4.1.12 from the registry,
// writes the README block that starts with `// promotions.test.ts`, runs it and prints PASS or FAIL.
// Needs the packages built first (`pnpm build` at the root); `pnpm test` runs it (turbo task test:smoke).
import { execFileSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { npmInstall } from '../../../scripts/npm-install.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const packageDir = resolve(here, '..');
const packagesDir = resolve(packageDir, '..');
const PACKAGES = ['generator', 'scaling', 'api', 'msw'];
const keep = process.argv.includes('--keep');

const run = (cmd, args, cwd) => {
  console.log(`$ ${cmd} ${args.join(' ')}  (in ${cwd})`);
  execFileSync(cmd, args, { cwd, stdio: 'inherit', env: { ...process.env, CI: 'true' } });
};

function readmeExample() {
  const readme = readFileSync(join(packageDir, 'README.md'), 'utf8');
  const block = [...readme.matchAll(/```ts\n([\s\S]*?)```/g)]
    .map((m) => m[1])
    .find((code) => code.startsWith('// promotions.test.ts'));
  if (!block) throw new Error('README.md has no ```ts block starting with `// promotions.test.ts`');
  return block;
}

const root = mkdtempSync(join(tmpdir(), 'promoscale-msw-smoke-'));
let passed = false;
try {
  const tarballs = join(root, 'tarballs');
  mkdirSync(tarballs);
  const files = {};
  for (const name of PACKAGES) {
    const dir = join(packagesDir, name);
    if (!existsSync(join(dir, 'dist')))
      throw new Error(`packages/${name}/dist is missing: run \`pnpm build\` first`);
    const before = new Set(readdirSync(tarballs));
    run('pnpm', ['pack', '--pack-destination', tarballs], dir);
    const file = readdirSync(tarballs).find((f) => !before.has(f) && f.endsWith('.tgz'));
    if (!file) throw new Error(`pnpm pack wrote no tarball for packages/${name}`);
    files[`@promoscale/${name}`] = `file:${join(tarballs, file)}`;
  }

  const project = join(root, 'project');
  mkdirSync(project);
  writeFileSync(
    join(project, 'package.json'),
    `${JSON.stringify(
      {
        name: 'promoscale-msw-smoke',
        private: true,
        type: 'module',
        scripts: { test: 'vitest run' },
        devDependencies: { ...files, msw: '2.15.0', vitest: '4.1.12' },
        // The packed packages depend on each other by version (^0.0.0): resolve those to the tarballs too.
        overrides: Object.fromEntries(Object.keys(files).map((name) => [name, `$${name}`])),
      },
      null,
      2,
    )}\n`,
  );
  writeFileSync(join(project, 'promotions.test.ts'), readmeExample());
  npmInstall(project);
  run('npx', ['vitest', 'run'], project);
  passed = true;
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
} finally {
  if (keep) console.log(`kept ${root}`);
  else rmSync(root, { recursive: true, force: true });
}
console.log(passed ? 'smoke-tarball: PASS' : 'smoke-tarball: FAIL');
process.exitCode = passed ? 0 : 1;
