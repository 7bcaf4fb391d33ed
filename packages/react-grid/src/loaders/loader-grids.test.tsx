import type { DatasetSpec, Promotion } from '@promoscale/generator';
import { type ChunkLoader, generateStoreRange, loadSingleBatch } from '@promoscale/scaling';
import type { GridApi } from 'ag-grid-community';
import type { ReactNode } from 'react';
import { describe, expect, it } from 'vitest';
import { render } from 'vitest-browser-react';
import { ChunkedGrid } from './chunked-grid.js';
import { hashGridRows, hashRows } from './hash-rows.js';
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
});
