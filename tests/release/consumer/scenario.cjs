// The job esm.mjs and cjs.cjs both run, given the packages each loaded its own way (import or require): both must
// print the same line.
async function scenario({ api, generator, msw, mswNode, scaling }) {
  const { promotions } = generator.processBatch(1, 5, 'MIXED', { seed: 42 });
  const estimate = scaling.estimateDatasetSize(250);
  const source = api.createGeneratedSource({ seed: 42, stores: 20, templates: 'MIXED' });
  const handler = api.createApiHandler({ source });
  const page = await handler
    .fetch(new Request('http://localhost/api/promotions?limit=2'))
    .then((r) => r.json());
  const server = mswNode.setupPromoscaleServer({ dataset: { seed: 42, stores: 20 } });
  server.listen({ onUnhandledRequest: 'error' });
  const mocked = await fetch('http://localhost/api/promotions?limit=2').then((r) => r.json());
  server.close();
  return JSON.stringify({
    promotions: promotions.length,
    firstId: promotions[0].id,
    estimatePromotions: estimate.promotions,
    apiTotal: page.total,
    apiFirst: page.items[0].id,
    mswFirst: mocked.items[0].id,
    handlers: msw.createHandlers().length > 0,
  });
}
module.exports = { scenario };
