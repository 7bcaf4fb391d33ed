// App.tsx — render <App /> with react-dom's createRoot
import { processBatch } from '@promoscale/generator';
import { KpiSummary, PromotionsGrid } from '@promoscale/react-grid';

const { promotions } = processBatch(1, 5, 'MIXED', { seed: 42 }); // 150 promotions

export function App() {
  return (
    <>
      <KpiSummary rows={promotions} />
      <PromotionsGrid rows={promotions} height={600} />
    </>
  );
}
