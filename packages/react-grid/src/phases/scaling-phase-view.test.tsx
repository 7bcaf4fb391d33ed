import type { Promotion } from '@promoscale/generator';
import { type ChunkLoader, generateStoreRange, loadSingleBatch } from '@promoscale/scaling';
import type { GridApi } from 'ag-grid-community';
import { describe, expect, it } from 'vitest';
import { render } from 'vitest-browser-react';
import { createInProcessApi } from '../../tests/support/in-process-api.js';
import { hashGridRows, hashRows } from '../loaders/hash-rows.js';
import { type PhaseStatusChange, ScalingPhaseView } from './scaling-phase-view.js';

/** A chunk loader that waits `ms` per chunk and records every call, to see whether a load goes on. */
function slowLoader(ms: number) {
  const calls: number[] = [];
  const loadChunk: ChunkLoader = async (start, end, spec) => {
    calls.push(start);
    await new Promise((resolve) => setTimeout(resolve, ms));
    return generateStoreRange(start, end, spec);
  };
  return { calls, loadChunk };
}

describe('ScalingPhaseView', () => {
  it.each([
    [5, 'Phase 1 · Single batch', '150 promotions'],
    [25, 'Phase 2 · Chunked', '750 promotions'],
    [50, 'Phase 3 · Streaming', '1,500 promotions'],
  ])('recommends and runs the right loader for %i stores', async (stores, badge, count) => {
    const screen = await render(<ScalingPhaseView stores={stores} />);
    await expect.element(screen.getByText(badge, { exact: true })).toBeVisible();
    await expect.element(screen.getByText(count, { exact: true }), { timeout: 10_000 }).toBeVisible();
  });

  it('marks a forced phase and uses its loader', async () => {
    const screen = await render(<ScalingPhaseView stores={5} phase="CHUNKED_PROCESSING" />);
    await expect.element(screen.getByText('Phase 2 · Chunked (forced)')).toBeVisible();
    await expect.element(screen.getByRole('region', { name: 'Chunked load' })).toBeVisible();
  });

  it('moves the phase boundaries with thresholds', async () => {
    const screen = await render(<ScalingPhaseView stores={5} thresholds={{ singleBatchMax: 2 }} />);
    await expect.element(screen.getByText('Phase 2 · Chunked', { exact: true })).toBeVisible();
  });

  it('cancels the running load when the store count changes phase: no late rows', async () => {
    const { calls, loadChunk } = slowLoader(30);
    let api: GridApi<Promotion> | null = null;
    const onGridReady = (ready: GridApi<Promotion>) => {
      api = ready;
    };
    const screen = await render(
      <ScalingPhaseView stores={25} chunked={{ chunkSize: 1, loadChunk }} onGridReady={onGridReady} />,
    );
    await expect.poll(() => calls.length).toBeGreaterThan(2);
    await screen.rerender(
      <ScalingPhaseView stores={5} chunked={{ chunkSize: 1, loadChunk }} onGridReady={onGridReady} />,
    );
    await expect.element(screen.getByText('Phase 1 · Single batch', { exact: true })).toBeVisible();
    await expect.element(screen.getByText('150 promotions', { exact: true })).toBeVisible();
    const callsAtSwitch = calls.length;
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(calls.length).toBeLessThanOrEqual(callsAtSwitch);
    expect(calls.length).toBeLessThan(25);
    // biome-ignore lint/style/noNonNullAssertion: set by onGridReady
    expect(hashGridRows(api!)).toEqual(hashRows(loadSingleBatch({ stores: 5 }).promotions));
  });

  it('cancels the running load when the store count changes within a phase', async () => {
    const { calls, loadChunk } = slowLoader(30);
    const screen = await render(<ScalingPhaseView stores={25} chunked={{ chunkSize: 1, loadChunk }} />);
    await expect.poll(() => calls.length).toBeGreaterThan(2);
    await screen.rerender(<ScalingPhaseView stores={12} chunked={{ chunkSize: 1, loadChunk }} />);
    await expect
      .element(screen.getByText('360 promotions', { exact: true }), { timeout: 10_000 })
      .toBeVisible();
    await new Promise((resolve) => setTimeout(resolve, 200));
    await expect.element(screen.getByText('360 promotions', { exact: true })).toBeVisible();
    // Only the first few chunks of the 25-store load ran before the 12 stores' load.
    expect(calls.filter((start) => start > 12).length).toBe(0);
  });

  it.each([0, -1, Number.NaN, 1e9])('shows the store count %s as an alert, never a throw', async (stores) => {
    const screen = await render(<ScalingPhaseView stores={stores} />);
    await expect.element(screen.getByRole('alert')).toHaveTextContent(/must be an integer from 1 to 100000/);
  });

  it('leaves the phase KPI strip out with kpis={false}', async () => {
    const screen = await render(<ScalingPhaseView stores={5} kpis={false} />);
    await expect.element(screen.getByText('150 promotions', { exact: true })).toBeVisible();
    expect(screen.getByRole('region', { name: 'Key figures' }).query()).toBeNull();
  });

  it('reports the active phase and its load to onStatusChange', async () => {
    const changes: PhaseStatusChange[] = [];
    const screen = await render(
      <ScalingPhaseView stores={25} chunked={{ chunkSize: 5 }} onStatusChange={(c) => changes.push(c)} />,
    );
    await expect.element(screen.getByText('750 promotions', { exact: true })).toBeVisible();
    await expect
      .poll(() => changes.at(-1))
      .toEqual({
        phase: 'CHUNKED_PROCESSING',
        status: 'done',
        rows: 750,
        total: 750,
        error: null,
      });
    expect(changes.filter((c) => c.status === 'loading').map((c) => c.rows)).toContain(150);
    await screen.rerender(<ScalingPhaseView stores={5} onStatusChange={(c) => changes.push(c)} />);
    await expect
      .poll(() => changes.at(-1))
      .toEqual({
        phase: 'SINGLE_BATCH',
        status: 'done',
        rows: 150,
        total: 150,
        error: null,
      });
  });

  it('phase 4: passes onGridReady and onRowsChange through, reports the server total, and kpis={false} asks no summary', async () => {
    const api = createInProcessApi({ seed: 42, stores: 10 });
    const changes: PhaseStatusChange[] = [];
    const rowsSeen: (number | null)[] = [];
    let grid: GridApi<Promotion> | null = null;
    const screen = await render(
      <ScalingPhaseView
        stores={10}
        phase="DATABASE_BACKEND"
        kpis={false}
        server={{
          client: api.client,
          cache: false,
          live: false,
          onRowsChange: (rows) => rowsSeen.push(rows.total),
        }}
        onGridReady={(ready) => {
          grid = ready;
        }}
        onStatusChange={(c) => changes.push(c)}
      />,
    );
    await expect.element(screen.getByTestId('row-count')).toHaveTextContent(/^300 promotions$/);
    await expect
      .poll(() => changes.at(-1))
      .toEqual({
        phase: 'DATABASE_BACKEND',
        status: 'done',
        rows: 300,
        total: 300,
        error: null,
      });
    expect(changes[0]).toMatchObject({ phase: 'DATABASE_BACKEND', status: 'loading', rows: 0 });
    expect(rowsSeen).toContain(300);
    expect(grid).not.toBeNull();
    // biome-ignore lint/style/noNonNullAssertion: checked just above
    expect(grid!.getDisplayedRowCount()).toBeGreaterThan(0);
    expect(screen.getByRole('region', { name: 'Key figures' }).query()).toBeNull();
    expect(api.requests.some((url) => url.pathname === '/api/summary')).toBe(false);
  });

  it('phase 4: reports a server that does not answer as an error', async () => {
    const api = createInProcessApi({ seed: 42, stores: 10 });
    api.failNext('/api/dataset', 10);
    const changes: PhaseStatusChange[] = [];
    await render(
      <ScalingPhaseView
        stores={10}
        phase="DATABASE_BACKEND"
        server={{ client: api.client, cache: false, live: false }}
        onStatusChange={(c) => changes.push(c)}
      />,
    );
    await expect.poll(() => changes.at(-1)?.status).toBe('error');
    expect(changes.at(-1)?.error).toBeInstanceOf(Error);
  });
});
