import { tz } from '@date-fns/tz/tz';
import { addDays } from 'date-fns/addDays';
import { addMonths } from 'date-fns/addMonths';
import { addWeeks } from 'date-fns/addWeeks';
import { addYears } from 'date-fns/addYears';

// Date arithmetic in UTC on YYYY-MM-DD: the host's zone must never move a day.
const utc = { in: tz('UTC') };

/** Which days do not count: weekday numbers (0 = Sunday) and ISO dates. */
export interface WorkCalendar {
  weekend: readonly number[];
  holidays: readonly string[];
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

/** Whether a calendar date (YYYY-MM-DD) is a working day. */
export function isWorkingDay(date: string, calendar: WorkCalendar): boolean {
  const day = parseDay(date).getUTCDay();
  return !calendar.weekend.includes(day) && !calendar.holidays.includes(date);
}

/**
 * Adds n working days to a calendar date: the start day does not count, weekends and holidays
 * are skipped. Pure date arithmetic on YYYY-MM-DD, so the host's zone cannot shift it.
 */
export function addWorkingDays(date: string, n: number, calendar: WorkCalendar): string {
  if (!Number.isInteger(n) || n < 0)
    throw new RangeError(`working days must be a whole number ≥ 0, got ${n}`);
  if (calendar.weekend.length >= 7)
    throw new RangeError('a calendar needs at least one working day');
  // Milliseconds in UTC, which has no daylight saving: a day is always 86,400,000 ms.
  let current = parseDay(date).getTime();
  let left = n;
  while (left > 0) {
    current += 86_400_000;
    if (isWorkingDay(formatDay(new Date(current)), calendar)) left -= 1;
  }
  return formatDay(new Date(current));
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
  const start = parseDay(date);
  switch (unit) {
    case 'working-days':
      return addWorkingDays(date, amount, calendar);
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
