import { type GenerationContext, specContext } from '../dataset-spec.js';
import { assertInteger, assertStoreNumber, MAX_STORES, PromoscaleError } from '../errors.js';
import { readOptions } from '../options/read-options.js';
import { Sfc32 as Prng, type Sfc32, STREAM } from '../random/prng.js';
import { STORE_TEMPLATES, TEMPLATE_NAMES } from '../templates/store-templates.js';
import type { DatasetSpec, Region, Store, StoreTemplate } from '../types.js';
import { CITIES_BY_REGION, REGIONS } from './cities.js';

const REGION_CUMULATIVE = [0.17, 0.42, 0.64, 0.78, 1] as const;
/** Shopper visits a week per square foot at traffic 1.0. */
const VISITS_PER_SQFT = 0.55;

/** A store plus the per-store factors the promotion engine reads. Internal. */
export interface StoreProfile {
  readonly store: Store;
  readonly template: StoreTemplate;
  readonly templateIndex: number;
  /** Store traffic relative to an average store of its template (~1 ± 0.3). */
  readonly trafficFactor: number;
  /** Store-level shelf-price factor (0.97-1.03) on top of the template price index. */
  readonly priceFactor: number;
  /** `PRM-STORE_001-`: promotion ids are this prefix plus the SKU. */
  readonly idPrefix: string;
}

/**
 * `STORE_` + the store number padded to 3 digits: `STORE_007`, `STORE_1234`.
 *
 * @throws PromoscaleError `INVALID_STORE_NUMBER` unless `storeNumber` is an integer from 1 to 100,000.
 */
export function formatStoreId(storeNumber: number): string {
  assertStoreNumber(storeNumber, 'storeNumber');
  return storeIdOf(storeNumber);
}

/** {@link formatStoreId} of a store number already validated. */
function storeIdOf(storeNumber: number): string {
  return storeNumber < 10
    ? `STORE_00${storeNumber}`
    : storeNumber < 100
      ? `STORE_0${storeNumber}`
      : `STORE_${storeNumber}`;
}

/** Parses `STORE_007` (or a plain number) to a store number, or throws INVALID_STORE_NUMBER naming `field`. */
export function parseStoreId(value: unknown, field = 'storeId'): number {
  if (typeof value === 'number') {
    assertStoreNumber(value, field);
    return value;
  }
  const n = typeof value === 'string' ? tryParseStoreId(value) : null;
  if (n !== null) return n;
  throw new PromoscaleError(
    'INVALID_STORE_NUMBER',
    field,
    value,
    `a store number from 1 to ${MAX_STORES} or a store id from STORE_001 to ${storeIdOf(MAX_STORES)}`,
  );
}

/**
 * The store number of a canonical store id (`STORE_007` → 7, `STORE_40000` → 40000), or `null` for anything else
 * (`STORE_7`, `store_007`, `STORE_000`, a number above MAX_STORES): the rule of {@link parseStoreId}, without the
 * throw, for callers that answer "not found" rather than "bad input".
 *
 * @example
 * tryParseStoreId('STORE_042'); // 42
 * tryParseStoreId('STORE_42'); // null
 */
export function tryParseStoreId(storeId: string): number | null {
  const m = STORE_ID.exec(storeId);
  if (!m) return null;
  const n = Number(m[1]);
  return n >= 1 && n <= MAX_STORES && storeIdOf(n) === storeId ? n : null;
}

const STORE_ID = /^STORE_(\d{3,6})$/;

/**
 * Draws a store's attributes from its own stream and leaves `rng` positioned for the store's promotions.
 * Internal: use {@link createStore}.
 */
export function buildStoreProfile(ctx: GenerationContext, storeNumber: number, rng: Sfc32): StoreProfile {
  let templateIndex: number;
  const picker = ctx.picker;
  if ('fixed' in picker) {
    templateIndex = picker.fixed;
  } else {
    const u = rng.seedFor(ctx.seedHash, storeNumber, STREAM.TEMPLATE).next();
    templateIndex = 0;
    while (u >= (picker.cumulative[templateIndex] as number)) templateIndex++;
  }
  const templateName = TEMPLATE_NAMES[templateIndex] as (typeof TEMPLATE_NAMES)[number];
  const template = STORE_TEMPLATES[templateName];

  rng.seedFor(ctx.seedHash, storeNumber, STREAM.STORE);
  const ur = rng.next();
  let regionIndex = 0;
  while (ur >= (REGION_CUMULATIVE[regionIndex] as number)) regionIndex++;
  const region = REGIONS[regionIndex] as Region;
  const cities = CITIES_BY_REGION[region];
  const city = cities[rng.int(cities.length)] as string;
  const openedYear = template.name === 'CAMPUS_EXPRESS' ? 1995 + rng.int(30) : 1962 + rng.int(63);
  const [minSqft, maxSqft] = template.sqft;
  const sqft = Math.round(rng.range(minSqft, maxSqft) / 100) * 100;
  const reference = ((minSqft + maxSqft) / 2) * VISITS_PER_SQFT * template.traffic;
  const weeklyTraffic =
    Math.round((sqft * VISITS_PER_SQFT * template.traffic * (1 + 0.2 * rng.normal())) / 10) * 10;
  const priceFactor = 0.97 + 0.06 * rng.next();
  const storeId = storeIdOf(storeNumber);
  return {
    store: {
      storeId,
      storeNumber,
      name: `${city} ${template.storeNameSuffix} #${storeNumber}`,
      template: template.name,
      region,
      city,
      openedYear,
      sqft,
      weeklyTraffic,
    },
    template,
    templateIndex,
    trafficFactor: weeklyTraffic / reference,
    priceFactor,
    idPrefix: `PRM-${storeId}-`,
  };
}

const rng = new Prng();

/**
 * Generates one store of a dataset by number, without generating any store before it.
 *
 * @example
 * createStore(40_000, { seed: 42, stores: 50_000 }).storeId // 'STORE_40000'
 */
export function createStore(
  storeNumber: number,
  spec?: (Omit<DatasetSpec, 'stores'> & { stores?: number | undefined }) | null,
): Store {
  assertStoreNumber(storeNumber, 'storeNumber');
  const options = readOptions(spec, 'spec');
  const stores = options.stores;
  if (stores != null) {
    assertInteger(stores, 'spec.stores', 'INVALID_STORE_COUNT', 1, MAX_STORES);
    if (storeNumber > stores) {
      throw new PromoscaleError(
        'INVALID_STORE_NUMBER',
        'storeNumber',
        storeNumber,
        `an integer from 1 to spec.stores (${stores})`,
      );
    }
  }
  return buildStoreProfile(specContext({ ...options, stores: 1 }), storeNumber, rng).store;
}
