import { createApiHandler, createClient, createGeneratedSource } from '@promoscale/api';
import type { DatasetSpec, Promotion } from '@promoscale/generator';
import { loadSingleBatch } from '@promoscale/scaling';
import { type GridApi, ScrollApiModule } from 'ag-grid-community';
import { describe, expect, it } from 'vitest';
import { render } from 'vitest-browser-react';
import { PromotionsGrid } from '../grid/promotions-grid.js';
import { hashGridRows, hashRows } from '../loaders/hash-rows.js';
import { SERVER_ROWS_MODULES } from '../server/server-promotions-grid.js';
import { useServerRows } from '../server/use-server-rows.js';
import { ScalingPhaseView } from './scaling-phase-view.js';

// The same spec as the phases 1-3 parity test (loader-grids.test.tsx), so all four phases are held to one digest.
const SPEC = { stores: 12, templates: 'MIXED', seed: 'parity', asOf: '2026-03-01' } satisfies DatasetSpec;
const BLOCK = 100;

// Phase 4 over the API's own handler for the spec, in this page (no network).
const handler = createApiHandler({ source: createGeneratedSource(SPEC) });
const requests: URL[] = [];
const client = createClient({
  baseUrl: 'http://promoscale.test',
  fetch: (input, init) => {
    requests.push(new URL(String(input)));
    return handler.fetch(new Request(input, init));
  },
});

/** The infinite grid over that client, reading a block of 100 rows at a time. */
function ServerGrid({ onApi }: { onApi: (api: GridApi<Promotion>) => void }) {
  const rows = useServerRows({ client, blockSize: BLOCK, cache: false, live: false });
  return (
    <PromotionsGrid
      totalRows={rows.total ?? undefined}
      modules={[...SERVER_ROWS_MODULES, ScrollApiModule]}
      gridOptions={rows.gridOptions}
      onGridReady={(api) => {
        rows.setGridApi(api);
        onApi(api);
      }}
    />
  );
}

describe('phase parity', () => {
  it('ends phase 4 with the rows of phase 1, read from the API page by page (ids and a hash of the row data)', async () => {
    const expected = hashRows(loadSingleBatch(SPEC).promotions);
    let api: GridApi<Promotion> | null = null;
    const screen = await render(<ServerGrid onApi={(ready) => (api = ready)} />);
    await expect.element(screen.getByText('360 promotions', { exact: true })).toBeVisible();
    expect(api).not.toBeNull();
    const grid = api as unknown as GridApi<Promotion>;
    // Scroll block by block until every row is loaded.
    for (let row = BLOCK; row < 360; row += BLOCK) {
      grid.ensureIndexVisible(Math.min(row + 10, 359), 'top');
      await expect.poll(() => grid.getDisplayedRowAtIndex(Math.min(row + 10, 359))?.data?.id).toBeTruthy();
    }
    await expect.poll(() => hashGridRows(grid).count).toBe(360);
    expect(hashGridRows(grid)).toEqual(expected);
    const offsets = requests
      .filter((url) => url.pathname === '/api/promotions')
      .map((url) => Number(url.searchParams.get('offset')));
    expect(new Set(offsets)).toEqual(new Set([0, 100, 200, 300]));
    await screen.unmount();
  });

  it('mounts the server grid for phase 4 in ScalingPhaseView, never a placeholder', async () => {
    const screen = await render(<ScalingPhaseView stores={5000} server={{ live: false, cache: false }} />);
    await expect.element(screen.getByText('Phase 4 · Database backend', { exact: true })).toBeVisible();
    // No API is served here: what matters is that the server grid (its region, not a placeholder) is mounted.
    await expect
      .element(screen.getByRole('region', { name: 'Promotions (server rows)' }))
      .toBeInTheDocument();
    await screen.unmount();
  });
});
