import type { Promotion } from '@promoscale/generator';
import { type ChunkLoader, generateStoreRange, loadSingleBatch } from '@promoscale/scaling';
import type { GridApi } from 'ag-grid-community';
import { describe, expect, it } from 'vitest';
import { render } from 'vitest-browser-react';
import { hashGridRows, hashRows } from '../loaders/hash-rows.js';
import { ScalingPhaseView } from './scaling-phase-view.js';

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
});
