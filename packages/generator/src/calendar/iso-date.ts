import { PromoscaleError } from '../errors.js';

/** The default `asOf` date: promotion status never depends on the wall clock. */
export const DEFAULT_AS_OF = '2026-06-01';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's days_from_civil). */
export function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (month + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** `[year, month (1-12), day]` of a day number since 1970-01-01. */
export function civilFromDays(days: number): [number, number, number] {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return [yoe + era * 400 + (m <= 2 ? 1 : 0), m, d];
}

/** Days since 1970-01-01 of a real `YYYY-MM-DD` date from 1900 to 2199, or `null`. */
export function tryParseIsoDate(value: unknown): number | null {
  if (typeof value !== 'string') return null;
  const m = ISO_DATE.exec(value);
  if (!m) return null;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (year < 1900 || year > 2199 || month < 1 || month > 12 || day < 1) return null;
  const days = daysFromCivil(year, month, day);
  const [y2, m2, d2] = civilFromDays(days);
  return y2 === year && m2 === month && d2 === day ? days : null;
}

/** Parses a `YYYY-MM-DD` date (years 1900-2199) to days since 1970-01-01, or throws INVALID_DATE naming `field`. */
export function parseIsoDate(value: unknown, field = 'date'): number {
  const days = tryParseIsoDate(value);
  if (days === null) {
    throw new PromoscaleError(
      'INVALID_DATE',
      field,
      value,
      'a real ISO date YYYY-MM-DD from 1900-01-01 to 2199-12-31',
    );
  }
  return days;
}

/** The earliest and latest `asOf` accepted: every promotion date around them stays within 1900..2199. */
export const AS_OF_RANGE = { min: '1901-01-01', max: '2198-12-31' } as const;

/** Parses an `asOf` date (a real `YYYY-MM-DD` from 1901-01-01 to 2198-12-31), or throws INVALID_DATE. */
export function parseAsOf(value: unknown, field: string): number {
  const days = tryParseIsoDate(value);
  if (days === null || (value as string) < AS_OF_RANGE.min || (value as string) > AS_OF_RANGE.max) {
    throw new PromoscaleError(
      'INVALID_DATE',
      field,
      value,
      `a real ISO date YYYY-MM-DD from ${AS_OF_RANGE.min} to ${AS_OF_RANGE.max}`,
    );
  }
  return days;
}

/** Day numbers of 1900-01-01 and 2199-12-31, the dates {@link parseIsoDate} reads. */
const DAY_RANGE = { min: daysFromCivil(1900, 1, 1), max: daysFromCivil(2199, 12, 31) } as const;

/**
 * Formats days since 1970-01-01 as `YYYY-MM-DD`: the inverse of {@link parseIsoDate}.
 *
 * @throws PromoscaleError `INVALID_DATE` unless `days` is an integer from -25567 (1900-01-01) to 84005 (2199-12-31).
 * @example
 * formatIsoDate(20_605); // '2026-06-01'
 */
export function formatIsoDate(days: number): string {
  if (typeof days !== 'number' || !Number.isInteger(days) || days < DAY_RANGE.min || days > DAY_RANGE.max) {
    throw new PromoscaleError(
      'INVALID_DATE',
      'days',
      days,
      `an integer from ${DAY_RANGE.min} (1900-01-01) to ${DAY_RANGE.max} (2199-12-31)`,
    );
  }
  const [y, m, d] = civilFromDays(days);
  return `${y}-${m < 10 ? '0' : ''}${m}-${d < 10 ? '0' : ''}${d}`;
}
