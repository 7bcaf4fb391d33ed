import { type PhaseStatusChange, ScalingPhaseView } from '@promoscale/react-grid';
import { useState } from 'react';

// The page says how the load stands and shows its own KPIs: the view reports each change and leaves its KPIs out.
export function PhaseWithStatus({ stores }: { stores: number }) {
  const [load, setLoad] = useState<PhaseStatusChange | null>(null);
  let text = 'Starting…';
  if (load?.status === 'done') text = `${load.rows.toLocaleString('en-US')} promotions loaded`;
  else if (load?.status === 'error') text = `Load stopped: ${load.error?.message}`;
  else if (load) text = `Loading: ${load.rows.toLocaleString('en-US')} of ${load.total ?? '?'}`;
  return (
    <>
      <p role="status">{text}</p>
      <ScalingPhaseView stores={stores} seed={42} kpis={false} onStatusChange={setLoad} />
    </>
  );
}
