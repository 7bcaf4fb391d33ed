import {
  PROMOTION_FIELD_UNITS,
  PROMOTION_FIELDS,
  type Promotion,
  type PromotionField,
  type PromotionFieldUnit,
} from '@promoscale/generator';

/** `storeName` → `store_name`. */
export function columnOf(field: string): string {
  return field.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);
}

/** The promotions table's column of each Promotion field, in canonical field order. */
export const PROMOTION_COLUMNS: readonly string[] = PROMOTION_FIELDS.map(columnOf);

/** `SELECT` list of a promotion row, in canonical field order. */
export const PROMOTION_SELECT = PROMOTION_COLUMNS.join(', ');

/** How a field's unit is stored: booleans, text (ids, names, enums, ISO dates) or numbers. */
function kindOfUnit(unit: PromotionFieldUnit): 'string' | 'number' | 'boolean' {
  if (unit === 'boolean') return 'boolean';
  return unit === 'id' || unit === 'text' || unit === 'enum' || unit === 'date' ? 'string' : 'number';
}

const FIELD_KINDS = new Map<string, 'string' | 'number' | 'boolean'>(
  PROMOTION_FIELDS.map((field) => [field, kindOfUnit(PROMOTION_FIELD_UNITS[field])]),
);

/** The kind of a Promotion field, or `undefined` for a name that is not one. */
export function fieldKind(field: string): 'string' | 'number' | 'boolean' | undefined {
  return FIELD_KINDS.get(field);
}

/** Whether `field` names a Promotion field. */
export function isPromotionField(field: string): field is PromotionField {
  return FIELD_KINDS.has(field);
}

/**
 * A Promotion from a row selected with {@link PROMOTION_SELECT}: the keys in the generator's order, so
 * `JSON.stringify` gives the bytes the generated source gives.
 */
export function promotionFromRow(row: readonly unknown[]): Promotion {
  const promotion: Record<string, unknown> = {};
  for (let i = 0; i < PROMOTION_FIELDS.length; i++) {
    promotion[PROMOTION_FIELDS[i] as string] = row[i];
  }
  return promotion as unknown as Promotion;
}

/** The fields the `q` search reads, joined by this character in the `search` column (they never hold it). */
export const SEARCH_SEPARATOR = '\u0001';

/** The `search` column of a promotion: its lower-cased product name, brand, store name and sku. */
export function searchText(promotion: Promotion): string {
  return searchTextOf(promotion.productName, promotion.brand, promotion.storeName, promotion.sku);
}

/** {@link searchText} of these four values. */
export function searchTextOf(productName: string, brand: string, storeName: string, sku: string): string {
  return `${productName}${SEARCH_SEPARATOR}${brand}${SEARCH_SEPARATOR}${storeName}${SEARCH_SEPARATOR}${sku}`.toLowerCase();
}
