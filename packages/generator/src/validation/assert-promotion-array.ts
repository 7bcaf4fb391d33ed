import { PromoscaleError } from '../errors.js';

/**
 * Throws INVALID_OPTION unless `promotions` is an array whose every element is an object (the rows' fields are the
 * business of the function that reads them). Names the first bad element: `promotions[3]`.
 */
export function assertPromotionArray(
  promotions: unknown,
  field = 'promotions',
): asserts promotions is object[] {
  if (!Array.isArray(promotions)) {
    throw new PromoscaleError('INVALID_OPTION', field, promotions, 'an array of promotions');
  }
  for (let i = 0; i < promotions.length; i++) {
    const row: unknown = promotions[i];
    if (typeof row !== 'object' || row === null) {
      throw new PromoscaleError('INVALID_OPTION', `${field}[${i}]`, row, 'a promotion object');
    }
  }
}
