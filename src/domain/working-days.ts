import { tz } from '@date-fns/tz/tz';
import { addDays } from 'date-fns/addDays';
import { addMonths } from 'date-fns/addMonths';
import { addWeeks } from 'date-fns/addWeeks';
import { addYears } from 'date-fns/addYears';
import { t } from '../i18n.js';

/** Where a plain ISO date in a jurisdiction's holiday list comes from. */
const JURISDICTION_DATA = 'templates/jurisdictions';

// Date arithmetic in UTC on YYYY-MM-DD: the host's zone must never move a day.
const utc = { in: tz('UTC') };

/** A day off: its date, its name by language (English always) and where that is known from. */
export interface Holiday {
  date: string;
  name: { en: string } & Partial<Record<string, string>>;
  source: string;
}

/**
 * A jurisdiction's own correction of the public holidays: a day added (a half-day eve the
 * jurisdiction counts as off, a one-off bridge day) or removed (`holiday: false`), with a source.
 */
export interface HolidayOverride {
  date: string;
  /** false: a working day even if the holiday library lists it. Default true. */
  holiday?: boolean;
  name?: { en: string } & Partial<Record<string, string>>;
  source: string;
}

/** The public holiday on a date (YYYY-MM-DD), if any: the holiday library, loaded outside domain. */
export type HolidayLookup = (date: string) => Holiday | undefined;

/**
 * Which days do not count: weekday numbers (0 = Sunday), the jurisdiction's own holiday list
 * (plain ISO dates or overrides) and the public holidays of its country. A Jurisdiction is one.
 */
export interface WorkCalendar {
  weekend: readonly number[];
  holidays: readonly (string | HolidayOverride)[];
  /** Public holidays from the holiday library; the overrides in `holidays` win over it. */
  publicHolidays?: HolidayLookup | undefined;
}

/** The units a time limit can be counted in. */
export const CLOCK_UNITS = ['calendar-days', 'working-days', 'weeks', 'months', 'years'] as const;
export type ClockUnit = (typeof CLOCK_UNITS)[number];

function parseDay(date: string): Date {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d));
}

function formatDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** The holiday on a date (YYYY-MM-DD), if any: the calendar's own list first, then the library. */
export function holidayOn(date: string, calendar: WorkCalendar): Holiday | undefined {
  const listed = () => ({ en: t('dates.listedHoliday') });
  for (const entry of calendar.holidays) {
    if (typeof entry === 'string') {
      if (entry === date) return { date, name: listed(), source: JURISDICTION_DATA };
    } else if (entry.date === date) {
      if (entry.holiday === false) return undefined;
      return { date, name: entry.name ?? listed(), source: entry.source };
    }
  }
  return calendar.publicHolidays?.(date);
}

/** Whether a calendar date (YYYY-MM-DD) is a working day. */
export function isWorkingDay(date: string, calendar: WorkCalendar): boolean {
  const day = parseDay(date).getUTCDay();
  return !calendar.weekend.includes(day) && !holidayOn(date, calendar);
}

/** The end of a count, and the holidays it skipped (those that fell on a weekday). */
export interface WorkingDayCount {
  date: string;
  skipped: Holiday[];
}

/**
 * Adds n working days to a calendar date: the start day does not count, weekends and holidays
 * are skipped. Pure date arithmetic on YYYY-MM-DD, so the host's zone cannot shift it.
 */
export function countWorkingDays(date: string, n: number, calendar: WorkCalendar): WorkingDayCount {
  if (!Number.isInteger(n) || n < 0)
    throw new RangeError(`working days must be a whole number ≥ 0, got ${n}`);
  if (calendar.weekend.length >= 7)
    throw new RangeError('a calendar needs at least one working day');
  // Milliseconds in UTC, which has no daylight saving: a day is always 86,400,000 ms.
  let current = parseDay(date).getTime();
  let left = n;
  const skipped: Holiday[] = [];
  // A calendar that is all holidays would never end: ten years is far beyond any legal clock.
  for (let guard = 0; left > 0; guard += 1) {
    if (guard > 3660) throw new RangeError('no working days found within ten years');
    current += 86_400_000;
    const at = new Date(current);
    const day = formatDay(at);
    if (calendar.weekend.includes(at.getUTCDay())) continue;
    const holiday = holidayOn(day, calendar);
    if (holiday) skipped.push(holiday);
    else left -= 1;
  }
  return { date: formatDay(new Date(current)), skipped };
}

/** Adds n working days to a calendar date (see countWorkingDays). */
export function addWorkingDays(date: string, n: number, calendar: WorkCalendar): string {
  return countWorkingDays(date, n, calendar).date;
}

/**
 * Adds a time limit to a calendar date. Months and years end on the same day of the month, or
 * the month's last day when it has none (31 Jan + 1 month = 28/29 Feb; 29 Feb + 1 year = 28 Feb).
 */
export function addPeriod(
  date: string,
  amount: number,
  unit: ClockUnit,
  calendar: WorkCalendar,
): string {
  return countPeriod(date, amount, unit, calendar).date;
}

/** Like addPeriod, with the holidays a working-day count skipped. */
export function countPeriod(
  date: string,
  amount: number,
  unit: ClockUnit,
  calendar: WorkCalendar,
): WorkingDayCount {
  if (unit === 'working-days') return countWorkingDays(date, amount, calendar);
  return { date: addCalendarPeriod(date, amount, unit), skipped: [] };
}

/**
 * addCalendarPeriod in plain UTC arithmetic, as date-fns counts it (a month or a year ends on
 * the same day of the month, or the month's last day when it has none): `due` counts thousands
 * of clocks, and the zone-aware dates of date-fns cost most of that. Whole non-negative amounts
 * only; test/unit/calendar-period.test.ts holds it to date-fns.
 */
export function addCalendarPeriodUtc(
  date: string,
  amount: number,
  unit: Exclude<ClockUnit, 'working-days'>,
): string | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m || !Number.isInteger(amount) || amount < 0 || amount > 100_000) return undefined;
  const [y, mo, d] = [Number(m[1]), Number(m[2]) - 1, Number(m[3])];
  if (y < 1000) return undefined;
  if (unit === 'calendar-days' || unit === 'weeks') {
    const days = unit === 'weeks' ? amount * 7 : amount;
    return formatDay(new Date(Date.UTC(y, mo, d + days)));
  }
  const months = mo + (unit === 'years' ? amount * 12 : amount);
  const year = y + Math.floor(months / 12);
  const month = months % 12;
  const last = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return formatDay(new Date(Date.UTC(year, month, Math.min(d, last))));
}

function addCalendarPeriod(
  date: string,
  amount: number,
  unit: Exclude<ClockUnit, 'working-days'>,
): string {
  const fast = addCalendarPeriodUtc(date, amount, unit);
  if (fast !== undefined) return fast;
  const start = parseDay(date);
  switch (unit) {
    case 'calendar-days':
      return formatDay(addDays(start, amount, utc));
    case 'weeks':
      return formatDay(addWeeks(start, amount, utc));
    case 'months':
      return formatDay(addMonths(start, amount, utc));
    case 'years':
      return formatDay(addYears(start, amount, utc));
  }
}
