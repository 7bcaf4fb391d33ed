import { PromotionsGrid, useSingleBatch } from '@promoscale/react-grid';

export function Stores({ stores }: { stores: number }) {
  const { status, rows, error, timings } = useSingleBatch({ stores, seed: 42 });
  if (status === 'error') return <p role="alert">{error?.message}</p>;
  return (
    <>
      {status === 'done' && <p>Loaded in {Math.round(timings.allRowsMs ?? 0)} ms</p>}
      <PromotionsGrid rows={rows} loading={status === 'loading'} />
    </>
  );
}
