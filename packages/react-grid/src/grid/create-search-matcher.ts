import { MAX_SEARCH_LENGTH } from '@promoscale/api';
import { SEARCH_FIELDS } from '@promoscale/api/schemas';

/**
 * The search box's text as it is sent as the contract's `q` (DOMAIN.md section 6): trimmed, cut to
 * `MAX_SEARCH_LENGTH` characters; `''` means no search. Phase 4 sends this (`toPromotionsQuery`), and the client-side
 * grid searches with it, so every phase finds the same rows for the same text.
 */
export function searchQueryText(text: string | null | undefined): string {
  const trimmed = typeof text === 'string' ? text.trim() : '';
  return trimmed.length > MAX_SEARCH_LENGTH ? trimmed.slice(0, MAX_SEARCH_LENGTH) : trimmed;
}

/**
 * A row test equal to the API's `q` (`createPromotionPredicate`): the lower-cased query is a substring of the
 * lower-cased `productName`, `brand`, `storeName` or `sku` (`SEARCH_FIELDS`). Each distinct field value is
 * lower-cased and tested once per query, not once per row: 150,000 generated promotions hold about 5,300 distinct
 * search values. A value that is not a string (a hostile row) never matches. Pass {@link searchQueryText}'s result;
 * `''` matches every row.
 */
export function createSearchMatcher(query: string): (row: unknown) => boolean {
  if (query === '') return () => true;
  const needle = query.toLowerCase();
  const hits = new Map<string, boolean>();
  const hit = (value: unknown): boolean => {
    if (typeof value !== 'string') return false;
    let found = hits.get(value);
    if (found === undefined) {
      found = value.toLowerCase().includes(needle);
      hits.set(value, found);
    }
    return found;
  };
  return (row) => {
    if (typeof row !== 'object' || row === null) return false;
    const fields = row as Record<string, unknown>;
    for (const field of SEARCH_FIELDS) if (hit(fields[field])) return true;
    return false;
  };
}
