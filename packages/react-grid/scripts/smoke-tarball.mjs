#!/usr/bin/env node
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, extname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { npmInstall, packWorkspacePackages, run, tarballOverrides } from '../../../scripts/smoke-project.mjs';
import { launchChromium } from '../../../test-support/browser-page.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const packageDir = resolve(here, '..');
const packagesDir = resolve(packageDir, '..');
const PACKAGES = ['generator', 'scaling', 'api', 'react-grid'];
const keep = process.argv.includes('--keep');
const screenshotAt = process.argv.indexOf('--screenshot');
const screenshot = screenshotAt > 0 ? resolve(process.argv[screenshotAt + 1] ?? 'smoke.png') : undefined;
function readmeExample() {
  const readme = readFileSync(join(packageDir, 'README.md'), 'utf8');
  // The quick start's block names its file, examples/quick-start.tsx (tests/browser/readme-examples.test.tsx keeps
  // the two identical).
  const block = /^```tsx examples\/quick-start\.tsx\n([\s\S]*?)^```$/m.exec(readme)?.[1];
  if (!block) throw new Error('README.md has no ```tsx examples/quick-start.tsx block');
  return block;
}

const MIME = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml' };

/** Serves `dir` on a loopback port; resolves to the server and its URL. */
function serve(dir) {
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    const file = join(dir, path === '/' ? 'index.html' : path);
    if (!file.startsWith(dir) || !existsSync(file)) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': MIME[extname(file)] ?? 'application/octet-stream' });
    res.end(readFileSync(file));
  });
  return new Promise((ok) => server.listen(0, '127.0.0.1', () => ok(server)));
}

const root = mkdtempSync(join(tmpdir(), 'promoscale-react-grid-smoke-'));
let passed = false;
try {
  const tarballs = join(root, 'tarballs');
  mkdirSync(tarballs);
  const files = packWorkspacePackages(packagesDir, PACKAGES, tarballs);

  const project = join(root, 'project');
  mkdirSync(join(project, 'src'), { recursive: true });
  const manifest = {
    name: 'promoscale-react-grid-smoke',
    private: true,
    type: 'module',
    dependencies: {
      ...files,
      'ag-grid-community': '36.2.0',
      'ag-grid-react': '36.2.0',
      react: '19.3.1',
      'react-dom': '19.3.1',
    },
    devDependencies: {
      '@types/react': '19.3.0',
      '@types/react-dom': '19.3.0',
      '@vitejs/plugin-react': '6.3.0',
      typescript: '6.0.3',
      vite: '8.4.0',
    },
    // The packed packages depend on each other by version (^0.0.0): resolve those to the tarballs too.
    overrides: tarballOverrides(files),
  };
  writeFileSync(join(project, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  writeFileSync(
    join(project, 'tsconfig.json'),
    JSON.stringify({
      compilerOptions: {
        target: 'ES2022',
        lib: ['ES2023', 'DOM', 'DOM.Iterable'],
        module: 'ESNext',
        moduleResolution: 'bundler',
        jsx: 'react-jsx',
        strict: true,
        noEmit: true,
        skipLibCheck: false,
        types: [],
      },
      include: ['src'],
    }),
  );
  writeFileSync(
    join(project, 'vite.config.js'),
    "import react from '@vitejs/plugin-react';\nexport default { plugins: [react()] };\n",
  );
  writeFileSync(
    join(project, 'index.html'),
    '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>smoke</title></head>' +
      '<body><div id="root"></div><script type="module" src="/src/main.tsx"></script></body></html>\n',
  );
  writeFileSync(
    join(project, 'src', 'main.tsx'),
    "import { createRoot } from 'react-dom/client';\nimport { App } from './App';\n\n" +
      "createRoot(document.getElementById('root') as HTMLElement).render(<App />);\n",
  );
  writeFileSync(join(project, 'src', 'App.tsx'), readmeExample());
  npmInstall(project);
  run('npx', ['tsc', '-p', '.'], project);
  run('npx', ['vite', 'build', '--logLevel', 'warn'], project);

  const server = await serve(join(project, 'dist'));
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    const errors = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(`http://127.0.0.1:${server.address().port}/`);
    await page.waitForSelector('[role="row"][row-index]', { timeout: 30_000 });
    const rows = await page.locator('[role="row"][row-index]').count();
    const text = (await page.locator('[role="grid"]').first().textContent()) ?? '';
    if (screenshot) await page.screenshot({ path: screenshot });
    console.log(`the page shows ${rows} grid rows; first cells: ${text.slice(0, 120).replace(/\s+/g, ' ')}`);
    if (errors.length > 0) throw new Error(`page errors: ${errors.join('; ')}`);
    if (!/PRM-STORE_\d{3}/.test(text)) throw new Error('the grid shows no promotion id');
    passed = true;
  } finally {
    await browser.close();
    server.close();
  }
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
} finally {
  if (keep) console.log(`kept ${root}`);
  else rmSync(root, { recursive: true, force: true });
}
console.log(passed ? 'smoke-tarball: PASS' : 'smoke-tarball: FAIL');
process.exitCode = passed ? 0 : 1;
