#!/usr/bin/env node
// Packs the package in the current directory exactly as it would be published (`pnpm pack`), then checks the
// tarball with publint (exports, files, types) and @arethetypeswrong/cli (types resolve for ESM and CJS
// consumers under node10, node16 and bundler resolution (strict profile)), and the hygiene publint does not check: the
// MIT LICENSE is in the tarball, every runtime dependency is a range (an exact pin gives a consumer on any other
// version a second copy) and the manifest names no `msw.workerDirectory` (its folder is not shipped).
// Used by every public package's `test:package`.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';

const packDir = resolve('.pack');
rmSync(packDir, { recursive: true, force: true });
mkdirSync(packDir);
const run = (cmd, args) => execFileSync(cmd, args, { stdio: 'inherit' });
run('pnpm', ['pack', '--pack-destination', packDir]);
const tarball = join(
  packDir,
  readdirSync(packDir).find((f) => f.endsWith('.tgz')),
);
const files = execFileSync('tar', ['tzf', tarball], { encoding: 'utf8' }).split('\n');
const manifest = JSON.parse(
  execFileSync('tar', ['xzf', tarball, '-O', 'package/package.json'], { encoding: 'utf8' }),
);
const problems = [];
if (!files.includes('package/LICENSE')) problems.push('the tarball has no LICENSE');
if (manifest.license !== 'MIT') problems.push(`"license" is ${JSON.stringify(manifest.license)}, not "MIT"`);
for (const field of ['dependencies', 'peerDependencies']) {
  for (const [name, range] of Object.entries(manifest[field] ?? {})) {
    if (/^\d/.test(range))
      problems.push(`${field}.${name} is the exact version ${range}: publish a range (^${range})`);
  }
}
if (manifest.msw?.workerDirectory)
  problems.push('"msw.workerDirectory" names a folder the tarball does not ship');
if (problems.length > 0) {
  console.error(`${manifest.name}: ${problems.join('; ')}`);
  process.exit(1);
}
run('pnpm', ['exec', 'publint', 'run', tarball, '--strict']);
run('pnpm', ['exec', 'attw', tarball, '--no-emoji', '--no-color']);
rmSync(packDir, { recursive: true, force: true });
