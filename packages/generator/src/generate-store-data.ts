import { createContext } from './dataset-spec.js';
import { parseStoreId } from './stores/create-store.js';
import type { GenerationOptions, Promotion, StoreTemplate, TemplateSelection } from './types.js';
import { appendStorePromotions } from './variance/promotion-engine.js';

/**
 * Generates the 30 promotions of one store. Any store can be generated on its own: its rows depend only on the
 * seed, the store number, the template and `asOf`.
 *
 * @param storeId a store number (1..100,000) or a store id such as `'STORE_001'`
 * @param template a template name, a template object from `STORE_TEMPLATES`, `'MIXED'` or a weights object
 * @example
 * const promotions = generateStoreData('STORE_001', STORE_TEMPLATES.SUBURBAN_FAMILY);
 * promotions.length; // 30
 */
export function generateStoreData(
  storeId: number | string,
  template: TemplateSelection | StoreTemplate = 'MIXED',
  options?: GenerationOptions,
): Promotion[] {
  const storeNumber = parseStoreId(storeId, 'storeId');
  const ctx = createContext(template, options);
  const out: Promotion[] = [];
  appendStorePromotions(ctx, storeNumber, out);
  return out;
}
