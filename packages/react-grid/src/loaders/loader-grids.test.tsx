import type { DatasetSpec, Promotion } from '@promoscale/generator';
import { type ChunkLoader, generateStoreRange, loadSingleBatch } from '@promoscale/scaling';
import type { GridApi } from 'ag-grid-community';
import type { ReactNode } from 'react';
import { describe, expect, it } from 'vitest';
import { render } from 'vitest-browser-react';
import { ChunkedGrid } from './chunked-grid.js';
import { hashGridRows, hashRows } from './hash-rows.js';
import type { LoadStatusChange } from './load-lifecycle.js';
import { SingleBatchGrid } from './single-batch-grid.js';
import { StreamingGrid } from './streaming-grid.js';

const PARITY_SPEC: DatasetSpec = { stores: 12, templates: 'MIXED', seed: 'parity', asOf: '2026-03-01' };

type GridFor = (spec: DatasetSpec, onGridReady: (api: GridApi<Promotion>) => void) => ReactNode;

const PHASES: [string, GridFor][] = [
  [
    'phase 1 (single batch)',
    (spec, onGridReady) => <SingleBatchGrid spec={spec} onGridReady={onGridReady} />,
  ],
  [
    'phase 2 (chunked)',
    (spec, onGridReady) => <ChunkedGrid spec={spec} chunkSize={5} onGridReady={onGridReady} />,
  ],
  ['phase 3 (streaming)', (spec, onGridReady) => <StreamingGrid spec={spec} onGridReady={onGridReady} />],
];

describe('loader grids', () => {
  it('end with the same rows in the grid in phases 1-3 (ids and a hash of the row data)', async () => {
    const expected = hashRows(loadSingleBatch(PARITY_SPEC).promotions);
    for (const [, gridFor] of PHASES) {
      let api: GridApi<Promotion> | null = null;
      const screen = await render(
        gridFor(PARITY_SPEC, (ready) => {
          api = ready;
        }),
      );
      await expect
        .element(screen.getByText('360 promotions', { exact: true }), { timeout: 10_000 })
        .toBeVisible();
      await expect.element(screen.getByRole('progressbar')).toHaveAttribute('aria-valuenow', '100');
      expect(api).not.toBeNull();
      // biome-ignore lint/style/noNonNullAssertion: checked just above
      expect(hashGridRows(api!)).toEqual(expected);
      await screen.unmount();
    }
  });

  it('shows a chunk that keeps failing as an alert with the rows before it, and retries from that chunk', async () => {
    let down = true;
    const calls: number[] = [];
    const loadChunk: ChunkLoader = (start, end, spec) => {
      calls.push(start);
      if (down && start === 11) throw new Error('network down');
      return generateStoreRange(start, end, spec);
    };
    const screen = await render(
      <ChunkedGrid spec={{ stores: 25 }} chunkSize={5} retries={1} retryDelayMs={0} loadChunk={loadChunk} />,
    );
    const alert = screen.getByRole('alert');
    await expect
      .element(alert)
      .toHaveTextContent('chunk 3 of 5 (stores 11-15) failed after 2 attempts: network down');
    await expect.element(screen.getByText('300 of 750 promotions')).toBeVisible();
    down = false;
    calls.length = 0;
    await screen.getByRole('button', { name: 'Retry from store 11' }).click();
    await expect.element(screen.getByText('750 promotions', { exact: true })).toBeVisible();
    expect(calls).toEqual([11, 16, 21]);
    expect(screen.getByRole('alert').query()).toBeNull();
  });

  it.each([
    ['SingleBatchGrid', <SingleBatchGrid key="1" spec={{ stores: 0 }} />],
    ['ChunkedGrid', <ChunkedGrid key="2" spec={{ stores: -1 }} />],
    ['StreamingGrid', <StreamingGrid key="3" spec={{ stores: Number.NaN }} />],
  ])('%s shows a bad spec as an alert without a Retry button', async (_name, element) => {
    const screen = await render(element);
    await expect
      .element(screen.getByRole('alert'))
      .toHaveTextContent(/spec\.stores must be an integer from 1 to 100000/);
    expect(screen.getByRole('button', { name: /Retry/ }).query()).toBeNull();
  });

  it('cancels a chunked load from its Cancel button and resumes it', async () => {
    let release: () => void = () => {};
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const loadChunk: ChunkLoader = async (start, end, spec) => {
      if (start === 6) await gate;
      return generateStoreRange(start, end, spec);
    };
    const screen = await render(<ChunkedGrid spec={{ stores: 10 }} chunkSize={5} loadChunk={loadChunk} />);
    await expect.element(screen.getByText('150 of 300 promotions')).toBeVisible();
    await screen.getByRole('button', { name: 'Cancel' }).click();
    await expect.element(screen.getByText('Load cancelled.')).toBeVisible();
    release();
    await screen.getByRole('button', { name: 'Retry from store 6' }).click();
    await expect.element(screen.getByText('300 promotions', { exact: true })).toBeVisible();
  });

  it.each([
    ['SingleBatchGrid', (kpis: boolean) => <SingleBatchGrid spec={{ stores: 5 }} kpis={kpis} />],
    ['ChunkedGrid', (kpis: boolean) => <ChunkedGrid spec={{ stores: 5 }} kpis={kpis} />],
    ['StreamingGrid', (kpis: boolean) => <StreamingGrid spec={{ stores: 5 }} kpis={kpis} />],
  ])('%s leaves its KPI strip out with kpis={false}', async (_name, element) => {
    const shown = await render(element(true));
    await expect.element(shown.getByText('150 promotions', { exact: true })).toBeVisible();
    await expect.element(shown.getByRole('region', { name: 'Key figures' })).toBeVisible();
    await shown.unmount();
    const hidden = await render(element(false));
    await expect.element(hidden.getByText('150 promotions', { exact: true })).toBeVisible();
    expect(hidden.getByRole('region', { name: 'Key figures' }).query()).toBeNull();
  });

  it.each([
    [
      'SingleBatchGrid',
      (report: (c: LoadStatusChange) => void) => (
        <SingleBatchGrid spec={{ stores: 10 }} onStatusChange={report} />
      ),
    ],
    [
      'ChunkedGrid',
      (report: (c: LoadStatusChange) => void) => (
        <ChunkedGrid spec={{ stores: 10 }} chunkSize={5} onStatusChange={report} />
      ),
    ],
    [
      'StreamingGrid',
      (report: (c: LoadStatusChange) => void) => (
        <StreamingGrid spec={{ stores: 10 }} onStatusChange={report} />
      ),
    ],
  ])('%s reports its load to onStatusChange, from loading to done', async (_name, element) => {
    const changes: LoadStatusChange[] = [];
    const screen = await render(element((change) => changes.push(change)));
    await expect.element(screen.getByText('300 promotions', { exact: true })).toBeVisible();
    await expect.poll(() => changes.at(-1)).toEqual({ status: 'done', rows: 300, total: 300, error: null });
    expect(changes.some((change) => change.status === 'loading' && change.total === 300)).toBe(true);
    // Each change is reported once: no two reports in a row are equal.
    for (let i = 1; i < changes.length; i++) expect(changes[i]).not.toEqual(changes[i - 1]);
  });

  it('reports a failed chunk as an error with the rows before it, then done after Retry', async () => {
    let down = true;
    const loadChunk: ChunkLoader = (start, end, spec) => {
      if (down && start === 6) throw new Error('network down');
      return generateStoreRange(start, end, spec);
    };
    const changes: LoadStatusChange[] = [];
    const screen = await render(
      <ChunkedGrid
        spec={{ stores: 10 }}
        chunkSize={5}
        retries={0}
        loadChunk={loadChunk}
        onStatusChange={(change) => changes.push(change)}
      />,
    );
    await expect.element(screen.getByRole('alert')).toBeVisible();
    const failed = changes.at(-1);
    expect(failed).toMatchObject({ status: 'error', rows: 150, total: 300 });
    expect(failed?.error?.message).toMatch(
      /chunk 2 of 2 \(stores 6-10\) failed after 1 attempt.*network down/,
    );
    down = false;
    await screen.getByRole('button', { name: 'Retry from store 6' }).click();
    await expect.poll(() => changes.at(-1)).toEqual({ status: 'done', rows: 300, total: 300, error: null });
  });
});
