import type { PromotionFieldUnit } from '@promoscale/generator';

/** What a cell shows when its value is missing or not a finite number. */
export const MISSING_VALUE = '—';

/** Options of {@link formatByUnit}. */
export interface FormatOptions {
  /** BCP 47 locale of numbers, money and `'locale'` dates. @default 'en-US' */
  locale?: string;
  /** ISO 4217 currency of money fields. @default 'USD' */
  currency?: string;
  /** `'iso'` shows `2026-06-01`; `'locale'` a short local date such as `Jun 1, 2026`. @default 'iso' */
  dates?: 'iso' | 'locale';
}

const formatters = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>();

function cached<T extends Intl.NumberFormat | Intl.DateTimeFormat>(key: string, create: () => T): T {
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = create();
    formatters.set(key, formatter);
  }
  return formatter as T;
}

function numberFormat(locale: string, kind: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  return cached(`${locale}|${kind}|${options.currency ?? ''}`, () => new Intl.NumberFormat(locale, options));
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function formatDate(value: unknown, locale: string, dates: 'iso' | 'locale'): string {
  if (typeof value !== 'string') return MISSING_VALUE;
  const match = ISO_DATE.exec(value);
  if (!match) return MISSING_VALUE;
  const [year, month, day] = match.slice(1).map(Number) as [number, number, number];
  // UTC at noon: the calendar day never shifts with the viewer's time zone.
  const date = new Date(Date.UTC(year, month - 1, day, 12));
  // Date.UTC rolls 2026-13-45 over into 2027: such a value is not a date.
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return MISSING_VALUE;
  if (dates === 'iso') return value;
  return cached(
    `${locale}|date`,
    () => new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }),
  ).format(date);
}

/**
 * A Promotion value as text, by its unit (the generator's `PROMOTION_FIELD_UNITS`): money `$1,234.56`, percent
 * `25.0%`, ratio as a percentage (`-0.4` → `-40.0%`), counts `1,234`, days `14 days`, booleans `Yes`/`No`, dates ISO
 * or local. A missing value, `NaN` or ±Infinity shows as {@link MISSING_VALUE}, never `NaN` or `undefined`.
 *
 * @example
 * formatByUnit(1234.5, 'money'); // '$1,234.50'
 * formatByUnit(-0.4, 'ratio'); // '-40.0%'
 * formatByUnit(undefined, 'percent'); // '—'
 */
export function formatByUnit(value: unknown, unit: PromotionFieldUnit, options: FormatOptions = {}): string {
  const { locale = 'en-US', currency = 'USD', dates = 'iso' } = options;
  if (value === null || value === undefined) return MISSING_VALUE;
  switch (unit) {
    case 'id':
    case 'text':
    case 'enum':
      return typeof value === 'string' && value !== '' ? value : MISSING_VALUE;
    case 'date':
      return formatDate(value, locale, dates);
    case 'boolean':
      return typeof value === 'boolean' ? (value ? 'Yes' : 'No') : MISSING_VALUE;
    default:
      break;
  }
  if (typeof value !== 'number' || !Number.isFinite(value)) return MISSING_VALUE;
  switch (unit) {
    case 'money':
      return numberFormat(locale, 'money', { style: 'currency', currency }).format(value);
    case 'percent':
      return numberFormat(locale, 'percent', {
        style: 'percent',
        minimumFractionDigits: 1,
        maximumFractionDigits: 1,
      }).format(value / 100);
    case 'ratio':
      return numberFormat(locale, 'percent', {
        style: 'percent',
        minimumFractionDigits: 1,
        maximumFractionDigits: 1,
      }).format(value);
    case 'count':
      return numberFormat(locale, 'count', { maximumFractionDigits: 0 }).format(value);
    case 'days': {
      const days = numberFormat(locale, 'count', { maximumFractionDigits: 0 }).format(value);
      return `${days} ${Math.abs(value) === 1 ? 'day' : 'days'}`;
    }
  }
}
