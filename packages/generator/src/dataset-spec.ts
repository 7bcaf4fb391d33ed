import { DEFAULT_AS_OF, parseAsOf } from './calendar/iso-date.js';
import { PromotionCalendar } from './calendar/promotion-calendar.js';
import { assertInteger, MAX_STORES, PromoscaleError } from './errors.js';
import { readOptions } from './options/read-options.js';
import { hashSeed, type SeedHash } from './random/prng.js';
import {
  resolveTemplateSelection,
  type TemplatePicker,
  type TemplateSelectionLabel,
} from './templates/store-templates.js';
import type { DatasetSpec, GenerationOptions, StoreTemplate, TemplateSelection } from './types.js';

/** The default seed. */
export const DEFAULT_SEED = 42;

/** A DatasetSpec with every default filled in. */
export interface NormalizedDatasetSpec {
  seed: number | string;
  stores: number;
  templates: TemplateSelection;
  asOf: string;
}

/** Everything generation needs, validated and precomputed once. */
export interface GenerationContext {
  readonly seed: number | string;
  readonly seedHash: SeedHash;
  readonly asOf: string;
  readonly calendar: PromotionCalendar;
  readonly picker: TemplatePicker;
  readonly templateLabel: TemplateSelectionLabel;
  readonly selection: TemplateSelection;
}

/** Throws INVALID_SEED unless `seed` is a safe integer or a string of 1-256 characters. */
export function validateSeed(seed: unknown, field = 'seed'): number | string {
  if (typeof seed === 'number' && Number.isSafeInteger(seed)) return seed;
  if (typeof seed === 'string' && seed.length >= 1 && seed.length <= 256) return seed;
  throw new PromoscaleError('INVALID_SEED', field, seed, 'a safe integer or a string of 1 to 256 characters');
}

const calendars = new Map<number, PromotionCalendar>();

function calendarFor(asOfDay: number): PromotionCalendar {
  let calendar = calendars.get(asOfDay);
  if (!calendar) {
    if (calendars.size >= 32) calendars.delete(calendars.keys().next().value as number);
    calendar = new PromotionCalendar(asOfDay);
    calendars.set(asOfDay, calendar);
  }
  return calendar;
}

/** Validates a template argument and generation options into a context. Throws PromoscaleError on bad input. */
export function createContext(
  template: TemplateSelection | StoreTemplate | undefined,
  options: GenerationOptions | null | undefined,
  templateField = 'template',
  prefix = 'options',
): GenerationContext {
  const { seed: rawSeed, asOf: rawAsOf } = readOptions(options, prefix);
  // `undefined` and `null` mean "use the default"; every other value is validated.
  const seed = validateSeed(rawSeed ?? DEFAULT_SEED, `${prefix}.seed`);
  const asOf = rawAsOf ?? DEFAULT_AS_OF;
  const asOfDay = parseAsOf(asOf, `${prefix}.asOf`);
  const { picker, label, selection } = resolveTemplateSelection(template, templateField);
  return {
    seed,
    seedHash: hashSeed(seed),
    asOf,
    calendar: calendarFor(asOfDay),
    picker,
    templateLabel: label,
    selection,
  };
}

/**
 * Validates a DatasetSpec and fills in its defaults (`seed` 42, `templates` 'MIXED', `asOf` '2026-06-01').
 *
 * @example
 * normalizeSpec({ stores: 50 }) // { seed: 42, stores: 50, templates: 'MIXED', asOf: '2026-06-01' }
 */
export function normalizeSpec(spec: DatasetSpec): NormalizedDatasetSpec {
  if (typeof spec !== 'object' || spec === null || Array.isArray(spec)) {
    throw new PromoscaleError('INVALID_STORE_COUNT', 'spec', spec, 'a DatasetSpec object');
  }
  assertInteger(spec.stores, 'spec.stores', 'INVALID_STORE_COUNT', 1, MAX_STORES);
  const context = specContext(spec);
  return { seed: context.seed, stores: spec.stores, templates: context.selection, asOf: context.asOf };
}

/** The generation context of a DatasetSpec (its `stores` is not checked here). */
export function specContext(spec: DatasetSpec): GenerationContext {
  if (typeof spec !== 'object' || spec === null || Array.isArray(spec)) {
    throw new PromoscaleError('INVALID_OPTION', 'spec', spec, 'a DatasetSpec object');
  }
  const options: GenerationOptions = {};
  if (spec.seed != null) options.seed = spec.seed;
  if (spec.asOf != null) options.asOf = spec.asOf;
  return createContext(spec.templates, options, 'spec.templates', 'spec');
}
