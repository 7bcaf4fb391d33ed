import { civilFromDays, formatIsoDate } from './iso-date.js';

/** Promotions start on the Monday of a week from FIRST_WEEK to LAST_WEEK relative to the week of `asOf`. */
export const FIRST_WEEK = -30;
export const LAST_WEEK = 9;
const MAX_DURATION = 28;

/**
 * The promotional calendar around an `asOf` date: ISO strings and months of every day a promotion can start or
 * end on, computed once so that generating a promotion formats no date.
 */
export class PromotionCalendar {
  /** Day number (since 1970-01-01) of `asOf`. */
  readonly asOfDay: number;
  /** Monday of the week containing `asOf`. */
  readonly anchorDay: number;
  private readonly firstDay: number;
  private readonly isoByDay: string[];
  private readonly monthByDay: Uint8Array;

  constructor(asOfDay: number) {
    this.asOfDay = asOfDay;
    this.anchorDay = asOfDay - mod(asOfDay + 3, 7);
    this.firstDay = this.anchorDay + FIRST_WEEK * 7;
    const lastDay = this.anchorDay + LAST_WEEK * 7 + MAX_DURATION;
    const n = lastDay - this.firstDay + 1;
    this.isoByDay = new Array<string>(n);
    this.monthByDay = new Uint8Array(n);
    for (let i = 0; i < n; i++) {
      const day = this.firstDay + i;
      this.isoByDay[i] = formatIsoDate(day);
      this.monthByDay[i] = civilFromDays(day)[1] - 1;
    }
  }

  /** Day number of the Monday `week` weeks from the anchor week. */
  weekStart(week: number): number {
    return this.anchorDay + week * 7;
  }

  /** `YYYY-MM-DD` of a day inside the calendar. */
  iso(day: number): string {
    return this.isoByDay[day - this.firstDay] as string;
  }

  /** Month 0-11 of a day inside the calendar. */
  month(day: number): number {
    return this.monthByDay[day - this.firstDay] as number;
  }
}

function mod(a: number, n: number): number {
  return ((a % n) + n) % n;
}
