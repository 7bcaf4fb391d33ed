import { estimateDatasetSize, SEED_TABLE_SIZES } from '@promoscale/scaling';
import { describe, expect, it } from 'vitest';
import { render } from 'vitest-browser-react';
import { EstimateTable, HEAP_NOT_MEASURED } from './estimate-table.js';

describe('EstimateTable', () => {
  it('shows a row per seed size with the estimate of estimateDatasetSize', async () => {
    const screen = await render(<EstimateTable />);
    const bodyRows = screen.container.querySelectorAll('tbody tr');
    expect(bodyRows).toHaveLength(SEED_TABLE_SIZES.length);
    const last = estimateDatasetSize(500);
    const cells = [...(bodyRows[bodyRows.length - 1] as HTMLElement).children].map((c) => c.textContent);
    expect(cells[0]).toBe('500');
    expect(cells[1]).toBe('15,000');
    expect(cells[3]).toBe(last.json_size_mb.toFixed(2));
    expect(cells[9]).toBe(last.risk_level);
    expect(cells[4]).toBe('—');
  });

  it('measures the small sizes in this browser on demand, beside the estimates', async () => {
    const screen = await render(<EstimateTable sizes={[5, 10, 5_000]} measureUpTo={10} />);
    await expect.element(screen.getByText(/for 2 sizes up to 10 stores/)).toBeVisible();
    await screen.getByRole('button', { name: 'Measure in this browser' }).click();
    await expect.element(screen.getByRole('button', { name: 'Measure in this browser' })).toBeEnabled();
    const measuredJson = [...screen.container.querySelectorAll('tbody tr')].map(
      (row) => row.children[4]?.textContent,
    );
    expect(measuredJson[0]).toMatch(/^\d+\.\d{2}$/);
    expect(measuredJson[1]).toMatch(/^\d+\.\d{2}$/);
    expect(measuredJson[2]).toBe('—');
  });

  it('shows small load times to a tenth of a millisecond instead of rounding them to 0 ms', async () => {
    const figures = (generateMs: number, parseMs: number) => ({
      stores: 0,
      promotions: 0,
      jsonBytes: 1,
      heapBytes: null,
      generateMs,
      parseMs,
    });
    const screen = await render(
      <EstimateTable
        sizes={[5, 10, 500, 5_000]}
        measured={{
          5: figures(0.02, 0.01),
          10: figures(0.31, 0.2),
          500: figures(9.9, 0.06),
          5000: figures(1_200, 34.4),
        }}
      />,
    );
    const times = [...screen.container.querySelectorAll('tbody tr')].map((row) => [
      row.children[7]?.textContent,
      row.children[8]?.textContent,
    ]);
    expect(times).toEqual([
      [`${estimateDatasetSize(5).load_time_ms.toFixed(1)} ms`, '< 0.1 ms'],
      [`${estimateDatasetSize(10).load_time_ms.toFixed(1)} ms`, '0.5 ms'],
      [`${Math.round(estimateDatasetSize(500).load_time_ms)} ms`, '10 ms'],
      [`${Math.round(estimateDatasetSize(5_000).load_time_ms).toLocaleString('en-US')} ms`, '1,234 ms'],
    ]);
    expect(times[0]?.[0]).not.toBe('0 ms');
  });

  it('says "1 size" when one size can be measured', async () => {
    const screen = await render(<EstimateTable sizes={[5, 500]} measureUpTo={5} />);
    await expect.element(screen.getByText(/for 1 size up to 5 stores\.$/)).toBeVisible();
  });

  it('says why "Heap (MB) measured" is a dash when a measured size has no heap figure, and not otherwise', async () => {
    const figures = (heapBytes: number | null) => ({
      stores: 5,
      promotions: 150,
      jsonBytes: 1,
      heapBytes,
      generateMs: 1,
      parseMs: 1,
    });
    const none = await render(<EstimateTable sizes={[5]} />);
    expect(none.getByTestId('heap-note').query()).toBeNull();
    await none.unmount();
    const missing = await render(<EstimateTable sizes={[5]} measured={{ 5: figures(null) }} />);
    await expect.element(missing.getByTestId('heap-note')).toHaveTextContent(HEAP_NOT_MEASURED);
    expect(missing.container.querySelector('tbody tr')?.children[6]?.textContent).toBe('—');
    await missing.unmount();
    const measured = await render(<EstimateTable sizes={[5]} measured={{ 5: figures(2 * 1_048_576) }} />);
    expect(measured.container.querySelector('tbody tr')?.children[6]?.textContent).toBe('2.00');
    expect(measured.getByTestId('heap-note').query()).toBeNull();
  });
});
