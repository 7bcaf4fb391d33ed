#!/usr/bin/env node
// Packs the package in the current directory exactly as it would be published (`pnpm pack`), then checks the
// tarball with publint (exports, files, types) and @arethetypeswrong/cli (types resolve for ESM and CJS
// consumers under node10, node16 and bundler resolution (strict profile)). Used by every public package's `test:package`.
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
run('pnpm', ['exec', 'publint', 'run', tarball, '--strict']);
run('pnpm', ['exec', 'attw', tarball, '--no-emoji', '--no-color']);
rmSync(packDir, { recursive: true, force: true });
