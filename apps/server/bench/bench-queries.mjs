// The 20 mixed page queries of the bench (filters, sorts, search, deep offsets) at 50,000 stores.
import { PRODUCTS } from '@promoscale/generator';

const brand = PRODUCTS[7]?.brand ?? '';

/** `[label, path]` of each query. */
export const PAGE_QUERIES = [
  ['first page, dataset order', '/api/promotions?limit=100'],
  ['deep offset 750,000, dataset order', '/api/promotions?offset=750000&limit=100'],
  ['sort -roi', '/api/promotions?sort=-roi&limit=100'],
  ['sort -roi, offset 100,000', '/api/promotions?sort=-roi&offset=100000&limit=100'],
  ['sort -revenue, offset 1,000,000', '/api/promotions?sort=-revenue&offset=1000000&limit=100'],
  ['category=dairy, sort -revenue', '/api/promotions?category=dairy&sort=-revenue&limit=100'],
  [
    'status=active promoType=BOGO, sort startDate',
    '/api/promotions?status=active&promoType=BOGO&sort=startDate',
  ],
  ['storeId (one store)', '/api/promotions?storeId=STORE_12345'],
  [
    'storeId (5 stores), sort -liftPct',
    '/api/promotions?storeId=STORE_100,STORE_2000,STORE_30000,STORE_40000,STORE_49999&sort=-liftPct',
  ],
  ['q=organic', '/api/promotions?q=organic&limit=100'],
  ['q=milk, sort -roi', '/api/promotions?q=milk&sort=-roi&limit=100'],
  ['q=#4999 (store names)', '/api/promotions?q=%234999&limit=100'],
  ['region + template + roi_gte', '/api/promotions?region=WEST&template=URBAN_PREMIUM&roi_gte=1&limit=100'],
  [
    'discountPct_gte=30, sort -incrementalMargin',
    '/api/promotions?discountPct_gte=30&sort=-incrementalMargin',
  ],
  [
    'startDate in May, sort endDate',
    '/api/promotions?startDate_gte=2026-05-01&startDate_lte=2026-05-31&sort=endDate',
  ],
  ['brand, sort -promoUnits', `/api/promotions?brand=${encodeURIComponent(brand)}&sort=-promoUnits`],
  ['sku, sort storeId', '/api/promotions?sku=SKU0042&sort=storeId'],
  ['featureAd + displaySupport, sort -roi', '/api/promotions?featureAd=true&displaySupport=true&sort=-roi'],
  ['sort productName,-roi, offset 500', '/api/promotions?sort=productName,-roi&offset=500&limit=100'],
  ['category + q, sort -discountPct', '/api/promotions?category=frozen,dairy&q=ice&sort=-discountPct'],
];
