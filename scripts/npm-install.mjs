// `npm install` for the smoke tests' throwaway projects, which resolve their third-party dependencies from the
// registry like a user's project would. The registry is outside our control: its packument of a package published
// minutes ago can lag behind a dependent that already requires the new version (seen here: ETARGET for
// @inquirer/type@4.3.1 while msw's @inquirer/confirm@6.4.1 required it; the next request had it). Such registry-side
// errors get two more tries, the later ones with --prefer-online so npm asks again instead of trusting its cache.
// Any other failure (a wrong tarball, a bad peer range) fails at once.
import { spawnSync } from 'node:child_process';

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
