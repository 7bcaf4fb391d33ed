// The README example: the API in-process, no network. Run: node examples/quick-start.mjs (after `pnpm build`).
import { createApiHandler, createClient, createGeneratedSource } from '@promoscale/api';

const handler = createApiHandler({
  source: createGeneratedSource({ seed: 42, stores: 500, templates: 'MIXED' }),
});
const client = createClient({
  baseUrl: 'http://localhost',
  fetch: (url, init) => handler.fetch(new Request(url, init)),
});

const page = await client.promotions({
  sort: '-roi,storeId',
  category: ['dairy', 'frozen'],
  roi_gte: 0,
  limit: 5,
});
console.log(
  page.total,
  page.items.map((p) => `${p.id} ${p.roi}`),
);
const { groups } = await client.summary({ groupBy: 'promoType', status: 'active' });
console.log(groups.map((g) => `${g.key}: ${g.promotions} promotions, $${g.revenue}`));
for await (const update of client.live({ limit: 2, intervalMs: 0 }))
  console.log(update.sequence, update.promotion.id);
