import type { Page, Promotion } from '@promoscale/api';
import { PromotionsGrid } from '@promoscale/react-grid';
import { useEffect, useState } from 'react';

export function App() {
  const [page, setPage] = useState<Page<Promotion> | null>(null);
  const [error, setError] = useState<unknown>();
  useEffect(() => {
    fetch('/api/promotions?limit=100&sort=storeId')
      .then((response) => response.json() as Promise<Page<Promotion>>)
      .then(setPage, setError);
  }, []);
  return (
    <PromotionsGrid rows={page?.items} loading={!page} error={error} totalRows={page?.total} height={500} />
  );
}
