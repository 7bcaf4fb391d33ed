// TypeScript strict, ESM: the published types of every entry, used as a user would.
import { createApiHandler, createGeneratedSource, type Page, type Promotion } from '@promoscale/api';
import { type PromoscaleError, processBatch } from '@promoscale/generator';
import { createHandlers, type NetworkProfile } from '@promoscale/msw';
import { setupPromoscaleServer } from '@promoscale/msw/node';
import { estimateDatasetSize } from '@promoscale/scaling';

const rows: readonly Promotion[] = processBatch(1, 5, 'MIXED', { seed: 42 }).promotions;
const profile: NetworkProfile = { latency: 'none', errorRate: 0 };
const handler = createApiHandler({
  source: createGeneratedSource({ seed: 42, stores: 5, templates: 'MIXED' }),
});
const page: Page<Promotion> = await handler
  .fetch(new Request('http://localhost/api/promotions'))
  .then((r) => r.json());
const risk: string = estimateDatasetSize(10).risk_level;
const error: PromoscaleError | undefined = undefined;
export const used = [
  rows.length,
  createHandlers({ network: profile }).length,
  page.total,
  risk,
  error,
  setupPromoscaleServer,
];
