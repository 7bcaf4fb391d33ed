import { PhaseBadge, ScalingLab } from '@promoscale/react-grid';

// A slider from 5 to 50,000 stores: the recommended phase changes as it moves and its loader runs; phase 4 reads
// same-origin /api (start @promoscale/msw's worker first, or pass `server={{ client }}` for apps/server).
export function Lab() {
  return (
    <>
      <PhaseBadge phase="CHUNKED_PROCESSING" forced />
      <ScalingLab initialStores={5} seed={42} />
    </>
  );
}
