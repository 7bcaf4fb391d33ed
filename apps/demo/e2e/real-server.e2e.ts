import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ARTIFACTS,
  chartInk,
  type DemoHarness,
  lastRowIdAfterScroll,
  loadedCount,
  SHOWS_WITHIN,
  serverRowId,
  startDemo,
} from './demo-page.js';

// apps/server's CLI (`promoscale-server`), built by turbo before this suite (a devDependency of the demo).
const CLI = fileURLToPath(new URL('../node_modules/@promoscale/server/dist/cli.js', import.meta.url));
const STORES = 20;

let demo: DemoHarness;
let server: ChildProcess | null = null;
let origin = '';
let dataDir = '';

/** Runs the CLI to the end; rejects with its stderr when it exits with an error. */
function run(args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr?.on('data', (chunk) => {
      stderr += chunk;
    });
    child.on('error', reject);
    child.on('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`${args[0]} exited ${code}: ${stderr}`)),
    );
  });
}

/** A free loopback port (the server takes a fixed one). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
    probe.on('error', reject);
  });
}

beforeAll(async () => {
  demo = await startDemo();
  dataDir = mkdtempSync(path.join(tmpdir(), 'promoscale-demo-e2e-'));
  await run(['seed', '--stores', String(STORES), '--seed', '42', '--data-dir', dataDir, '--quiet']);
  const port = await freePort();
  const child = spawn(
    process.execPath,
    [
      CLI,
      'start',
      '--port',
      String(port),
      '--host',
      '127.0.0.1',
      '--data-dir',
      dataDir,
      '--cors-origin',
      demo.origin,
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  server = child;
  // `start` prints its URL once it listens.
  await new Promise<void>((resolve, reject) => {
    let output = '';
    const read = (chunk: Buffer) => {
      output += chunk;
      if (output.includes(`127.0.0.1:${port}`)) resolve();
    };
    child.stdout?.on('data', read);
    child.stderr?.on('data', read);
    child.on('exit', (code) => reject(new Error(`promoscale-server start exited ${code}: ${output}`)));
  });
  origin = `http://127.0.0.1:${port}`;
}, 120_000);

afterAll(async () => {
  if (server && server.exitCode === null) {
    const exited = new Promise((resolve) => server?.once('exit', resolve));
    server.kill('SIGTERM');
    await exited;
  }
  await demo?.close();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

describe('phase 4 against promoscale-server (apps/server on PGlite)', () => {
  it('loads the seeded promotions through ?source= and draws the charts from the server', async () => {
    const page = await demo.open(`?stores=${STORES}&phase=server&source=${encodeURIComponent(origin)}`);
    expect(await loadedCount(page)).toBe(STORES * 30);
    await page
      .getByTestId('row-count')
      .filter({ hasText: `${STORES * 30} promotions` })
      .waitFor({ timeout: SHOWS_WITHIN });
    await expect
      .poll(async () => (await chartInk(page)).filter((ink) => ink > 1_000).length, { timeout: SHOWS_WITHIN })
      .toBe(4);
    await page.screenshot({ path: `${ARTIFACTS}phase-server-pglite.png`, fullPage: true });
    // Scrolled to the end, the grid pages in the server's last block: its last row is the server's row 599.
    expect(await lastRowIdAfterScroll(page, STORES * 30)).toBe(await serverRowId(origin, STORES * 30 - 1));
  });
});
