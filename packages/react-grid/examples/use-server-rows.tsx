import { createClient } from '@promoscale/api';
import type { Promotion } from '@promoscale/generator';
import {
  KpiSummary,
  kpisFromSummary,
  promotionColumnDefs,
  promotionsGridTheme,
  SERVER_ROWS_MODULES,
  useServerRows,
  useServerSummary,
} from '@promoscale/react-grid';
import { AgGridReact } from 'ag-grid-react';

const client = createClient({ baseUrl: '' }); // '' = same origin (MSW in the page, or apps/server behind a proxy)
const columnDefs = promotionColumnDefs({ mode: 'server' }); // only the filters the contract can express

export function OwnServerGrid() {
  const rows = useServerRows({ client, blockSize: 100, live: false });
  const summary = useServerSummary(rows.query, { client });
  return (
    <>
      {summary.totals ? (
        <KpiSummary kpis={kpisFromSummary(summary.totals, summary.losingPromotions)} />
      ) : null}
      <p role="status">{rows.total === null ? 'Connecting…' : `${rows.total} promotions on the server`}</p>
      <div style={{ height: 400 }}>
        <AgGridReact<Promotion>
          {...rows.gridOptions}
          modules={[...SERVER_ROWS_MODULES]}
          theme={promotionsGridTheme}
          columnDefs={columnDefs}
          onGridReady={(event) => rows.setGridApi(event.api)}
        />
      </div>
    </>
  );
}
