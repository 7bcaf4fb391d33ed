/** One request the contract expects to be refused with a JSON error body. */
export interface BadInputCase {
  /** Path and query after the base path, e.g. `/promotions?limit=0`. */
  path: string;
  status: 400 | 404 | 405;
  /** For 400: parameter names that must each appear in `issues[].path`. */
  issues?: string[] | undefined;
  method?: string | undefined;
  headers?: Record<string, string> | undefined;
}

/** Every bad-input case of DOMAIN.md section 6, for a dataset of `stores` stores. */
export function badInputCases(stores: number): BadInputCase[] {
  const missingStore = `STORE_${String(stores + 1).padStart(3, '0')}`;
  const q201 = 'x'.repeat(201);
  const invalid = (path: string, ...issues: string[]): BadInputCase => ({ path, status: 400, issues });
  return [
    // paging
    invalid('/promotions?limit=0', 'limit'),
    invalid('/promotions?limit=1001', 'limit'),
    invalid('/promotions?limit=abc', 'limit'),
    invalid('/promotions?limit=1.5', 'limit'),
    invalid('/promotions?limit=', 'limit'),
    invalid('/promotions?offset=-1', 'offset'),
    invalid('/promotions?offset=ten', 'offset'),
    invalid('/promotions?limit=10&limit=20', 'limit'),
    // unknown parameters
    invalid('/promotions?foo=bar', 'foo'),
    invalid('/promotions?Limit=5', 'Limit'),
    invalid('/promotions?category_gte=1', 'category_gte'),
    invalid('/promotions?mechanic=TPR', 'mechanic'),
    // sort
    invalid('/promotions?sort=nope', 'sort'),
    invalid('/promotions?sort=-', 'sort'),
    invalid('/promotions?sort=roi,-roi', 'sort'),
    invalid('/promotions?sort=', 'sort'),
    invalid('/promotions?sort=roi,,storeId', 'sort'),
    // search
    invalid(`/promotions?q=${q201}`, 'q'),
    // enumerated and id values
    invalid('/promotions?category=candy', 'category'),
    invalid('/promotions?template=MIXED', 'template'),
    invalid('/promotions?status=ACTIVE', 'status'),
    invalid('/promotions?promoType=TPR,', 'promoType'),
    invalid('/promotions?region=', 'region'),
    invalid('/promotions?storeId=STORE_1', 'storeId'),
    invalid('/promotions?sku=SKU9999', 'sku'),
    invalid('/promotions?brand=No%20Such%20Brand', 'brand'),
    invalid('/promotions?displaySupport=yes', 'displaySupport'),
    // numbers and dates
    invalid('/promotions?roi_gte=abc', 'roi_gte'),
    invalid('/promotions?roi_gte=Infinity', 'roi_gte'),
    invalid('/promotions?roi_lte=NaN', 'roi_lte'),
    invalid('/promotions?revenue_lte=1e400', 'revenue_lte'),
    invalid('/promotions?liftPct_gte=', 'liftPct_gte'),
    invalid('/promotions?startDate_gte=2026-13-01', 'startDate_gte'),
    invalid('/promotions?endDate_lte=2026-02-29', 'endDate_lte'),
    invalid('/promotions?startDate_lte=26-01-01', 'startDate_lte'),
    // every issue at once
    invalid(
      '/promotions?limit=0&offset=-1&foo=1&sort=bar&roi_gte=x',
      'limit',
      'offset',
      'foo',
      'sort',
      'roi_gte',
    ),
    // other routes
    invalid('/dataset?verbose=1', 'verbose'),
    invalid('/stores?limit=0', 'limit'),
    invalid('/stores?category=dairy', 'category'),
    invalid('/stores?template=GIANT', 'template'),
    invalid('/stores/STORE_001?x=1', 'x'),
    invalid('/stores/STORE_001/promotions?limit=5', 'limit'),
    invalid('/summary?groupBy=storeId', 'groupBy'),
    invalid('/summary?groupBy=', 'groupBy'),
    invalid('/summary?sort=roi', 'sort'),
    invalid('/summary?limit=5', 'limit'),
    invalid('/summary?groupBy=category&roi_gte=x', 'roi_gte'),
    invalid('/promotions/export?format=xml', 'format'),
    invalid('/promotions/export?limit=5', 'limit'),
    invalid('/promotions/export?sort=nope', 'sort'),
    invalid('/live?limit=0', 'limit'),
    invalid('/live?intervalMs=-1', 'intervalMs'),
    invalid('/live?lastEventId=x', 'lastEventId'),
    { path: '/live?limit=1', status: 400, issues: ['Last-Event-ID'], headers: { 'last-event-id': 'abc' } },
    // unknown ids and routes
    { path: `/stores/${missingStore}`, status: 404 },
    { path: `/stores/${missingStore}/promotions`, status: 404 },
    { path: '/stores/NOPE', status: 404 },
    { path: '/stores/STORE_1', status: 404 },
    { path: '/stores/STORE_0001', status: 404 },
    { path: '/stores/store_001', status: 404 },
    { path: '/nope', status: 404 },
    { path: '/stores/STORE_001/nope', status: 404 },
    // methods
    { path: '/promotions', status: 405, method: 'POST' },
    { path: '/stores/STORE_001', status: 405, method: 'DELETE' },
    { path: '/dataset', status: 405, method: 'PUT' },
  ];
}
