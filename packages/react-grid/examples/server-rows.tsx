import { createClient } from '@promoscale/api';
import { ServerPromotionsGrid } from '@promoscale/react-grid';

// Any server of the promoscale contract: apps/server, or @promoscale/msw's handlers in the page ('' = same origin).
const client = createClient({ baseUrl: '' });

export function ServerRows() {
  return <ServerPromotionsGrid client={client} blockSize={100} live={{ intervalMs: 1000 }} height={600} />;
}
