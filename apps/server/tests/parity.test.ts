import { createHandlers } from '@promoscale/msw';
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_SPEC, useSeededServer } from './support/seeded-server.js';

const MSW_ORIGIN = 'http://msw.test';

// Requests of every route, filters, sorts, search, paging past the end, both export formats, summaries, live
// events with resume, and errors: the server must answer each with the bytes the MSW handlers answer.
const REQUESTS: (string | [string, RequestInit])[] = [
  '/api/dataset',
  '/api/stores',
  '/api/stores?offset=10&limit=7&template=URBAN_PREMIUM,RURAL_VALUE',
  '/api/stores?region=WEST&limit=1000',
  '/api/stores/STORE_007',
  '/api/stores/STORE_007/promotions',
  '/api/stores/STORE_999',
  '/api/promotions',
  '/api/promotions?offset=1190&limit=50',
  '/api/promotions?offset=5000',
  '/api/promotions?sort=-roi,storeId&category=dairy,frozen&roi_gte=0&limit=25',
  '/api/promotions?sort=productName&q=MILK',
  '/api/promotions?sort=-startDate,-discountPct&status=active&featureAd=true',
  '/api/promotions?sort=brand,-liftPct&startDate_gte=2026-05-01&endDate_lte=2026-07-01&offset=20&limit=30',
  '/api/promotions?q=%25&limit=3',
  // `q` is resolved to the skus and stores it matches (promotion_search_parts): product parts, store names, both,
  // neither, with filters and sorts.
  '/api/promotions?q=milk&sort=-roi&limit=5',
  '/api/promotions?q=%2312&limit=50',
  '/api/promotions?q=an&offset=30&limit=5&sort=-roi',
  '/api/promotions?q=an&offset=30&limit=5&sort=-roi',
  '/api/promotions?q=ice&category=frozen,dairy&sort=-discountPct&limit=4',
  '/api/promotions?q=nothing-matches-this',
  '/api/promotions?q=a_b',
  // Past the middle of a result whose total is known, pages are read from the other end: the last pages, a page
  // across the end, offsets at and past the end; a filtered one twice (its total is cached the second time).
  '/api/promotions?sort=-roi&offset=900&limit=100',
  '/api/promotions?sort=revenue,-storeId&offset=1180&limit=50',
  '/api/promotions?sort=-revenue&offset=1199',
  '/api/promotions?sort=roi&offset=1200',
  // Unfiltered descending sorts by roi or revenue at an offset past the first mark (every 1,000 rows) start at the
  // mark before it; others read from the end.
  '/api/promotions?sort=-revenue&offset=1050&limit=100',
  '/api/promotions?sort=-roi&offset=1000&limit=30',
  '/api/promotions?sort=-roi&offset=1199&limit=30',
  '/api/promotions?sort=-promoUnits&offset=1001&limit=300',
  '/api/promotions?offset=601&limit=3&region=WEST,SOUTHEAST',
  '/api/promotions?offset=601&limit=3&region=WEST,SOUTHEAST',
  '/api/promotions?sort=-roi&offset=250&limit=40&category=dairy,frozen,snacks&featureAd=false',
  '/api/promotions?sort=-roi&offset=250&limit=40&category=dairy,frozen,snacks&featureAd=false',
  // Totals on enum and boolean fields come from promotion_counts.
  '/api/promotions?status=active,planned&promoType=BOGO&template=URBAN_PREMIUM&displaySupport=true&limit=1',
  '/api/promotions?storeId=STORE_003,STORE_039,STORE_9999&sort=-revenue',
  // Totals of a range on one discrete field come from promotion_value_counts (twice: counted, then cached); a date
  // range bounds the other date in the rows statement.
  '/api/promotions?discountPct_gte=30&sort=-incrementalMargin&limit=5',
  '/api/promotions?discountPct_gte=20.5&discountPct_lte=30&offset=7&limit=3',
  '/api/promotions?durationDays_lte=14&sort=-durationDays,roi&limit=4',
  '/api/promotions?startDate_gte=2026-05-01&startDate_lte=2026-05-31&sort=endDate&limit=5',
  '/api/promotions?startDate_gte=2026-05-01&startDate_lte=2026-05-31&sort=endDate&offset=300&limit=5',
  '/api/promotions?endDate_lte=2026-06-01&sort=-startDate&limit=4',
  '/api/promotions?endDate_gte=2026-07-01&endDate_lte=2026-06-01',
  '/api/promotions/export',
  '/api/promotions/export?format=csv&sort=-incrementalMargin&region=WEST,MIDWEST',
  '/api/promotions/export?q=organic&sort=sku',
  '/api/summary',
  '/api/summary?groupBy=category&status=active',
  '/api/summary?groupBy=template&q=cola',
  '/api/summary?groupBy=region&roi_gte=100',
  '/api/scaling/estimate?stores=50000',
  '/api/live?limit=5&intervalMs=0',
  ['/api/live?limit=3&intervalMs=0', { headers: { 'last-event-id': '41' } }],
  '/api/promotions?limit=0&sort=nope&Limit=3',
  '/api/promotions?offset=1&offset=2',
  '/api/nowhere',
  ['/api/promotions', { method: 'POST' }],
  ['/api/promotions', { method: 'HEAD' }],
];

describe('parity with the MSW handlers', () => {
  const msw = setupServer(...createHandlers({ dataset: TEST_SPEC, baseUrl: `${MSW_ORIGIN}/api` }));
  beforeAll(() => msw.listen({ onUnhandledRequest: 'bypass' }));
  afterAll(() => msw.close());
  const server = useSeededServer();

  for (const entry of REQUESTS) {
    const [path, init] = typeof entry === 'string' ? [entry, {}] : entry;
    it(`answers ${init.method ?? 'GET'} ${path} with the bytes the MSW handlers answer`, async () => {
      const [fromServer, fromMsw] = await Promise.all(
        [server()?.url, MSW_ORIGIN].map(async (origin) => {
          const response = await fetch(`${origin}${path}`, init);
          return {
            status: response.status,
            type: response.headers.get('content-type'),
            allow: response.headers.get('allow'),
            body: await response.text(),
          };
        }),
      );
      expect(fromServer).toEqual(fromMsw);
      expect(fromServer?.status).toBeLessThan(500);
    });
  }
});
