import { processBatch } from '@promoscale/generator';
import { EstimateTable, KpiSummary, LoadProgress, MemoryGauge } from '@promoscale/react-grid';

const { promotions } = processBatch(1, 5, 'MIXED', { seed: 42 });
const controller = new AbortController(); // the load the Cancel button stops

export function Panels() {
  return (
    <>
      <LoadProgress loaded={750} total={3_000} chunk={3} chunks={10} onCancel={() => controller.abort()} />
      {/* this page's heap: OK / Warning over 500 MB / Critical over 1,000 MB */}
      <MemoryGauge />
      {/* the seed's size table; "Measure in this browser" fills the measured columns */}
      <EstimateTable measureUpTo={50} />
      {/* revenue, incremental revenue, average lift, share losing money */}
      <KpiSummary rows={promotions} />
    </>
  );
}
