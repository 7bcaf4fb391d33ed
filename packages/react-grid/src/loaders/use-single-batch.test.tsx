import { normalizeSpec } from '@promoscale/generator';
import { loadSingleBatch } from '@promoscale/scaling';
import { describe, expect, it } from 'vitest';
import { renderHook } from 'vitest-browser-react';
import { hashRows } from './hash-rows.js';
import { HOSTILE_SPECS } from './hostile-specs.js';
import { useSingleBatch } from './use-single-batch.js';

function messageOf(spec: Parameters<typeof normalizeSpec>[0]): string {
  try {
    normalizeSpec(spec);
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('expected an invalid spec');
}

describe('useSingleBatch', () => {
  it('goes from loading to done with every row of the spec', async () => {
    const seen: string[] = [];
    const { result } = await renderHook(() => {
      const state = useSingleBatch({ stores: 5, seed: 7 });
      seen.push(state.status);
      return state;
    });
    await expect.poll(() => result.current.status).toBe('done');
    expect(seen).toContain('loading');
    expect(result.current.rows).toHaveLength(150);
    expect(hashRows(result.current.rows)).toEqual(
      hashRows(loadSingleBatch({ stores: 5, seed: 7 }).promotions),
    );
    expect(result.current.progress).toEqual({ loaded: 150, total: 150, ratio: 1 });
    expect(result.current.timings.firstRowsMs).toBeGreaterThanOrEqual(0);
    expect(result.current.timings.allRowsMs).toBe(result.current.timings.firstRowsMs);
  });

  it.each(HOSTILE_SPECS)(
    'shows %s as an error state with the PromoscaleError message',
    async (_name, spec) => {
      const { result } = await renderHook(() => useSingleBatch(spec));
      expect(result.current.status).toBe('error');
      expect(result.current.error?.name).toBe('PromoscaleError');
      expect(result.current.error?.message).toBe(messageOf(spec));
      expect(result.current.rows).toEqual([]);
    },
  );

  it('treats null fields as absent', async () => {
    const { result } = await renderHook(() =>
      useSingleBatch({ stores: 5, seed: null, templates: null } as never),
    );
    await expect.poll(() => result.current.status).toBe('done');
    expect(hashRows(result.current.rows).hash).toBe(hashRows(loadSingleBatch({ stores: 5 }).promotions).hash);
  });

  it('drops the load of a replaced spec: no late rows', async () => {
    const lengths: number[] = [];
    let stores = 10;
    const { result, rerender } = await renderHook(() => {
      const state = useSingleBatch({ stores });
      if (stores === 5) lengths.push(state.rows.length);
      return state;
    });
    stores = 5;
    await rerender();
    await expect.poll(() => result.current.status).toBe('done');
    expect(result.current.rows).toHaveLength(150);
    expect(lengths).not.toContain(300);
  });

  it('cancels a pending load and loads again on retry', async () => {
    const { result, act } = await renderHook(() => useSingleBatch({ stores: 5 }));
    await act(() => result.current.cancel());
    expect(result.current.status).toBe('cancelled');
    expect(result.current.rows).toEqual([]);
    await act(() => result.current.retry());
    await expect.poll(() => result.current.status).toBe('done');
    expect(result.current.rows).toHaveLength(150);
  });

  it('stays idle when disabled', async () => {
    const { result } = await renderHook(() => useSingleBatch({ stores: 5 }, { enabled: false }));
    expect(result.current.status).toBe('idle');
  });
});
