#!/usr/bin/env node
// `pnpm release`: what a maintainer does to cut a release, in the current directory's workspace:
//   1. changeset version   — bumps each package from the pending changesets, writes its CHANGELOG.md, bumps the
//                            internal dependency ranges, deletes the consumed changesets;
//   2. pnpm build          — builds what is about to be published (turbo);
//   3. changeset publish   — publishes every package whose version is not on the registry yet (`pnpm publish`
//                            underneath: `workspace:^` and `catalog:` become real ranges) and tags it in git.
// `pnpm release:snapshot [tag]` cuts a snapshot pre-release of a branch instead: versions `0.0.0-<tag>-<datetime>`
// under the dist-tag <tag> (default `snapshot`), no git tags. It edits package.json files and CHANGELOGs like a
// release does: publish it from a throwaway copy or discard the changes afterwards (`git restore .`).
// The registry is npm's configured one (`npm_config_registry` or .npmrc); tests/release points it at a Verdaccio.
// --skip-build publishes the dist/ folders as they are (the release test copies them ready built).
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const args = process.argv.slice(2);
const snapshotAt = args.indexOf('--snapshot');
const snapshot = snapshotAt >= 0;
const tag =
  snapshot && args[snapshotAt + 1] && !args[snapshotAt + 1].startsWith('--')
    ? args[snapshotAt + 1]
    : 'snapshot';
const skipBuild = args.includes('--skip-build');
const changeset = join(
  dirname(createRequire(import.meta.url).resolve('@changesets/cli/package.json')),
  'bin.js',
);

/** Runs a step, echoing it; a failing step stops the release with its exit code. */
function step(cmd, cmdArgs) {
  console.log(
    `$ ${(cmd === process.execPath ? ['changeset', ...cmdArgs.slice(1)] : [cmd, ...cmdArgs]).join(' ')}`,
  );
  execFileSync(cmd, cmdArgs, { stdio: 'inherit' });
}

try {
  step(process.execPath, [changeset, 'version', ...(snapshot ? ['--snapshot', tag] : [])]);
  if (!skipBuild) step('pnpm', ['build']);
  step(process.execPath, [changeset, 'publish', ...(snapshot ? ['--tag', tag, '--no-git-tag'] : [])]);
} catch (error) {
  process.exitCode = typeof error.status === 'number' ? error.status : 1;
}
