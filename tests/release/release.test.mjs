#!/usr/bin/env node
// The release round trip: cuts a snapshot release (`changeset version --snapshot`, then `changeset publish`) of every
// public package from a temporary copy of the repository into a throwaway Verdaccio on a loopback port, then installs
// it from that registry, with npm and with pnpm, into fresh consumer projects (consumer/) and runs them: Node ESM and
// CommonJS scripts, TypeScript strict under `nodenext` and `bundler`, a Vite + React app with @promoscale/react-grid
// and @promoscale/msw/browser opened in Chromium, and a Vitest project with @promoscale/msw/node and fetch, axios, ky
// and undici. Nothing is published anywhere else, and the repository is left as it was (checked at the end).
//
// Verdaccio proxies nothing (no uplinks): the consumers resolve `@promoscale/*` from it and every third-party package
// from the default registry, as the packages' tarball smoke tests do, offline-first: npm through one cache folder in
// the temporary folder, pnpm through the machine's pnpm store (which `pnpm install` of this repository filled).
// `node release.test.mjs [--keep]` (after `pnpm build`); --keep leaves the temporary folder for a look.
import { spawn, spawnSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchChromium, serveDirectory } from '../../test-support/browser-page.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const repo = resolve(here, '../..');
const require = createRequire(import.meta.url);
const PACKAGES = ['generator', 'scaling', 'api', 'msw', 'react-grid'];
const keep = process.argv.includes('--keep');
// Third-party versions of the consumers: the workspace catalog's pins (already in the pnpm store) and the Node 20
// HTTP clients of ../../../shared/STACK.md.
const THIRD_PARTY = {
  msw: '2.15.0',
  react: '19.3.1',
  'react-dom': '19.3.1',
  'ag-grid-community': '36.2.0',
  'ag-grid-react': '36.2.0',
  axios: '1.21.1',
  ky: '1.9.1',
  undici: '7.30.2',
  vitest: '4.1.12',
  vite: '8.4.0',
  '@vitejs/plugin-react': '6.3.0',
  typescript: '6.0.3',
  '@types/node': '20.19.43',
  '@types/react': '19.3.0',
  '@types/react-dom': '19.3.0',
};

const timings = [];
const t0 = performance.now();
/** Runs `fn`, recording how long it took under `label`. */
async function step(label, fn) {
  const start = performance.now();
  console.log(`\n== ${label}`);
  try {
    return await fn();
  } finally {
    timings.push([label, performance.now() - start]);
  }
}

/** The environment without the npm_* variables of the `pnpm run` that started us (they would override .npmrc). */
function cleanEnv(extra = {}) {
  const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^npm_/i.test(key)));
  return { ...env, CI: 'true', ...extra };
}

/** Runs a command to completion (asynchronously: Verdaccio must keep answering); throws with its output on failure. */
function exec(cmd, args, cwd, { env = cleanEnv(), timeoutMs = 300_000, quiet = false } = {}) {
  console.log(`$ ${cmd} ${args.join(' ')}  (in ${cwd})`);
  return new Promise((resolvePromise, reject) => {
    const child = spawn(cmd, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const collect = (chunk) => {
      output += chunk;
      if (!quiet) process.stdout.write(chunk);
    };
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      if (code === 0) resolvePromise(output);
      else {
        if (quiet) process.stdout.write(output);
        reject(new Error(`${cmd} ${args.join(' ')} failed (${signal ?? `exit ${code}`}) in ${cwd}`));
      }
    });
  });
}

function freePort() {
  return new Promise((resolvePromise, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolvePromise(port));
    });
  });
}

/** Starts Verdaccio with storage under `root`, no uplinks, on a free loopback port; resolves once it answers. */
async function startRegistry(root) {
  const port = await freePort();
  const config = join(root, 'verdaccio.yaml');
  writeFileSync(
    config,
    [
      `storage: ${join(root, 'storage')}`,
      'auth:',
      `  htpasswd: { file: ${join(root, 'htpasswd')}, max_users: 10 }`,
      'uplinks: {}',
      'packages:',
      "  '**': { access: $all, publish: $authenticated }",
      'web: { enable: false }',
      'log: { type: stdout, format: pretty, level: warn }',
      '',
    ].join('\n'),
  );
  const bin = join(dirname(require.resolve('verdaccio/package.json')), 'bin', 'verdaccio');
  const child = spawn(process.execPath, [bin, '--config', config, '--listen', `127.0.0.1:${port}`], {
    cwd: root,
    env: cleanEnv(),
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}/`;
  for (let attempt = 0; attempt < 150; attempt++) {
    if (child.exitCode !== null) throw new Error(`Verdaccio exited (${child.exitCode}) before answering`);
    const ok = await fetch(`${url}-/ping`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return { url, port, child };
    await new Promise((r) => setTimeout(r, 200));
  }
  child.kill();
  throw new Error('Verdaccio did not answer on /-/ping within 30 s');
}

/** Creates a throwaway user on the registry; resolves to its token. */
async function addUser(url) {
  const name = 'release-test';
  const response = await fetch(`${url}-/user/org.couchdb.user:${name}`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name, password: `pw-${process.pid}-${Date.now()}` }),
  });
  const body = await response.json();
  if (!response.ok || !body.token) throw new Error(`Verdaccio refused the user: ${JSON.stringify(body)}`);
  return body.token;
}

/** Copies what a release needs (manifests, READMEs, builds, changesets, LICENSE) into `dest`. */
function copyRepo(dest) {
  mkdirSync(dest, { recursive: true });
  for (const file of ['package.json', 'LICENSE', '.changeset'])
    cpSync(join(repo, file), join(dest, file), { recursive: true });
  // The public packages, and the private apps' manifests only: a changeset may name an app (changesets leaves
  // private packages unversioned, `privatePackages.version: false`), and one naming a package outside the
  // workspace stops `changeset version`.
  const workspace = readFileSync(join(repo, 'pnpm-workspace.yaml'), 'utf8').replace(
    /^packages:\n(?: {2}- .*\n)+/m,
    'packages:\n  - "packages/*"\n  - "apps/*"\n',
  );
  writeFileSync(join(dest, 'pnpm-workspace.yaml'), workspace);
  for (const app of readdirSync(join(repo, 'apps'))) {
    if (!existsSync(join(repo, 'apps', app, 'package.json'))) continue;
    mkdirSync(join(dest, 'apps', app), { recursive: true });
    cpSync(join(repo, 'apps', app, 'package.json'), join(dest, 'apps', app, 'package.json'));
  }
  for (const name of PACKAGES) {
    const from = join(repo, 'packages', name);
    if (!existsSync(join(from, 'dist')))
      throw new Error(`packages/${name}/dist is missing: run \`pnpm build\` first`);
    for (const entry of ['package.json', 'README.md', 'CHANGELOG.md', 'dist']) {
      if (existsSync(join(from, entry)))
        cpSync(join(from, entry), join(dest, 'packages', name, entry), { recursive: true });
    }
  }
  // What `pnpm install` would link: pnpm publish turns `workspace:^` into a version read from node_modules/<dep>.
  for (const name of PACKAGES) {
    const manifest = JSON.parse(readFileSync(join(dest, 'packages', name, 'package.json'), 'utf8'));
    const ranges = { ...manifest.dependencies, ...manifest.devDependencies, ...manifest.peerDependencies };
    for (const [dep, range] of Object.entries(ranges)) {
      if (!range.startsWith('workspace:')) continue;
      const link = join(dest, 'packages', name, 'node_modules', dep);
      mkdirSync(dirname(link), { recursive: true });
      symlinkSync(join(dest, 'packages', dep.replace('@promoscale/', '')), link, 'dir');
    }
  }
}

// What a release writes (versions, CHANGELOGs, consumed changesets): must be the same after the test as before.
const gitStatus = () =>
  spawnSync(
    'git',
    ['status', '--porcelain', '--', '.changeset', 'packages/*/package.json', 'packages/*/CHANGELOG.md'],
    {
      cwd: repo,
      encoding: 'utf8',
    },
  ).stdout;

/** The consumer project for one package manager: consumer/ plus a manifest asking for `version` of each package. */
function writeConsumer(dir, pm, version, registryUrl, root) {
  cpSync(join(here, 'consumer'), dir, { recursive: true });
  const ours = Object.fromEntries(PACKAGES.map((name) => [`@promoscale/${name}`, version]));
  const manifest = {
    name: `promoscale-consumer-${pm}`,
    private: true,
    type: 'module',
    dependencies: { ...ours, ...THIRD_PARTY },
  };
  writeFileSync(join(dir, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  const npmrc = [`@promoscale:registry=${registryUrl}`, 'fund=false', 'audit=false', 'update-notifier=false'];
  if (pm === 'npm') npmrc.push(`cache=${join(root, 'npm-cache')}`, 'prefer-offline=true');
  writeFileSync(join(dir, '.npmrc'), `${npmrc.join('\n')}\n`);
  if (pm === 'pnpm') {
    // A project of its own (not part of this workspace) on this repository's store (named, so that a temporary
    // folder on another file system does not start an empty store of its own); snapshots published a second ago
    // are allowed, and the dependency build scripts the workspace allows.
    const store = spawnSync('pnpm', ['store', 'path'], {
      cwd: repo,
      encoding: 'utf8',
      env: cleanEnv(),
    }).stdout.trim();
    if (!store) throw new Error('`pnpm store path` printed nothing');
    writeFileSync(
      join(dir, 'pnpm-workspace.yaml'),
      `storeDir: ${JSON.stringify(dirname(store))}\nminimumReleaseAge: 0\nallowBuilds:\n  esbuild: true\n  msw: true\n`,
    );
  }
}

const EXPECTED_NODE_OUTPUT = {
  promotions: 150,
  estimatePromotions: 7500,
  handlers: true,
};

async function runConsumer(dir, pm, version) {
  const bin = (name) => join(dir, 'node_modules', '.bin', name);
  await step(`${pm}: install from the registry`, () =>
    pm === 'npm'
      ? exec('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error'], dir)
      : exec('pnpm', ['install', '--prefer-offline', '--no-frozen-lockfile', '--reporter=append-only'], dir, {
          quiet: true,
        }),
  );
  await step(`${pm}: what was installed`, () => {
    for (const name of PACKAGES) {
      const installed = join(dir, 'node_modules', '@promoscale', name);
      const manifest = JSON.parse(readFileSync(join(installed, 'package.json'), 'utf8'));
      if (manifest.version !== version)
        throw new Error(`@promoscale/${name} is ${manifest.version}, not ${version}`);
      if (!existsSync(join(installed, 'LICENSE')))
        throw new Error(`@promoscale/${name} was published without LICENSE`);
      for (const [dep, range] of Object.entries(manifest.dependencies ?? {})) {
        if (!dep.startsWith('@promoscale/') && /^\d/.test(range))
          throw new Error(`@promoscale/${name} pins ${dep} to ${range}: a range was expected`);
      }
    }
    console.log(`@promoscale/{${PACKAGES.join(',')}}@${version}, each with LICENSE and ranged dependencies`);
  });
  await step(`${pm}: Node ESM and CommonJS`, async () => {
    const esm = JSON.parse((await exec(process.execPath, ['esm.mjs'], dir)).trim().split('\n').at(-1));
    const cjs = JSON.parse((await exec(process.execPath, ['cjs.cjs'], dir)).trim().split('\n').at(-1));
    for (const [key, value] of Object.entries(EXPECTED_NODE_OUTPUT)) {
      if (esm[key] !== value) throw new Error(`esm.mjs: ${key} is ${esm[key]}, expected ${value}`);
    }
    if (JSON.stringify(esm) !== JSON.stringify(cjs))
      throw new Error('cjs.cjs and esm.mjs print different results');
    if (esm.apiFirst !== esm.mswFirst)
      throw new Error('the api handler and the msw server disagree on the first row');
  });
  // nodenext checks our declaration files too (skipLibCheck false: a type import of a package that is not a
  // dependency fails under pnpm); bundler checks the app's use of them, skipping the (large) library declarations.
  await step(`${pm}: TypeScript strict, nodenext and bundler`, () =>
    // Two programs, one per core.
    Promise.all([
      exec(bin('tsc'), ['-p', 'tsconfig.nodenext.json'], dir),
      exec(bin('tsc'), ['-p', 'tsconfig.bundler.json'], dir),
    ]),
  );
  await step(`${pm}: Vite + React app in Chromium`, async () => {
    await exec(bin('msw'), ['init', 'public', '--no-save'], dir, { quiet: true });
    await exec(bin('vite'), ['build'], dir);
    const server = await serveDirectory(join(dir, 'dist'));
    const browser = await launchChromium();
    try {
      const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
      const errors = [];
      page.on('pageerror', (error) => errors.push(error.message));
      await page.goto(`${server.origin}/`);
      await page.waitForSelector('[role="row"][row-index]', { timeout: 30_000 });
      const rows = await page.locator('[role="row"][row-index]').count();
      const text = (await page.locator('[role="grid"]').first().textContent()) ?? '';
      console.log(
        `the page shows ${rows} grid rows; first cells: ${text.slice(0, 100).replace(/\s+/g, ' ')}`,
      );
      if (errors.length > 0) throw new Error(`page errors: ${errors.join('; ')}`);
      if (!text.includes('PRM-STORE_001-')) throw new Error('the grid shows no row of the mocked API');
    } finally {
      await browser.close();
      await server.close();
    }
  });
  await step(`${pm}: Vitest with @promoscale/msw/node and fetch, axios, ky, undici`, () =>
    exec(bin('vitest'), ['run'], dir),
  );
  return step(`${pm}: aborting an axios stream under MSW`, async () => {
    try {
      await exec(process.execPath, ['axios-abort.mjs'], dir, { timeoutMs: 10_000, quiet: true });
      return 'settled';
    } catch (error) {
      if (/exit 3\b/.test(String(error))) throw error;
      return /SIGKILL/.test(String(error)) ? 'hung (killed after 10 s)' : 'crashed';
    }
  });
}

const root = mkdtempSync(join(tmpdir(), 'promoscale-release-'));
const statusBefore = gitStatus();
let registry;
let passed = false;
const abortOutcomes = {};
try {
  registry = await step('start Verdaccio (no uplinks, storage in a temporary folder)', () =>
    startRegistry(root),
  );
  const token = await addUser(registry.url);
  const copy = join(root, 'repo');
  copyRepo(copy);
  writeFileSync(
    join(copy, '.npmrc'),
    `registry=${registry.url}\n//127.0.0.1:${registry.port}/:_authToken=${token}\n`,
  );
  // `pnpm release:snapshot release-test` as a maintainer runs it, in the copy (whose dist/ folders are the build).
  await step('pnpm release:snapshot (changeset version --snapshot, changeset publish) in the copy', () =>
    exec(
      process.execPath,
      [join(repo, 'scripts', 'release.mjs'), '--snapshot', 'release-test', '--skip-build'],
      copy,
      {
        env: cleanEnv({ npm_config_registry: registry.url }),
      },
    ),
  );
  const version = JSON.parse(
    readFileSync(join(copy, 'packages', 'generator', 'package.json'), 'utf8'),
  ).version;
  if (!version.startsWith('0.0.0-release-test-')) throw new Error(`the snapshot version is ${version}`);
  for (const name of PACKAGES) {
    const manifest = JSON.parse(readFileSync(join(copy, 'packages', name, 'package.json'), 'utf8'));
    if (manifest.version !== version)
      throw new Error(`@promoscale/${name} got ${manifest.version}, not ${version}`);
    if (!existsSync(join(copy, 'packages', name, 'CHANGELOG.md')))
      throw new Error(`no CHANGELOG.md for ${name}`);
    const packument = await fetch(`${registry.url}${encodeURIComponent(`@promoscale/${name}`)}`).then((r) =>
      r.json(),
    );
    if (packument['dist-tags']?.['release-test'] !== version)
      throw new Error(`Verdaccio has no @promoscale/${name}@${version} under the dist-tag release-test`);
  }
  for (const pm of ['npm', 'pnpm']) {
    const dir = join(root, `consumer-${pm}`);
    writeConsumer(dir, pm, version, registry.url, root);
    abortOutcomes[pm] = await runConsumer(dir, pm, version);
  }
  const statusAfter = gitStatus();
  if (statusAfter !== statusBefore)
    throw new Error(`the release test changed the repository:\n${statusAfter}`);
  passed = true;
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
} finally {
  registry?.child.kill();
  if (keep) console.log(`kept ${root}`);
  else rmSync(root, { recursive: true, force: true });
}

console.log('\nrelease round trip, time per step:');
for (const [label, ms] of timings) console.log(`  ${(ms / 1000).toFixed(1).padStart(6)} s  ${label}`);
console.log(`  ${((performance.now() - t0) / 1000).toFixed(1).padStart(6)} s  in all`);
for (const [pm, outcome] of Object.entries(abortOutcomes))
  console.log(`aborting an axios stream under MSW (${pm}): ${outcome}`);
console.log(passed ? 'release round trip: PASS' : 'release round trip: FAIL');
process.exitCode = passed ? 0 : 1;
