/// <reference types="vite/client" />
// The README's examples, each a file in examples/ that the README shows byte for byte (its block's info string
// names the file: ```tsx examples/quick-start.tsx). The files are type-checked with the package (tsconfig.json
// includes examples/), rendered here in Chromium against the BUILT package (they import '@promoscale/react-grid',
// which resolves to dist/ through the package's exports: build it first), and the test below fails when a block
// and its file differ, when a file is not shown, or when a TypeScript block names no file.
import { setupPromoscaleWorker } from '@promoscale/msw/browser';
import { deleteDB } from 'idb';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { type RenderResult, render } from 'vitest-browser-react';
import { fencedBlocks } from '../../../../test-support/fenced-blocks.js';
import { Streaming as AppendRows } from '../../examples/append-rows.js';
import { ByStoreCount, Phase1, Phase2, Phase3 } from '../../examples/loaders.js';
import { OwnWorker } from '../../examples/own-worker.js';
import { Panels } from '../../examples/panels.js';
import { PhaseWithStatus } from '../../examples/phase-status.js';
import { App } from '../../examples/quick-start.js';
import { Lab } from '../../examples/scaling-lab.js';
import { ServerRows } from '../../examples/server-rows.js';
import { Chunked } from '../../examples/use-chunked-load.js';
import { OwnServerGrid } from '../../examples/use-server-rows.js';
import { Stores } from '../../examples/use-single-batch.js';
import { Streaming } from '../../examples/use-streaming-load.js';
import readme from '../../README.md?raw';

const exampleFiles = import.meta.glob<string>('../../examples/*.{ts,tsx}', {
  query: '?raw',
  import: 'default',
  eager: true,
});

/** Where a block is not an example file: commands and printed output. */
const NOT_CODE = ['sh', 'text'];

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** Renders an example and unmounts it after the test. */
async function show(element: Parameters<typeof render>[0]) {
  const screen = await render(element);
  cleanups.push(() => screen.unmount());
  return screen;
}

/** Waits until the grid's count line, under `screen`, reads `text` (what a person sees when the load is done). */
const waitForRowCount = (screen: RenderResult, text: string) =>
  expect
    .element(screen.getByTestId('row-count'), { timeout: 15_000 })
    .toHaveTextContent(new RegExp(`^${text}$`));

/** Serves the API of 5 stores in the page (MSW's worker) until the test ends, and drops the block cache after it. */
async function startApiInPage() {
  const worker = setupPromoscaleWorker({ dataset: { seed: 42, stores: 5 } });
  await worker.start({ onUnhandledRequest: 'bypass', quiet: true });
  cleanups.push(async () => {
    worker.stop();
    await deleteDB('promoscale-blocks');
  });
}

describe('README examples', () => {
  it('shows every file of examples/ in the README byte for byte, and every TypeScript block is one of them', () => {
    const blocks = fencedBlocks(readme);
    const files = new Map(
      Object.entries(exampleFiles).map(([path, code]) => [path.replace('../../', ''), code] as const),
    );
    const named = blocks.filter((block) => !NOT_CODE.includes(block.info));
    expect(
      named.map((block) => block.info).filter((info) => !/^tsx? examples\/[\w-]+\.tsx?$/.test(info)),
    ).toEqual([]);
    const shown = named.map((block) => block.info.split(' ')[1] as string);
    expect([...shown].sort()).toEqual([...files.keys()].sort());
    for (const block of named)
      expect(block.code, block.info).toBe(files.get(block.info.split(' ')[1] as string));
  });

  it('quick start: shows the 150 promotions and their key figures', async () => {
    const screen = await show(<App />);
    await waitForRowCount(screen, '150 promotions');
    await expect.element(screen.getByRole('region', { name: 'Key figures' })).toBeVisible();
    expect(screen.container.querySelectorAll('[role="row"][row-index]').length).toBeGreaterThan(0);
  });

  it('append rows as they arrive: ends with the 1,500 promotions of 50 stores', async () => {
    const screen = await show(<AppendRows />);
    await waitForRowCount(screen, '1,500 promotions');
  });

  it('panels: a progress bar at 25%, a memory gauge, the estimate table and the key figures', async () => {
    const screen = await show(<Panels />);
    await expect.element(screen.getByRole('progressbar')).toHaveAttribute('aria-valuenow', '25');
    await expect.element(screen.getByRole('button', { name: 'Cancel' })).toBeVisible();
    await expect.element(screen.getByRole('meter')).toBeInTheDocument();
    await expect.element(screen.getByRole('table', { name: /Dataset size/ })).toBeVisible();
    await expect.element(screen.getByRole('region', { name: 'Key figures' })).toHaveTextContent('%');
  });

  it('server rows: shows the rows of the API in the page (MSW), a block at a time', async () => {
    await startApiInPage();
    const screen = await show(<ServerRows />);
    await waitForRowCount(screen, '150 promotions');
    await vi.waitFor(() =>
      expect(
        screen.container.querySelector('[role="row"][row-index="0"] [col-id="id"]')?.textContent,
      ).toMatch(/\S/),
    );
  });

  it('useServerRows + useServerSummary: your own AG Grid shows the server rows and the summary KPIs', async () => {
    await startApiInPage();
    const screen = await show(<OwnServerGrid />);
    await expect
      .element(screen.getByRole('status'), { timeout: 15_000 })
      .toHaveTextContent('150 promotions on the server');
    await expect
      .element(screen.getByRole('region', { name: 'Key figures' }), { timeout: 15_000 })
      .toHaveTextContent('%');
    await vi.waitFor(
      () =>
        expect(
          screen.container.querySelector('[role="row"][row-index="0"] [col-id="id"]')?.textContent,
        ).toMatch(/^PRM-STORE_\d{3,}-SKU\d{4}$/),
      { timeout: 15_000 },
    );
  });

  it('scaling lab: names the forced phase, recommends phase 1 at 5 stores and loads its 150 rows', async () => {
    const screen = await show(<Lab />);
    await expect.element(screen.getByText('Phase 2 · Chunked').first()).toBeVisible();
    await expect.element(screen.getByRole('slider')).toBeVisible();
    await waitForRowCount(screen, '150 promotions');
    await expect.element(screen.getByText('Phase 1 · Single batch').first()).toBeVisible();
  });

  it.each([
    ['Phase1', <Phase1 key="1" />, '150 promotions'],
    ['Phase2', <Phase2 key="2" />, '750 promotions'],
    ['Phase3', <Phase3 key="3" />, '15,000 promotions'],
    ['ByStoreCount (30 stores)', <ByStoreCount key="4" stores={30} />, '900 promotions'],
  ])('loaders: %s ends with its rows in the grid', async (_name, element, count) => {
    const screen = await show(element);
    await waitForRowCount(screen, count);
  });

  it('phase status: the page reads the load from onStatusChange and shows no KPI strip of the view', async () => {
    const screen = await show(<PhaseWithStatus stores={25} />);
    await expect
      .element(screen.getByRole('status').filter({ hasText: 'promotions loaded' }), { timeout: 15_000 })
      .toHaveTextContent('750 promotions loaded');
    await waitForRowCount(screen, '750 promotions');
    expect(screen.getByRole('region', { name: 'Key figures' }).query()).toBeNull();
  });

  it('useSingleBatch: shows the rows and how long they took', async () => {
    const screen = await show(<Stores stores={5} />);
    await waitForRowCount(screen, '150 promotions');
    await expect.element(screen.getByText(/^Loaded in \d+ ms$/)).toBeVisible();
  });

  it('useChunkedLoad: a chunk that keeps failing shows Retry, which resumes from store 11', async () => {
    const screen = await show(<Chunked />);
    const retry = screen.getByRole('button', { name: 'Retry from store 11' });
    await expect.element(retry, { timeout: 15_000 }).toBeVisible();
    await expect.element(screen.getByRole('alert')).toHaveTextContent('network down');
    await retry.click();
    await waitForRowCount(screen, '750 promotions');
  });

  it('useStreamingLoad: streams the 15,000 promotions of 500 stores from a worker', async () => {
    const screen = await show(<Streaming />);
    await waitForRowCount(screen, '15,000 promotions');
    await expect.element(screen.getByText('All 15000 rows streamed'), { timeout: 15_000 }).toBeVisible();
  });

  it('own worker: streams through a worker the page created with Vite', async () => {
    const screen = await show(<OwnWorker />);
    await waitForRowCount(screen, '15,000 promotions');
  });

  it('hashRows: prints the row count of 5 stores', async () => {
    const log = vi.spyOn(console, 'log').mockImplementation(() => {});
    cleanups.push(() => log.mockRestore());
    await import('../../examples/hash-rows.js');
    expect(log).toHaveBeenCalledWith(150);
  });
});
