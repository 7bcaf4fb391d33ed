// Shared by the packages' smoke tests (scripts/smoke-tarball.mjs): packing workspace packages as they would be
// published, and `npm install` for the throwaway projects, which resolve their third-party dependencies from the
// registry like a user's project would. The registry is outside our control: its packument of a package published
// minutes ago can lag behind a dependent that already requires the new version (seen here: ETARGET for
// @inquirer/type@4.3.1 while msw's @inquirer/confirm@6.4.1 required it; the next request had it). Such registry-side
// errors get two more tries, the later ones with --prefer-online so npm asks again instead of trusting its cache.
// Any other failure (a wrong tarball, a bad peer range) fails at once.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

/** Runs a command in `cwd`, echoing it, with the output shown; throws on a non-zero exit. */
export function run(cmd, args, cwd) {
  console.log(`$ ${cmd} ${args.join(' ')}  (in ${cwd})`);
  execFileSync(cmd, args, { cwd, stdio: 'inherit', env: { ...process.env, CI: 'true' } });
}

/**
 * Packs `packages/<name>` for each name with `pnpm pack` (so `workspace:^` becomes a real range) into `destination`;
 * returns `{ '@promoscale/<name>': 'file:<tarball>' }`. Each package must be built (`pnpm build` at the root).
 */
export function packWorkspacePackages(packagesDir, names, destination) {
  const files = {};
  for (const name of names) {
    const dir = join(packagesDir, name);
    if (!existsSync(join(dir, 'dist')))
      throw new Error(`packages/${name}/dist is missing: run \`pnpm build\` first`);
    const before = new Set(readdirSync(destination));
    run('pnpm', ['pack', '--pack-destination', destination], dir);
    const file = readdirSync(destination).find((f) => !before.has(f) && f.endsWith('.tgz'));
    if (!file) throw new Error(`pnpm pack wrote no tarball for packages/${name}`);
    files[`@promoscale/${name}`] = `file:${join(destination, file)}`;
  }
  return files;
}

/** npm `overrides` that resolve the packed packages' dependencies on each other to the tarballs too. */
export function tarballOverrides(files) {
  return Object.fromEntries(Object.keys(files).map((name) => [name, `$${name}`]));
}

const TRANSIENT = /\b(ETARGET|ETIMEDOUT|ECONNRESET|ECONNREFUSED|EAI_AGAIN|E5\d\d|EINTEGRITY)\b/;

/** Runs `npm install` in `cwd`, retrying registry-side errors twice; throws with npm's output otherwise. */
export function npmInstall(cwd, { attempts = 3 } = {}) {
  for (let attempt = 1; ; attempt++) {
    const args = ['install', '--no-audit', '--no-fund', '--loglevel=error'];
    if (attempt > 1) args.push('--prefer-online');
    console.log(`$ npm ${args.join(' ')}  (in ${cwd})`);
    const result = spawnSync('npm', args, { cwd, encoding: 'utf8', env: { ...process.env, CI: 'true' } });
    process.stdout.write(result.stdout ?? '');
    process.stderr.write(result.stderr ?? '');
    if (result.status === 0) return;
    const output = `${result.stdout ?? ''}${result.stderr ?? ''}`;
    if (attempt >= attempts || !TRANSIENT.test(output)) {
      throw new Error(`npm install failed (exit ${result.status ?? result.signal}) in ${cwd}`);
    }
    console.log(`npm install hit a registry-side error (${TRANSIENT.exec(output)?.[1]}); trying again`);
  }
}
