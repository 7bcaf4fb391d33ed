import { PromotionsGrid, useChunkedLoad } from '@promoscale/react-grid';
import { type ChunkLoader, generateStoreRange } from '@promoscale/scaling';

let failures = 2; // stores 11-15 fail twice: one automatic retry, then the person's Retry
const flaky: ChunkLoader = (start, end, spec) => {
  if (start === 11 && failures-- > 0) throw new Error('network down');
  return generateStoreRange(start, end, spec);
};

export function Chunked() {
  const load = useChunkedLoad({ stores: 25 }, { chunkSize: 5, retries: 1, loadChunk: flaky });
  return (
    <>
      {load.status === 'error' && (
        <p role="alert">
          {load.error?.message}{' '}
          <button type="button" onClick={load.retry}>
            Retry from store {load.resumeFromStore}
          </button>
        </p>
      )}
      <PromotionsGrid rows={load.rows} totalRows={load.progress.total} />
    </>
  );
}
