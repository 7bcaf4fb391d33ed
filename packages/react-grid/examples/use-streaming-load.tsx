import type { Promotion } from '@promoscale/generator';
import { PromotionsGrid, useStreamingLoad } from '@promoscale/react-grid';
import type { GridApi } from 'ag-grid-community';
import { useState } from 'react';

export function Streaming() {
  const [api, setApi] = useState<GridApi<Promotion> | null>(null);
  const { status, appended, progress } = useStreamingLoad({ stores: 500 }, { gridApi: api });
  return (
    <>
      <p>{status === 'done' ? `All ${appended} rows streamed` : `${appended} rows so far`}</p>
      <PromotionsGrid onGridReady={setApi} totalRows={progress.total} />
    </>
  );
}
