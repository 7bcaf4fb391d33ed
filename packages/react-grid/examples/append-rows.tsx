import type { Promotion } from '@promoscale/generator';
import { storeDataAsyncIterator } from '@promoscale/generator';
import { PromotionsGrid } from '@promoscale/react-grid';
import type { GridApi } from 'ag-grid-community';
import { useState } from 'react';

export function Streaming() {
  const [error, setError] = useState<unknown>(null);
  const append = async (grid: GridApi<Promotion>) => {
    for await (const chunk of storeDataAsyncIterator(50, 10)) {
      if (grid.isDestroyed()) return; // unmounted: stop generating
      grid.applyTransactionAsync({ add: chunk.promotions });
    }
  };
  return (
    <PromotionsGrid error={error} totalRows={1_500} onGridReady={(grid) => append(grid).catch(setError)} />
  );
}
