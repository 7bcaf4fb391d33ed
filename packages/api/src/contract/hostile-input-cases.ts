import type { BadInputCase } from './bad-input-cases.js';

/** The classes of hostile input {@link hostileInputCases} covers, one table each. */
export type HostileInputKind =
  | 'malformed percent-escape in the path'
  | 'malformed percent-escape in the query'
  | 'huge id or value'
  | 'repeated parameter'
  | 'wrong type'
  | 'out-of-range number'
  | 'unknown parameter'
  | 'wrong method';

/** One hostile request and the 4xx the contract answers it with. */
export interface HostileInputCase extends BadInputCase {
  kind: HostileInputKind;
}

/** Options of {@link hostileInputCases}. */
export interface HostileInputOptions {
  /**
   * Length of the huge ids, values and parameter names. Real HTTP servers cap the request line (Node: 16 KB of
   * headers), so the contract suite sends 2,000; handlers called in-process take 100,000.
   * @default 2000
   */
  hugeLength?: number | undefined;
}

/**
 * Escapes and characters that have broken URL handling before: truncated and invalid UTF-8 escapes, a lone
 * surrogate, `%` alone, NUL, `+` (a space in a query), separators. For fuzzers that splice them into paths and
 * query strings.
 */
export const HOSTILE_URL_FRAGMENTS: readonly string[] = [
  '%',
  '%%',
  '%Z',
  '%ZZ',
  '%E0%A4%A',
  '%E0%A4',
  '%C3',
  '%ED%A0%80',
  '%F4%90%80%80',
  '%FF',
  '%00',
  '%2F',
  '%5C',
  '%2e%2e',
  '%3F',
  '%23',
  '%26',
  '%3D',
  '+',
  '%2B',
  '%20',
  '&',
  '=',
  '&&',
  '==',
  '[]',
  '\u0000',
  '\uD800',
  '💥',
];

/**
 * Hostile requests the contract answers with a JSON error body and never a 5xx, grouped by {@link HostileInputKind}:
 * malformed percent-escapes (`/stores/%E0%A4%A`, `/promotions%ZZ`, `/%`, `?limit=%`), huge ids and values,
 * repeated parameters, wrong types, out-of-range numbers, unknown parameters and wrong methods. Any dataset
 * with `STORE_001` fits.
 *
 * @example
 * for (const c of hostileInputCases({ hugeLength: 100_000 })) {
 *   const response = await handler.fetch(new Request(`http://localhost/api${c.path}`, { method: c.method }));
 *   // response.status === c.status
 * }
 */
export function hostileInputCases(options: HostileInputOptions = {}): HostileInputCase[] {
  const n = options.hugeLength ?? 2000;
  const store = 'STORE_001';
  const table: Record<HostileInputKind, BadInputCase[]> = {
    'malformed percent-escape in the path': [
      { path: '/stores/%E0%A4%A', status: 404 },
      { path: '/stores/%E0%A4%A/promotions', status: 404 },
      { path: '/promotions%ZZ', status: 404 },
      { path: '/%', status: 404 },
      { path: '/%ZZ/promotions', status: 404 },
      { path: '/stores/%', status: 404 },
      { path: '/stores/%ED%A0%80', status: 404 },
      { path: '/stores/%00', status: 404 },
      { path: `/stores/${store}%`, status: 404 },
      { path: '/stores/%E0%A4%A', status: 405, method: 'POST' },
    ],
    'malformed percent-escape in the query': [
      { path: '/promotions?limit=%', status: 400, issues: ['limit'] },
      { path: '/promotions?limit=%ZZ', status: 400, issues: ['limit'] },
      { path: '/promotions?limit=%00', status: 400, issues: ['limit'] },
      { path: '/promotions?limit=+5', status: 400, issues: ['limit'] },
      { path: '/promotions?limit=1%2B1', status: 400, issues: ['limit'] },
      { path: '/promotions?%ZZ=1', status: 400, issues: ['%ZZ'] },
      { path: '/promotions?%=1', status: 400, issues: ['%'] },
      { path: '/dataset?%', status: 400, issues: ['%'] },
      { path: '/promotions?sort=%ED%A0%80', status: 400, issues: ['sort'] },
      { path: '/promotions?category=%E0%A4%A', status: 400, issues: ['category'] },
      { path: '/promotions?category=dairy%00', status: 400, issues: ['category'] },
      { path: '/summary?groupBy=%C3', status: 400, issues: ['groupBy'] },
      { path: '/promotions?limit%00=5', status: 400, issues: ['limit\u0000'] },
    ],
    'huge id or value': [
      { path: `/stores/${'X'.repeat(n)}`, status: 404 },
      { path: `/stores/${'%41'.repeat(Math.ceil(n / 3))}`, status: 404 },
      { path: `/stores/${'X'.repeat(n)}/promotions`, status: 404 },
      { path: `/${'x'.repeat(n)}`, status: 404 },
      { path: `/promotions?limit=${'9'.repeat(n)}`, status: 400, issues: ['limit'] },
      { path: `/promotions?roi_gte=${'1'.repeat(n)}`, status: 400, issues: ['roi_gte'] },
      { path: `/promotions?q=${'q'.repeat(n)}`, status: 400, issues: ['q'] },
      { path: `/promotions?category=${'c'.repeat(n)}`, status: 400, issues: ['category'] },
      { path: `/promotions?sort=${'s'.repeat(n)}`, status: 400, issues: ['sort'] },
    ],
    'repeated parameter': [
      { path: '/promotions?limit=1&limit=1', status: 400, issues: ['limit'] },
      { path: '/promotions?sort=roi&sort=roi', status: 400, issues: ['sort'] },
      { path: '/stores?region=WEST&region=WEST&region=WEST', status: 400, issues: ['region'] },
      { path: '/promotions?x=1&x=2', status: 400, issues: ['x'] },
      { path: `/promotions?${'limit=5&'.repeat(Math.ceil(n / 8))}`, status: 400, issues: ['limit'] },
      {
        // More distinct unknown parameters than a 400 lists (50), fewer than would make the case slow.
        path: `/promotions?${Array.from({ length: Math.ceil(n / 40) }, (_, i) => `k${i}=1`).join('&')}`,
        status: 400,
        issues: ['k0'],
      },
    ],
    'wrong type': [
      { path: '/promotions?limit=true', status: 400, issues: ['limit'] },
      { path: '/promotions?limit[]=5', status: 400, issues: ['limit[]'] },
      { path: '/promotions?limit=[5]', status: 400, issues: ['limit'] },
      { path: '/promotions?displaySupport=1', status: 400, issues: ['displaySupport'] },
      { path: '/promotions?roi_gte=0x10', status: 400, issues: ['roi_gte'] },
      { path: '/promotions?startDate_gte=1717200000', status: 400, issues: ['startDate_gte'] },
      { path: '/live?intervalMs=fast', status: 400, issues: ['intervalMs'] },
    ],
    'out-of-range number': [
      { path: '/promotions?limit=-0', status: 400, issues: ['limit'] },
      { path: '/promotions?limit=1e3', status: 400, issues: ['limit'] },
      { path: '/promotions?offset=9007199254740993', status: 400, issues: ['offset'] },
      { path: '/promotions?roi_gte=1e309', status: 400, issues: ['roi_gte'] },
      { path: '/stores?limit=1001', status: 400, issues: ['limit'] },
      { path: '/live?intervalMs=60001', status: 400, issues: ['intervalMs'] },
      { path: '/live?lastEventId=-1', status: 400, issues: ['lastEventId'] },
    ],
    'unknown parameter': [
      { path: '/promotions?__proto__=1', status: 400, issues: ['__proto__'] },
      { path: '/promotions?constructor=1', status: 400, issues: ['constructor'] },
      { path: '/dataset?toString=1', status: 400, issues: ['toString'] },
      { path: `/promotions?${'k'.repeat(n)}=1`, status: 400 },
      { path: `/stores/${store}?limit=1`, status: 400, issues: ['limit'] },
    ],
    'wrong method': [
      { path: '/promotions', status: 405, method: 'PATCH' },
      { path: '/promotions/export', status: 405, method: 'DELETE' },
      { path: '/summary', status: 405, method: 'OPTIONS' },
      { path: '/live', status: 405, method: 'PUT' },
      { path: `/stores/${store}/promotions`, status: 405, method: 'POST' },
      { path: '/nope', status: 404, method: 'POST' },
    ],
  };
  return Object.entries(table).flatMap(([kind, cases]) =>
    cases.map((c) => ({ ...c, kind: kind as HostileInputKind })),
  );
}
