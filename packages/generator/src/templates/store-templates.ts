import { PromoscaleError } from '../errors.js';
import type { StoreTemplate, TemplateName, TemplateSelection, TemplateWeights } from '../types.js';

/** The five store templates of DOMAIN.md section 2, as data. */
export const STORE_TEMPLATES: Readonly<Record<TemplateName, StoreTemplate>> = {
  SUBURBAN_FAMILY: {
    name: 'SUBURBAN_FAMILY',
    label: 'Suburban family',
    priceIndex: 1.0,
    traffic: 1.2,
    promoSensitivity: 1.1,
    variance: 0.15,
    seasonality: 'mild',
    categoryTilt: ['pantry', 'dairy', 'household', 'snacks'],
    mixWeight: 35,
    storeNameSuffix: 'Family Market',
    sqft: [38_000, 62_000],
  },
  URBAN_PREMIUM: {
    name: 'URBAN_PREMIUM',
    label: 'Urban premium',
    priceIndex: 1.18,
    traffic: 0.9,
    promoSensitivity: 0.8,
    variance: 0.12,
    seasonality: 'mild',
    categoryTilt: ['produce', 'bakery', 'beverages', 'deli'],
    mixWeight: 20,
    storeNameSuffix: 'Urban Fresh',
    sqft: [14_000, 30_000],
  },
  RURAL_VALUE: {
    name: 'RURAL_VALUE',
    label: 'Rural value',
    priceIndex: 0.92,
    traffic: 0.8,
    promoSensitivity: 1.3,
    variance: 0.2,
    seasonality: 'mild',
    categoryTilt: ['pantry', 'meat & seafood', 'frozen', 'household'],
    mixWeight: 20,
    storeNameSuffix: 'Value Foods',
    sqft: [22_000, 45_000],
  },
  CAMPUS_EXPRESS: {
    name: 'CAMPUS_EXPRESS',
    label: 'Campus express',
    priceIndex: 1.05,
    traffic: 0.6,
    promoSensitivity: 1.4,
    variance: 0.25,
    seasonality: 'academic year',
    categoryTilt: ['snacks', 'beverages', 'frozen', 'personal care'],
    mixWeight: 10,
    storeNameSuffix: 'Campus Express',
    sqft: [6_000, 14_000],
  },
  COASTAL_SEASONAL: {
    name: 'COASTAL_SEASONAL',
    label: 'Coastal seasonal',
    priceIndex: 1.1,
    traffic: 1.0,
    promoSensitivity: 1.0,
    variance: 0.3,
    seasonality: 'strong summer peak',
    categoryTilt: ['beverages', 'snacks', 'produce'],
    mixWeight: 15,
    storeNameSuffix: 'Harbor Market',
    sqft: [18_000, 40_000],
  },
};

/** The template names in their canonical order: the home of the `TemplateName` union (derived from this list). */
export const TEMPLATE_NAMES = [
  'SUBURBAN_FAMILY',
  'URBAN_PREMIUM',
  'RURAL_VALUE',
  'CAMPUS_EXPRESS',
  'COASTAL_SEASONAL',
] as const;

/** Cumulative weights (summing to 1) over TEMPLATE_NAMES, or a single template index. */
export type TemplatePicker = { readonly fixed: number } | { readonly cumulative: Float64Array };

/** Label of a selection for metadata: the template name, `MIXED`, or `WEIGHTED` for a weights object. */
export type TemplateSelectionLabel = TemplateName | 'MIXED' | 'WEIGHTED';

/** True when `value` is one of the five template names. */
export function isTemplateName(value: unknown): value is TemplateName {
  return typeof value === 'string' && (TEMPLATE_NAMES as readonly string[]).includes(value);
}

const ALLOWED = `one of ${TEMPLATE_NAMES.join(', ')}, MIXED, a template from STORE_TEMPLATES, or a weights object`;

/**
 * Validates a template argument (name, `'MIXED'`, a template object from `STORE_TEMPLATES` or a weights object) and
 * returns how stores pick their template.
 */
export function resolveTemplateSelection(
  selection: TemplateSelection | StoreTemplate | undefined,
  field = 'template',
): { picker: TemplatePicker; label: TemplateSelectionLabel; selection: TemplateSelection } {
  const value = selection ?? 'MIXED';
  if (typeof value === 'string') {
    if (value === 'MIXED') {
      return {
        picker: cumulativeOf(TEMPLATE_NAMES.map((n) => STORE_TEMPLATES[n].mixWeight)),
        label: 'MIXED',
        selection: 'MIXED',
      };
    }
    if (isTemplateName(value)) {
      return { picker: { fixed: TEMPLATE_NAMES.indexOf(value) }, label: value, selection: value };
    }
    throw new PromoscaleError('UNKNOWN_TEMPLATE', field, value, ALLOWED);
  }
  if (typeof value === 'object' && value !== null) {
    if ('name' in value && typeof value.name === 'string' && 'priceIndex' in value) {
      const name = value.name;
      if (isTemplateName(name)) {
        return { picker: { fixed: TEMPLATE_NAMES.indexOf(name) }, label: name, selection: name };
      }
      throw new PromoscaleError('UNKNOWN_TEMPLATE', `${field}.name`, name, ALLOWED);
    }
    const weights = value as TemplateWeights;
    // Own keys only: an inherited weight (`{ __proto__: { URBAN_PREMIUM: 1 } }`) is not part of the selection.
    for (const key of Object.keys(weights)) {
      if (!isTemplateName(key))
        throw new PromoscaleError('UNKNOWN_TEMPLATE', `${field}.${key}`, key, ALLOWED);
      const w = weights[key];
      if (typeof w !== 'number' || !Number.isFinite(w) || w < 0) {
        throw new PromoscaleError('INVALID_TEMPLATE_WEIGHTS', `${field}.${key}`, w, 'a finite number >= 0');
      }
    }
    const list = TEMPLATE_NAMES.map((n) => (Object.hasOwn(weights, n) ? (weights[n] as number) : 0));
    if (!list.some((w) => w > 0)) {
      throw new PromoscaleError(
        'INVALID_TEMPLATE_WEIGHTS',
        field,
        value,
        'a weights object with at least one weight > 0',
      );
    }
    const normalized: TemplateWeights = {};
    TEMPLATE_NAMES.forEach((n, i) => {
      if ((list[i] as number) > 0) normalized[n] = list[i] as number;
    });
    return { picker: cumulativeOf(list), label: 'WEIGHTED', selection: normalized };
  }
  throw new PromoscaleError('UNKNOWN_TEMPLATE', field, value, ALLOWED);
}

/**
 * Cumulative shares of finite weights >= 0 (at least one > 0). When their sum overflows to Infinity (weights near
 * Number.MAX_VALUE), each weight is first divided by the largest, so `{ A: 1e308, B: 1e308 }` is an even mix
 * instead of every share being 0; sums that fit are used as they are, so no existing selection changes. From the
 * last positive weight on, the cumulative share is exactly 1: a rounding shortfall never picks a weight-0 template.
 */
function cumulativeOf(weights: readonly number[]): TemplatePicker {
  const sum = (values: readonly number[]) => values.reduce((s, w) => s + w, 0);
  const largest = Math.max(...weights);
  const scaled = Number.isFinite(sum(weights)) ? weights : weights.map((w) => w / largest);
  const total = sum(scaled);
  const cumulative = new Float64Array(weights.length);
  let acc = 0;
  let lastPositive = 0;
  for (let i = 0; i < scaled.length; i++) {
    acc += (scaled[i] as number) / total;
    cumulative[i] = acc;
    if ((scaled[i] as number) > 0) lastPositive = i;
  }
  cumulative.fill(1, lastPositive);
  return { cumulative };
}
