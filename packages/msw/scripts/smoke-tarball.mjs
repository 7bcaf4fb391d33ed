#!/usr/bin/env node
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { npmInstall, packWorkspacePackages, run, tarballOverrides } from '../../../scripts/smoke-project.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const packageDir = resolve(here, '..');
const packagesDir = resolve(packageDir, '..');
const PACKAGES = ['generator', 'scaling', 'api', 'msw'];
const keep = process.argv.includes('--keep');

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
  const files = packWorkspacePackages(packagesDir, PACKAGES, tarballs);

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
        overrides: tarballOverrides(files),
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
