import { ChunkedGrid, ScalingPhaseView, SingleBatchGrid, StreamingGrid } from '@promoscale/react-grid';

export const Phase1 = () => <SingleBatchGrid spec={{ stores: 5, templates: 'MIXED', seed: 42 }} />;
export const Phase2 = () => <ChunkedGrid spec={{ stores: 25 }} chunkSize={5} retries={3} />;
export const Phase3 = () => <StreamingGrid spec={{ stores: 500 }} />; // generated in a Web Worker
// Picks the phase with recommendApproach (1-10 stores: 1, 11-25: 2, 26-50: 3, 51+: 4) or takes a forced one.
export const ByStoreCount = ({ stores }: { stores: number }) => (
  <ScalingPhaseView stores={stores} seed={42} />
);
